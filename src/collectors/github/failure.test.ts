import { afterEach, describe, expect, it } from 'vitest';
import { closedPort } from '../../../test/faults/suite.js';
import { lumenLedger } from '../../../test/fakes/github/lumen-ledger.js';
import { startFakeGithub, type FakeGithub, type Fault } from '../../../test/fakes/github/server.js';
import { defaultConfig } from '../../core/config.js';
import { createGithubSession } from './client.js';
import { githubCause, unreadable } from './failure.js';

const TOKEN = 'ghp_failureTestToken0123456789abcdefABCDEF';
const HOOKS = 'GET /repos/{owner}/{repo}/hooks';
let fake: FakeGithub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** What the real Octokit client throws for GET hooks of ledger-api, at `url` or on a fake with `faults`. */
async function failureOf(target: { faults: Fault[] } | { url: string }): Promise<unknown> {
  let baseUrl: string;
  if ('url' in target) baseUrl = target.url;
  else {
    fake = await startFakeGithub(lumenLedger, { token: TOKEN, faults: target.faults });
    baseUrl = fake.url;
  }
  const config = { ...defaultConfig(), providers: { github: { org: 'lumen-ledger', baseUrl } } };
  const env = { GITHUB_TOKEN: TOKEN, SOC2_GITHUB_RETRY_BASE_MS: '1' };
  const { octokit } = createGithubSession(config, env, new AbortController().signal);
  try {
    await octokit.request(HOOKS, { owner: 'lumen-ledger', repo: 'ledger-api' });
  } catch (error) {
    return error;
  }
  throw new Error('the request did not fail');
}

const hooks = /^GET \/repos\/lumen-ledger\/ledger-api\/hooks/;

describe('a GitHub failure is classified from structured data', () => {
  it('a 5xx that outlasted the retries is unavailable, with the status', async () => {
    const error = await failureOf({ faults: [{ match: hooks, status: 500, times: 100 }] });
    expect(githubCause(error, HOOKS)).toEqual({
      kind: 'unavailable',
      status: 500,
      message: 'GET /repos/{owner}/{repo}/hooks: Server Error',
    });
    expect(unreadable(error, HOOKS, 'admin').failure.kind).toBe('unavailable');
  });

  it('a refused connection is a network failure with its code, not a 500', async () => {
    const error = await failureOf({ url: await closedPort() });
    expect(githubCause(error)).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
    expect(githubCause(error).status).toBeUndefined();
  });

  it('a rate limit that does not clear is throttling, never a denial, though GitHub answered 403', async () => {
    const error = await failureOf({
      faults: [{ match: hooks, status: 403, kind: 'secondary', times: 100, retryAfter: 0 }],
    });
    expect(githubCause(error)).toMatchObject({ kind: 'throttled', status: 403 });
    expect(unreadable(error, HOOKS, 'admin').failure).toMatchObject({ kind: 'throttled', status: 403 });
  });

  it('on a repository the token can list, 403 and 404 are missing permissions naming the grant', async () => {
    for (const status of [403, 404] as const) {
      const error = await failureOf({ faults: [{ match: hooks, status, kind: 'denied', times: 1 }] });
      await fake?.close();
      fake = undefined;
      expect(githubCause(error).kind).toBe(status === 403 ? 'permission' : 'not_found');
      expect(unreadable(error, HOOKS, 'Webhooks: read').failure).toMatchObject({
        kind: 'permission',
        status,
        message: expect.stringMatching(
          /^GET \/repos\/\{owner\}\/\{repo\}\/hooks: .+ \(needs Webhooks: read\)$/,
        ),
      });
    }
  });
});
