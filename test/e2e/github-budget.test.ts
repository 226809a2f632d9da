import { afterEach, describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../src/engine/events.js';
import { lumenLedger } from '../fakes/github/lumen-ledger.js';
import { scanGithub } from '../fakes/github/scan.js';
import { startFakeGithub, type FakeGithub } from '../fakes/github/server.js';

/**
 * GitHub's primary rate limit: "You should not retry your request until after the time specified by
 * the x-ratelimit-reset header … Continuing to make requests while you are rate limited may result in
 * the banning of your integration." The fake refuses every request past its budget until the reset and
 * counts them (afterExhaustion); GET /rate_limit does not count
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api).
 */

const TOKEN = 'ghp_e2eFakeToken0123456789abcdefABCDEF0123';
let fake: FakeGithub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const notices = (events: ScanEvent[]) =>
  events.flatMap((e) => (e.type === 'progress' && e.notice ? [e.message] : []));

describe('GitHub rate limit budget', () => {
  it('reads the budget first, says what the scan needs, waits for the reset with a countdown and sends nothing while spent', async () => {
    fake = await startFakeGithub(lumenLedger, { token: TOKEN, rateLimit: 20, resetSeconds: 2 });
    const events: ScanEvent[] = [];
    const { result } = await scanGithub({
      baseUrl: fake.url,
      env: { GITHUB_TOKEN: TOKEN },
      onEvent: (e) => events.push(e),
    });
    expect(result.scan.complete).toBe(true);
    expect(fake.requests[0]).toBe('GET /rate_limit');
    expect(fake.afterExhaustion).toEqual({ core: 0, graphql: 0 });
    // More requests than one window allows: the scan used a second window.
    expect(fake.requests.length - 1).toBeGreaterThan(20);
    const said = notices(events);
    expect(said[0]).toMatch(/^rate limit: REST 20\/20 left, resets in 0:0\d; GraphQL 5000\/5000 left/);
    expect(
      said.some((m) =>
        /needs about \d+ REST requests and 1 GraphQL query for 10 active repositories; 1?\d left, so the scan will wait for the reset/.test(
          m,
        ),
      ),
    ).toBe(true);
    expect(said.some((m) => /^core rate limit spent: waiting 0:0\d for the reset$/.test(m))).toBe(true);
    const stats = result.providers.find((p) => p.id === 'github')?.stats;
    expect(Number(stats?.rateLimitWaitMs)).toBeGreaterThan(0);
  });

  it('with --no-wait reports what it could not read as not checked, with a structured cause, and sends nothing while spent', async () => {
    fake = await startFakeGithub(lumenLedger, { token: TOKEN, rateLimit: 20, resetSeconds: 3600 });
    const { result, snapshot } = await scanGithub({
      baseUrl: fake.url,
      env: { GITHUB_TOKEN: TOKEN, SOC2_NO_WAIT: '1' },
    });
    expect(result.scan.complete).toBe(false);
    expect(fake.afterExhaustion).toEqual({ core: 0, graphql: 0 });
    const rest = fake.requests.filter((r) => r.startsWith('GET /') && r !== 'GET /rate_limit');
    expect(rest).toHaveLength(20);
    const causes = Object.values(snapshot.data).flatMap((entry) => {
      if (entry.status === 'error') return [entry.cause];
      if (entry.status !== 'ok' || !Array.isArray(entry.value)) return [];
      return (entry.value as { status?: string; cause?: unknown }[])
        .filter((v) => v.status === 'error')
        .map((v) => v.cause);
    });
    expect(causes.length).toBeGreaterThan(0);
    for (const cause of causes)
      expect(cause).toMatchObject({
        kind: 'throttled',
        message: expect.stringMatching(/not sent \(--no-wait\)/),
      });
    const stats = result.providers.find((p) => p.id === 'github')?.stats;
    expect(Number(stats?.notSentBudgetSpent)).toBeGreaterThan(0);
  });
});
