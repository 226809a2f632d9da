import { scanGithub } from '../../test/fakes/github/scan.js';
import { startFakeGithub, type FakeGithub } from '../../test/fakes/github/server.js';
import { githubOrg, githubSizes } from './github-world.js';
import { githubMinimums } from './plan.js';

/**
 * GitHub's request budget on the synthetic organization (1,000 repositories, 2,000 members at scale
 * 1): REST requests and GraphQL queries against the fewest the GraphQL-based design needs, and
 * requests that reached the fake after a rate limit was spent (must be 0). Run through
 * scripts/bench-github-budget.mjs.
 */

const TOKEN = 'ghp_benchBudget0123456789abcdefABCDEF01234';

interface Outcome {
  scenario: string;
  rest: number;
  graphql: number;
  afterExhaustion: number;
  complete: boolean;
  notChecked: number;
  seconds: number;
}

async function run(
  scenario: string,
  scale: number,
  fakeOptions: { rateLimit: number; resetSeconds?: number },
  env: NodeJS.ProcessEnv = {},
): Promise<Outcome> {
  const org = githubOrg(githubSizes(scale));
  const fake: FakeGithub = await startFakeGithub(org, { token: TOKEN, ...fakeOptions });
  const started = performance.now();
  try {
    const { result, snapshot } = await scanGithub({
      org: org.login,
      baseUrl: fake.url,
      env: { GITHUB_TOKEN: TOKEN, ...env },
    });
    const notChecked = Object.values(snapshot.data).reduce((n, entry) => {
      if (entry.status === 'error') return n + 1;
      if (entry.status !== 'ok' || !Array.isArray(entry.value)) return n;
      return n + (entry.value as { status?: string }[]).filter((v) => v?.status === 'error').length;
    }, 0);
    return {
      scenario,
      rest: fake.requests.filter((r) => r.startsWith('GET ') && r !== 'GET /rate_limit').length,
      graphql: fake.requests.filter((r) => r === 'POST /graphql').length,
      afterExhaustion: fake.afterExhaustion.core + fake.afterExhaustion.graphql,
      complete: result.scan.complete,
      notChecked,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await fake.close();
  }
}

export async function benchGithubBudget(scale: number): Promise<string> {
  const sizes = githubSizes(scale);
  const { rest: restMin, graphql: graphqlMin } = githubMinimums(sizes);
  const outcomes = [
    await run("a token's hour (5,000)", scale, { rateLimit: 5000 }),
    await run('budget 1,000, --no-wait', scale, { rateLimit: 1000 }, { SOC2_NO_WAIT: '1' }),
    await run('budget 1,500, reset after 3 s: waits', scale, { rateLimit: 1500, resetSeconds: 3 }),
  ];
  const rows = outcomes.map(
    (o) =>
      `| ${o.scenario} | ${o.rest} | ${o.graphql} | ${(o.rest / restMin).toFixed(2)} | ${o.afterExhaustion} | ${o.complete ? 'yes' : `no (${o.notChecked} scopes not checked)`} | ${o.seconds.toFixed(1)} |`,
  );
  return [
    `GitHub budget, ${sizes.repos} repositories (${Math.round(sizes.repos / 20)} archived), ${sizes.members} members.`,
    `Minimum for the GraphQL-based design: ${restMin} REST + ${graphqlMin} GraphQL (plus one GET /rate_limit, free).`,
    'Secondary-limit pacing is time-scaled (a minute of 60 ms, SOC2_GITHUB_RETRY_BASE_MS=1); the fake has no latency.',
    '',
    '| scenario | REST | GraphQL | REST / minimum | requests after exhaustion | complete | wall s |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
