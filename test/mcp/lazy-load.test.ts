import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv } from '../harness/cli.js';

/** Logs every module of the MCP SDK or zod that the process resolves (module.registerHooks, Node >= 22.15). */
const HOOK = `data:text/javascript,${encodeURIComponent(`
import { registerHooks } from 'node:module';
registerHooks({
  resolve(specifier, context, next) {
    const resolved = next(specifier, context);
    if (/@modelcontextprotocol|node_modules\\/zod\\//.test(resolved.url)) process.stderr.write('LOADED ' + resolved.url + '\\n');
    return resolved;
  },
});`)}`;

function run(args: string[]): string {
  const result = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], {
    env: cleanEnv(),
    encoding: 'utf8',
    input: '',
    timeout: 60_000,
  });
  return result.stderr;
}

describe.runIf('registerHooks' in nodeModule)('the MCP SDK is loaded only by soc2 mcp', () => {
  it('soc2 --help and soc2 scan load neither @modelcontextprotocol/sdk nor zod; soc2 mcp does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-mcp-lazy-'));
    try {
      expect(run(['--help'])).not.toContain('LOADED');
      expect(run(['scan', '--demo', '--out', join(dir, 'out'), '--quiet'])).not.toContain('LOADED');
      // The hook works: soc2 mcp (stdin closed at once) loads the SDK.
      expect(run(['mcp', '--report', dir])).toContain('LOADED');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
