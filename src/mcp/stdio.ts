import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { McpContext } from './context.js';
import { createMcpServer } from './server.js';

/** Serves one client on stdin/stdout until stdin closes. Nothing but protocol messages goes to stdout. */
export async function serveStdio(context: McpContext): Promise<void> {
  const server = createMcpServer(context);
  const closed = new Promise<void>((resolve) => (server.server.onclose = resolve));
  await server.connect(new StdioServerTransport());
  process.stdin.once('end', () => void server.close());
  await closed;
}
