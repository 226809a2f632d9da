import type { AnyCheck } from '../src/engine/check.js';
import { awsChecks } from './aws/index.js';
import { docsChecks } from './docs/index.js';
import { githubChecks } from './github/index.js';
import { googleChecks } from './google/index.js';
import { hrChecks } from './hr/index.js';

/** Every built-in check. Each provider folder's index lists its own. */
export const allChecks: AnyCheck[] = [
  ...awsChecks,
  ...githubChecks,
  ...googleChecks,
  ...hrChecks,
  ...docsChecks,
];
