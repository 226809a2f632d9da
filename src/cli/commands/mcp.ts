import { dirname, resolve } from 'node:path';
import { InputError } from '../../engine/errors.js';
import type { McpContext } from '../../mcp/context.js';
import { loadSetup, loadSetupCatalog } from '../setup.js';
import { DEFAULT_OUT_DIR } from './scan.js';

export interface McpFlags {
  report?: string;
  config?: string;
  root?: string;
  allowScan?: boolean;
  http?: string;
}

/** Bearer tokens shorter than this are refused: they could be guessed. */
const MIN_TOKEN_LENGTH = 16;

/** `HOST:PORT`, `:PORT` or `PORT`; the host defaults to 127.0.0.1 (IPv6 hosts in brackets). */
export function parseListen(value: string): { host: string; port: number } {
  const match = /^(?:(\[[0-9a-fA-F:.]+\]|[^:[\]]*):)?(\d{1,5})$/.exec(value.trim());
  const port = match ? Number(match[2]) : NaN;
  if (!match || port > 65535)
    throw new InputError(`--http: '${value}' is not HOST:PORT (e.g. 127.0.0.1:8808, :8808 or 8808)`);
  const host = (match[1] || '127.0.0.1').replace(/^\[(.*)\]$/, '$1');
  return { host, port };
}

/** `soc2 mcp`: serves a scan output folder to MCP clients over stdio, or Streamable HTTP with --http. */
export async function mcpCommand(flags: McpFlags, env = process.env): Promise<number> {
  const listen = flags.http === undefined ? undefined : parseListen(flags.http);
  const token = env.SOC2_MCP_TOKEN ?? '';
  if (listen && token.length < MIN_TOKEN_LENGTH)
    throw new InputError(
      `--http needs a bearer token of at least ${MIN_TOKEN_LENGTH} characters in SOC2_MCP_TOKEN (e.g. export SOC2_MCP_TOKEN=$(openssl rand -hex 32)); clients send it as Authorization: Bearer <token>`,
    );
  const setup = await loadSetup(flags.config);
  const reportDir = resolve(flags.report ?? setup.config.output?.dir ?? DEFAULT_OUT_DIR);
  const context: McpContext = {
    reportDir,
    root: resolve(flags.root ?? dirname(reportDir)),
    config: setup.config,
    registry: setup.registry,
    catalog: loadSetupCatalog(setup, [setup.config.catalog]),
    allowScan: Boolean(flags.allowScan),
    env,
  };
  // Each transport is imported only when used: the HTTP one brings a web framework along.
  if (!listen) {
    const { serveStdio } = await import('../../mcp/stdio.js');
    await serveStdio(context);
    return 0;
  }
  const { serveHttp } = await import('../../mcp/http.js');
  const listener = await serveHttp(context, listen, token).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`--http ${flags.http}: cannot listen (${error.code ?? error.message})`);
  });
  process.stderr.write(`soc2 mcp: serving ${reportDir} on ${listener.url}\n`);
  await new Promise<void>((done) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => done());
  });
  await listener.close();
  return 0;
}
