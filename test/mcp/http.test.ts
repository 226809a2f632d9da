import { request } from 'node:http';
import { rmSync } from 'node:fs';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { soc2 } from '../harness/cli.js';
import { call, demoOutput, errorText, httpClient, startHttpServer, type HttpServer } from './harness.js';

/** `soc2 mcp --http`: Streamable HTTP, a bearer token on every request, sessions per client. */
const TOKEN = 'test-token-0123456789abcdef0123456789abcdef';
let demo: ReturnType<typeof demoOutput>;
let server: HttpServer;

beforeAll(async () => {
  demo = demoOutput();
  server = await startHttpServer(['--report', demo.dir], { SOC2_MCP_TOKEN: TOKEN });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(demo.root, { recursive: true, force: true });
});

const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

/** A raw POST of an initialize request, with the headers given (node:http, so Host can be set). */
function post(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...headers,
        },
      },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(INITIALIZE);
  });
}

describe('soc2 mcp --http', () => {
  it('refuses to start without a bearer token in SOC2_MCP_TOKEN, or with a short one (exit 2)', () => {
    for (const env of [{}, { SOC2_MCP_TOKEN: 'short' }]) {
      const run = soc2(['mcp', '--http', '127.0.0.1:0', '--report', demo.dir], { env });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('SOC2_MCP_TOKEN');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    const bad = soc2(['mcp', '--http', 'nowhere:port', '--report', demo.dir], {
      env: { SOC2_MCP_TOKEN: TOKEN },
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--http: 'nowhere:port' is not HOST:PORT");
  });

  it('listens on 127.0.0.1 by default', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(new URL(server.url).pathname).toBe('/mcp');
  });

  it('answers 401 to a request without the token or with a wrong one', async () => {
    const none = await post(server.url, {});
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect((await post(server.url, { authorization: 'Bearer wrong-token-wrong-token-wrong' })).status).toBe(
      401,
    );
    expect((await post(server.url, { authorization: `Basic ${TOKEN}` })).status).toBe(401);
    await expect(httpClient(server.url, 'not-the-token-at-all')).rejects.toThrow();
  });

  it('answers a GET without a session, or with an unknown one, with an error and no session', async () => {
    const headers = { Authorization: `Bearer ${TOKEN}`, accept: 'text/event-stream' };
    expect((await fetch(server.url, { headers })).status).toBe(400);
    const unknown = await fetch(server.url, { headers: { ...headers, 'mcp-session-id': 'not-a-session' } });
    expect(unknown.status).toBe(404);
  });

  it('refuses a Host header naming another host (DNS rebinding), even with the token', async () => {
    const { port } = new URL(server.url);
    const rebound = await post(server.url, {
      authorization: `Bearer ${TOKEN}`,
      host: `evil.example:${port}`,
    });
    expect(rebound.status).toBe(403);
  });

  it('serves the eight tools to clients with the token, each in its own session', async () => {
    const clients: Client[] = [await httpClient(server.url, TOKEN), await httpClient(server.url, TOKEN)];
    try {
      for (const client of clients) {
        expect((await client.listTools()).tools).toHaveLength(8);
        const fail = await call(client, 'list_findings', { status: 'fail' });
        expect((fail.structuredContent as { total: number }).total).toBe(demo.report.summary.findings.fail);
        const readiness = await call(client, 'get_readiness');
        expect((readiness.structuredContent as { readiness: number }).readiness).toBe(
          demo.report.summary.readiness,
        );
        expect(errorText(await call(client, 'get_evidence', { path: '../../etc/passwd' }))).toContain(
          'outside',
        );
        expect(errorText(await call(client, 'run_scan'))).toContain('--allow-scan');
      }
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });
});
