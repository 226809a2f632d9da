import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { causeOf } from '../../../src/sdk/index.js';
import {
  createOktaClient,
  nextLink,
  OktaApiError,
  type RetrySettings,
} from '../../../plugins/okta/client.js';

// The client against a bare node:http server answering as Okta documents it
// (https://developer.okta.com/docs/reference/rl-best-practices/, https://developer.okta.com/docs/reference/error-codes/).

type Handler = (url: URL, res: ServerResponse, seen: number) => void;
interface Seen {
  path: string;
  search: string;
  at: number;
  authorization: string | undefined;
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(handler: Handler): Promise<{ orgUrl: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({
      path: url.pathname,
      search: url.search,
      at: Date.now(),
      authorization: req.headers.authorization,
    });
    handler(url, res, seen.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return { orgUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function client(
  orgUrl: string,
  retry: RetrySettings = { attempts: 3, maxWaitSeconds: 5 },
  signal = new AbortController().signal,
) {
  return createOktaClient({
    orgUrl,
    authorization: () => Promise.resolve('SSWS test-token'),
    retry,
    timeoutMs: 5000,
    signal,
  });
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const error = (code: string, summary: string) => ({
  errorCode: code,
  errorSummary: summary,
  errorLink: code,
  errorId: 'oae1',
  errorCauses: [],
});
const epoch = () => Math.floor(Date.now() / 1000);

describe('nextLink', () => {
  it('finds rel="next" among several links, quoted or not', () => {
    expect(
      nextLink(
        '<https://o.okta.com/api/v1/users?limit=2>; rel="self", <https://o.okta.com/api/v1/users?after=00u2&limit=2>; rel="next"',
      ),
    ).toBe('https://o.okta.com/api/v1/users?after=00u2&limit=2');
    expect(nextLink('<https://o/a?after=1>; rel=next')).toBe('https://o/a?after=1');
    expect(nextLink('<https://o/a>; rel="self"')).toBeUndefined();
    expect(nextLink(null)).toBeUndefined();
  });
});

describe('the Okta client', () => {
  it('follows Link rel="next" but only ever calls the org: a next link naming another host is rebased', async () => {
    const { orgUrl, seen } = await serve((url, res) =>
      url.searchParams.get('after')
        ? json(res, 200, [{ id: 'b' }])
        : json(res, 200, [{ id: 'a' }], {
            link: '<http://elsewhere.example:9/api/v1/users?after=a&limit=1>; rel="next"',
          }),
    );
    expect(await client(orgUrl).list('users', '/api/v1/users', { limit: '1' })).toEqual([
      { id: 'a' },
      { id: 'b' },
    ]);
    expect(seen.map((s) => `${s.path}${s.search}`)).toEqual([
      '/api/v1/users?limit=1',
      '/api/v1/users?after=a&limit=1',
    ]);
    expect(seen.every((s) => s.authorization === 'SSWS test-token')).toBe(true);
  });

  it('after an answer with X-Rate-Limit-Remaining 0, the next call to that endpoint waits for the reset', async () => {
    let reset = 0;
    const { orgUrl, seen } = await serve((_url, res, n) => {
      reset = epoch() + 1;
      json(res, 200, [{ n }], {
        'x-rate-limit-limit': '10',
        'x-rate-limit-remaining': n === 1 ? '0' : '9',
        'x-rate-limit-reset': String(reset),
      });
    });
    const okta = client(orgUrl);
    await okta.get('users', '/api/v1/users/00u1234567890abcdefg/factors');
    const firstReset = reset;
    await okta.get('users', '/api/v1/users/00uzyxwvutsrqponmlkj/factors');
    expect(seen[1]!.at).toBeGreaterThanOrEqual(firstReset * 1000);
    expect(okta.stats.rateLimitWaits).toBe(1);
  });

  it('a 429 whose reset is further away than maxWaitSeconds fails at once as throttled, without retrying', async () => {
    const { orgUrl, seen } = await serve((_url, res) =>
      json(res, 429, error('E0000047', 'API call exceeded rate limit due to too many requests.'), {
        'x-rate-limit-limit': '600',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(epoch() + 3600),
      }),
    );
    const failure = await client(orgUrl, { attempts: 5, maxWaitSeconds: 60 })
      .get('apps', '/api/v1/apps')
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OktaApiError);
    expect(causeOf(failure)).toMatchObject({ kind: 'throttled', status: 429, code: 'E0000047' });
    expect(seen).toHaveLength(1);
  });

  it('retries 503 with backoff; a 403 is not retried and carries status and errorCode', async () => {
    const { orgUrl, seen } = await serve((url, res, n) =>
      url.pathname === '/api/v1/apps'
        ? n === 1
          ? json(res, 503, error('E0000009', 'Internal Server Error'))
          : json(res, 200, [])
        : json(res, 403, error('E0000006', 'You do not have permission to perform the requested action')),
    );
    const okta = client(orgUrl);
    expect(await okta.list('apps', '/api/v1/apps')).toEqual([]);
    const denied = await okta
      .get('policies', '/api/v1/policies', { type: 'PASSWORD' })
      .catch((e: unknown) => e);
    expect(causeOf(denied)).toMatchObject({ kind: 'permission', status: 403, code: 'E0000006' });
    expect((denied as Error).message).toBe(
      'policies: 403 E0000006 You do not have permission to perform the requested action',
    );
    expect(seen.map((s) => s.path)).toEqual(['/api/v1/apps', '/api/v1/apps', '/api/v1/policies']);
    expect(okta.stats.retries).toBe(1);
  });

  it('an org that does not answer fails with a network cause after the retries', async () => {
    const { orgUrl } = await serve(() => undefined);
    await close!();
    close = undefined;
    const okta = client(orgUrl, { attempts: 2, maxWaitSeconds: 5 });
    const failure = await okta.get('users', '/api/v1/users').catch((e: unknown) => e);
    expect(causeOf(failure)).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
    expect(okta.stats).toMatchObject({ requests: 2, retries: 1 });
  });

  it('a next link that repeats a page already read stops with an error instead of paging forever', async () => {
    const { orgUrl, seen } = await serve((_url, res) =>
      json(res, 200, [{ id: 'a' }], { link: '<http://x/api/v1/apps?after=a>; rel="next"' }),
    );
    await expect(client(orgUrl).list('apps', '/api/v1/apps')).rejects.toThrow(/next link repeats/);
    expect(seen).toHaveLength(2);
  });

  it('a rate-limit wait stops when the scan is interrupted', async () => {
    const { orgUrl, seen } = await serve((_url, res) =>
      json(res, 429, error('E0000047', 'API call exceeded rate limit due to too many requests.'), {
        'x-rate-limit-reset': String(epoch() + 30),
      }),
    );
    const controller = new AbortController();
    const pending = client(orgUrl, { attempts: 3, maxWaitSeconds: 60 }, controller.signal).get(
      'users',
      '/api/v1/users',
    );
    setTimeout(() => controller.abort(new Error('interrupted')), 50);
    await expect(pending).rejects.toThrow('interrupted');
    expect(seen).toHaveLength(1);
  });
});
