import { lumenLedger } from '../../fakes/github/lumen-ledger.js';
import { startFakeGithub, type Fault } from '../../fakes/github/server.js';
import type { Target } from '../harness.js';

const TOKEN = 'ghp_faultSuiteToken0123456789abcdefABCDEF01';

/** The demo organization on the GitHub fake, served under /api/v3 as GitHub Enterprise Server does. */
export const githubTarget: Target = githubTargetWith([]);

/** The same, with some endpoints failing as the faults say (e.g. one repository answering 403). */
export function githubTargetWith(faults: Fault[]): Target {
  return {
    provider: 'github',
    async start() {
      const fake = await startFakeGithub(lumenLedger, { token: TOKEN, prefix: '/api/v3', faults });
      return { url: fake.url, close: () => fake.close() };
    },
    // REST for per-repository settings: the seeded one-in-twenty 5xx mix needs its request volume to
    // hit anything (GraphQL under 5xx and secondary limits: test/e2e/github-graphql.test.ts).
    config: (url) => ({ github: { org: lumenLedger.login, baseUrl: `${url}/api/v3`, graphql: false } }),
    env: () => ({ GITHUB_TOKEN: TOKEN, SOC2_GITHUB_RETRY_BASE_MS: '1' }),
  };
}
