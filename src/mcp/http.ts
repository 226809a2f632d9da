import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { McpContext } from './context.js';
import { createMcpServer } from './server.js';

export const MCP_PATH = '/mcp';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** `Authorization: Bearer <token>`, compared in constant time. */
function authorized(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return Boolean(match) && timingSafeEqual(digest(match![1]!), digest(token));
}

function reject(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

export interface HttpListener {
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * Streamable HTTP on HOST:PORT at /mcp: every request must carry the bearer token; each client gets its
 * own session (an MCP server over the same context). On a loopback address, requests whose Host header
 * names another host are refused (DNS rebinding).
 */
export async function serveHttp(
  context: McpContext,
  listen: { host: string; port: number },
  token: string,
): Promise<HttpListener> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  let allowedHosts: string[] | undefined;

  const http = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) reject(res, 500, `internal error: ${(error as Error).message}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== MCP_PATH) return reject(res, 404, `not found: the MCP endpoint is ${MCP_PATH}`);
    if (!authorized(req, token))
      return reject(res, 401, 'missing or wrong bearer token (Authorization: Bearer $SOC2_MCP_TOKEN)', {
        'www-authenticate': 'Bearer realm="soc2"',
      });
    const sessionId = req.headers['mcp-session-id'];
    if (typeof sessionId === 'string') {
      const transport = sessions.get(sessionId);
      if (!transport) return reject(res, 404, 'unknown or closed session; initialize again');
      return transport.handleRequest(req, res);
    }
    if (req.method !== 'POST') return reject(res, 400, 'no mcp-session-id: initialize first with a POST');
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => void sessions.set(id, transport),
      ...(allowedHosts ? { enableDnsRebindingProtection: true, allowedHosts } : {}),
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await createMcpServer(context).connect(transport);
    await transport.handleRequest(req, res);
    // Anything but an initialize request was refused by the transport: no session to keep.
    if (!transport.sessionId) await transport.close();
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(listen.port, listen.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  if (LOOPBACK.has(listen.host)) allowedHosts = [...LOOPBACK].map((host) => `${host}:${port}`);
  const shownHost =
    listen.host.includes(':') && !listen.host.startsWith('[') ? `[${listen.host}]` : listen.host;
  return {
    url: `http://${shownHost}:${port}${MCP_PATH}`,
    close: async () => {
      await Promise.all([...sessions.values()].map((t) => t.close()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
