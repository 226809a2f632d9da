import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleError } from '../../src/cli/main.js';
import { ExitCode } from '../../src/engine/errors.js';

function stderrOf(run: () => number): { code: number; stderr: string } {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = run();
  return { code, stderr };
}

afterEach(() => vi.restoreAllMocks());

describe('errors that reach the top of the CLI', () => {
  it('a full disk is named as such, not as an internal error to report', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      syscall: 'write',
    });
    const { code, stderr } = stderrOf(() => handleError(full));
    expect(code).toBe(ExitCode.incomplete);
    expect(stderr).toBe('soc2: cannot write to disk: ENOSPC: no space left on device, write\n');
  });

  it('anything unexpected is an internal error with a hint, and no stack trace', () => {
    const { code, stderr } = stderrOf(() => handleError(new TypeError('x is not a function')));
    expect(code).toBe(ExitCode.incomplete);
    expect(stderr).toContain('soc2: internal error: x is not a function\n');
    expect(stderr).toContain('SOC2_DEBUG=1');
    expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
