import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/paths.js';

describe('the generated registries of built-in providers and checks', () => {
  it('match the folders (run npm run gen after adding a provider or a check)', () => {
    const run = spawnSync(process.execPath, [join(packageRoot, 'scripts/gen.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
