import { describe, expect, it } from 'vitest';
import { startHangingServer } from '../harness/hanging-server.js';
import { registered, scanAt } from './harness.js';
import { targets } from './targets/index.js';

/**
 * A provider whose endpoint never answers: requests are abandoned after SOC2_REQUEST_TIMEOUT_MS and
 * retried, the endpoint is given up on after a few timeouts in a row, and the provider's checks end in
 * error naming the timeout instead of the scan hanging.
 */
describe('per-request timeout', () => {
  it.each(
    targets.filter((t) => registered(t.provider)).map((target) => ({ provider: target.provider, target })),
  )(
    '$provider: an endpoint that never answers ends every check in error naming the timeout',
    async ({ target }) => {
      const silent = await startHangingServer();
      try {
        const result = await scanAt([{ target, url: silent.url }], { SOC2_REQUEST_TIMEOUT_MS: '150' });
        const mine = result.checks.filter((c) => c.provider === target.provider);
        expect(mine.length).toBeGreaterThan(0);
        for (const check of mine) {
          expect(check.status, `${check.id}: ${check.reason}`).toBe('error');
          expect(check.reason, check.id).toMatch(/time(d)? ?out/i);
        }
        expect(result.summary.exitCode).toBe(3);
        // It stops sending once the endpoint has let several requests in a row time out, instead of
        // spending every attempt of every request on it (hours on a large organization).
        expect(
          mine.some((c) => /stopped answering: \d+ requests in a row timed out/.test(c.reason ?? '')),
        ).toBe(true);
        expect(silent.requests).toBeLessThanOrEqual(20);
      } finally {
        await silent.close();
      }
    },
  );
});
