import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/paths.js';

/**
 * Runs vitest in a plugin folder as its author would after `npm install` (soc2 as a development
 * dependency: here a link to this checkout), outside this test run's own vitest environment.
 */
export function runPluginTests(dir: string): { code: number | null; output: string } {
  const link = join(dir, 'node_modules', 'soc2');
  if (!existsSync(link)) {
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    symlinkSync(packageRoot, link, 'dir');
  }
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  const run = spawnSync(
    process.execPath,
    [join(packageRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', dir],
    { cwd: dir, env: { ...env, NO_COLOR: '1', CI: '1' }, encoding: 'utf8', timeout: 120_000 },
  );
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}
