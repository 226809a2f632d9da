import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/engine/result.js';
import { registered, scanAt, scanThroughFaults, verdicts, type Target } from './harness.js';

/** A port where nothing listens: connections are refused. */
export async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** A server answering every request with 200 and the same body, e.g. a captive portal or a wrong host. */
export async function startGarbageServer(contentType: string, body: string) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const GARBAGE = {
  html: ['text/html; charset=utf-8', '<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>'],
  json: ['application/json', '{"items": [{"id": 1,'],
} as const;

const SEEDS = [1, 2, 3];

/** Every check of the provider ended in error with a cause, none passed or failed on no data. */
function expectAllErrored(result: ScanResult, provider: string, cause: RegExp) {
  const mine = result.checks.filter((c) => c.provider === provider);
  expect(mine.length).toBeGreaterThan(0);
  for (const check of mine) {
    expect(check.status, `${check.id}: ${check.reason}`).toBe('error');
    expect(check.reason, check.id).toMatch(cause);
  }
  expect(result.summary.exitCode).toBe(3);
  expect(result.scan.complete).toBe(false);
}

/**
 * The fault suite for one provider: injected throttling and server errors change nothing in the
 * findings; persistent throttling, an endpoint that is down and one that answers garbage end every
 * check in `error` with the cause (exit code 3), never in pass or fail.
 */
export function describeFaultSuite(
  target: Target,
  expectations: { throttled: RegExp; down: RegExp; garbage: RegExp },
) {
  describe.runIf(registered(target.provider))(`${target.provider} under injected faults`, () => {
    let clean: Awaited<ReturnType<typeof scanThroughFaults>>;
    beforeAll(async () => {
      clean = await scanThroughFaults(target);
    });

    it('a clean run collects everything (the baseline)', () => {
      expect(clean.stats.total.throttled + clean.stats.total.serverErrors).toBe(0);
      const errored = clean.result.checks.filter((c) => c.status === 'error');
      expect(errored.map((c) => `${c.id}: ${c.reason}`)).toEqual([]);
      expect(clean.result.checks.some((c) => c.status === 'fail')).toBe(true);
    });

    it.each(SEEDS)(
      'seed %i: one request in five throttled and one in twenty failing with 5xx, same findings as a clean run',
      async (seed) => {
        const faulty = await scanThroughFaults(target, { seed, throttle: 0.2, serverError: 0.05 });
        const { total } = faulty.stats;
        expect(total.throttled).toBeGreaterThan(0);
        expect(total.serverErrors).toBeGreaterThan(0);
        expect(total.forwarded).toBe(clean.stats.total.requests);
        expect(verdicts(faulty.result, target.provider)).toEqual(verdicts(clean.result, target.provider));
        expect(faulty.result.summary.exitCode).toBe(clean.result.summary.exitCode);
      },
    );

    it('throttled past the retry budget: every check ends in error naming the throttling', async () => {
      const { result } = await scanThroughFaults(target, { throttle: 1, maxConsecutive: 1000 });
      expectAllErrored(result, target.provider, expectations.throttled);
    });

    it('down (connection refused): every check ends in error with the cause', async () => {
      const result = await scanAt([{ target, url: await closedPort() }]);
      expectAllErrored(result, target.provider, expectations.down);
    });

    it.each(Object.keys(GARBAGE) as (keyof typeof GARBAGE)[])(
      'answering 200 with %s garbage: every check ends in error',
      async (kind) => {
        const [type, body] = GARBAGE[kind];
        const server = await startGarbageServer(type, body);
        try {
          const result = await scanAt([{ target, url: server.url }]);
          expectAllErrored(result, target.provider, expectations.garbage);
        } finally {
          await server.close();
        }
      },
    );
  });
}
