import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { registered, scanAt } from './harness.js';
import { targets } from './targets/index.js';

/** Accepts connections and requests, never answers. */
async function startSilentServer() {
  const sockets = new Set<Socket>();
  let requests = 0;
  const server: Server = createServer((req) => {
    requests += 1;
    req.resume();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

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
      const silent = await startSilentServer();
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
        expect(silent.requests()).toBeLessThanOrEqual(20);
      } finally {
        await silent.close();
      }
    },
  );
});
