import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../harness/cli.js';

/** Runs the CLI and closes its stdout after the first chunk, as `| head -1` does. */
function firstChunkOnly(args: string[]): Promise<{ code: number | null; stderr: string; first: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, NO_COLOR: '1', CI: '1' },
    cwd: mkdtempSync(join(tmpdir(), 'soc2-pipe-')),
  });
  let stderr = '';
  let first = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.once('data', (d) => {
    first = String(d);
    child.stdout.destroy();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr, first })));
}

describe('a reader that goes away (| head)', () => {
  it.each([
    [['catalog', 'list'], 0],
    [['checks', 'list'], 0],
    [['catalog', 'list', '--json'], 0],
    [['scan', '--demo', '--json', '--quiet', '--out', 'out'], 3],
  ])('soc2 %j ends with its own exit code and no stack trace', async (args, code) => {
    const run = await firstChunkOnly(args);
    expect(run.first.length).toBeGreaterThan(0);
    expect(run.stderr).not.toContain('EPIPE');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(run.code).toBe(code);
  });
});
