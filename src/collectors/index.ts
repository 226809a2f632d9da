import type { Provider } from '../engine/collector.js';
import { awsProvider } from './aws/provider.js';
import { docsProvider } from './docs/provider.js';
import { githubProvider } from './github/provider.js';
import { googleProvider } from './google/provider.js';
import { hrProvider } from './hr/provider.js';

/**
 * The light halves of all providers (no SDK imports). Each provider's heavy half is loaded through
 * provider.load() only when one of its data keys is needed and it is configured.
 */
export const providers: Provider[] = [awsProvider, githubProvider, googleProvider, hrProvider, docsProvider];
