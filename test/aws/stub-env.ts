import { vi } from 'vitest';
import { fakeAwsEnv } from '../fakes/aws/world.js';

/** The SDK reads credentials and endpoint overrides from process.env, as it does for users. */
export function stubAwsEnv(url: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const vars: Record<string, string> = {
    ...fakeAwsEnv(url),
    SOC2_AWS_RETRY_BASE_MS: '1',
    SOC2_AWS_POLL_MS: '1',
    ...extra,
  };
  for (const name of [
    'AWS_PROFILE',
    'AWS_SESSION_TOKEN',
    'AWS_DEFAULT_REGION',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
  ])
    vi.stubEnv(name, undefined);
  for (const name of Object.keys(process.env).filter((n) => n.startsWith('AWS_ENDPOINT_URL')))
    vi.stubEnv(name, undefined);
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return process.env;
}
