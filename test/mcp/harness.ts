import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ScanResult } from '../../src/engine/result.js';
import { BIN, cleanEnv, soc2 } from '../harness/cli.js';

/** A scan output of the demo company, written once per test file by the built CLI. */
export function demoOutput(): { root: string; dir: string; report: ScanResult } {
  const root = mkdtempSync(join(tmpdir(), 'soc2-mcp-'));
  const dir = join(root, 'demo-report');
  const run = soc2(['scan', '--demo', '--out', dir, '--quiet']);
  if (run.code !== 3 && run.code !== 1) throw new Error(`demo scan failed (${run.code}): ${run.stderr}`);
  return { root, dir, report: readReportJson(dir) };
}

export function copyOutput(from: string, to: string): string {
  cpSync(from, to, { recursive: true });
  return to;
}

export function readReportJson(dir: string): ScanResult {
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ScanResult;
}

/** `soc2 mcp ARGS` over stdio, driven by the SDK's own client. */
export async function stdioClient(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Client> {
  const client = new Client({ name: 'soc2-test', version: '1.0.0' });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'mcp', ...args],
    env: cleanEnv(env) as Record<string, string>,
    stderr: 'pipe',
  });
  await client.connect(transport);
  return client;
}

export interface HttpServer {
  url: string;
  child: ChildProcess;
  stderr(): string;
  stop(): Promise<number | null>;
}

/** `soc2 mcp --http 127.0.0.1:0 ARGS`; resolves once it prints the URL it listens on. */
export async function startHttpServer(args: string[], env: NodeJS.ProcessEnv): Promise<HttpServer> {
  const child = spawn(process.execPath, [BIN, 'mcp', '--http', '127.0.0.1:0', ...args], {
    env: cleanEnv(env),
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /on (http:\/\/\S+)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`soc2 mcp exited ${code}: ${stderr}`)));
  });
  return {
    url,
    child,
    stderr: () => stderr,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

export async function httpClient(url: string, token: string): Promise<Client> {
  const client = new Client({ name: 'soc2-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

/** A tool call's result, typed. */
export async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult & {
    structuredContent?: Record<string, unknown>;
  };
}

export function errorText(result: CallToolResult): string {
  expect(result.isError).toBe(true);
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

/** Calls a paged tool until it gives no nextCursor; returns each page's structured content. */
export async function allPages<T extends { nextCursor?: string }>(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<T[]> {
  const pages: T[] = [];
  let cursor: string | undefined;
  do {
    const result = await call(client, name, { ...args, ...(cursor ? { cursor } : {}) });
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    const page = result.structuredContent as T;
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}
