import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { colorLevel } from '../src/cli/color.js';
import { useSpinner } from '../src/cli/progress.js';
import { BIN } from './harness/cli.js';

const stream = (isTTY: boolean, columns: number) => ({ isTTY, columns }) as unknown as NodeJS.WriteStream;

describe('terminal behaviour', () => {
  it('spins only on a terminal that reports a width, outside CI', () => {
    expect(useSpinner(stream(true, 120), {})).toBe(true);
    expect(useSpinner(stream(true, 0), {})).toBe(false);
    expect(useSpinner(stream(false, 120), {})).toBe(false);
    expect(useSpinner(stream(true, 120), { CI: 'true' })).toBe(false);
    expect(useSpinner(stream(true, 120), { TERM: 'dumb' })).toBe(false);
  });

  it('honors NO_COLOR, lets FORCE_COLOR win, and colors only terminals by default', () => {
    expect(colorLevel({ NO_COLOR: '1' }, true)).toBe(0);
    expect(colorLevel({ NO_COLOR: '' }, true)).toBe(2);
    expect(colorLevel({ NO_COLOR: '1', FORCE_COLOR: '1' }, false)).toBe(1);
    expect(colorLevel({ FORCE_COLOR: '0' }, true)).toBe(0);
    expect(colorLevel({ FORCE_COLOR: '3' }, false)).toBe(3);
    expect(colorLevel({}, false)).toBe(0);
    expect(colorLevel({ TERM: 'dumb' }, true)).toBe(0);
  });

  it('tells users of an old Node.js which version it needs', () => {
    // The machines ship an older system Node.js; where one is installed, run the shim with it.
    const candidates = ['/usr/bin/node', '/usr/local/bin/node'];
    const old = candidates
      .map((path) => ({ path, run: spawnSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }) }))
      .find(({ run }) => run.status === 0 && Number(run.stdout.split('.')[0]) < 22);
    if (!old) return; // no older Node.js on this machine: nothing to exercise
    const run = spawnSync(old.path, [BIN, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('soc2 needs Node.js 22.12 or newer');
  });
});
