import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { graphClient, GraphError } from '../../../plugins/entra/graph.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A one-route Graph stand-in: each request gets the next scripted answer. */
async function serve(answers: { status: number; body: string; headers?: Record<string, string> }[]) {
  const seen: { path: string; authorization?: string }[] = [];
  server = createServer((req, res) => {
    seen.push({
      path: req.url ?? '',
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    const answer = answers.shift() ?? { status: 500, body: '{}' };
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const graphUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = graphClient({
    graphUrl,
    token: async () => 'secret-token',
    retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    timeoutMs: 5000,
    signal: new AbortController().signal,
  });
  return { client, seen, graphUrl };
}

describe('the Graph client', () => {
  it('refuses to follow an @odata.nextLink to another origin, so the token stays with Graph', async () => {
    const { client, seen } = await serve([
      {
        status: 200,
        body: JSON.stringify({
          value: [{ id: 1 }],
          '@odata.nextLink': 'https://evil.example/v1.0/users?$skiptoken=x',
        }),
      },
    ]);
    await expect(client.list('users', '/users')).rejects.toThrow(
      /refused to follow @odata.nextLink to https:\/\/evil.example/,
    );
    expect(seen).toHaveLength(1);
  });

  it("keeps Graph's error code, status and request id, and never retries a 403", async () => {
    const { client, seen } = await serve([
      {
        status: 403,
        body: JSON.stringify({
          error: {
            code: 'Authorization_RequestDenied',
            message: 'Insufficient privileges to complete the operation.',
            innerError: { 'request-id': 'r-1' },
          },
        }),
      },
    ]);
    const error = (await client.get('policy', '/policies/x').catch((e: unknown) => e)) as GraphError;
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 403, code: 'Authorization_RequestDenied', requestId: 'r-1' });
    expect(error.message).toBe(
      'policy: 403 Authorization_RequestDenied: Insufficient privileges to complete the operation.',
    );
    expect(seen).toHaveLength(1);
  });

  it('retries a 503 and reads an answer that is not JSON as a wrong graphUrl, not as an empty list', async () => {
    const { client, seen } = await serve([
      { status: 503, body: 'busy', headers: { 'Retry-After': '0' } },
      { status: 200, body: '<html>proxy login</html>' },
    ]);
    await expect(client.list('users', '/users')).rejects.toThrow(/not Microsoft Graph's JSON/);
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer secret-token', 'Bearer secret-token']);
  });
});
