import { describe, expect, it } from 'vitest';
import { backoffDelay, sleep } from '../../src/core/backoff.js';

describe('backoffDelay', () => {
  const policy = { baseDelayMs: 1000, maxDelayMs: 8000 };
  it('doubles per attempt with jitter in [d/2, d] and a cap', () => {
    expect(backoffDelay(policy, 0, () => 0)).toBe(500);
    expect(backoffDelay(policy, 0, () => 1)).toBe(1000);
    expect(backoffDelay(policy, 2, () => 1)).toBe(4000);
    expect(backoffDelay(policy, 6, () => 1)).toBe(8000);
    expect(backoffDelay(policy, 6, () => 0)).toBe(4000);
  });

  it('spreads clients that fail together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(policy, 3)));
    expect(delays.size).toBeGreaterThan(10);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(4000);
  });
});

describe('sleep', () => {
  it('rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const slept = sleep(60_000, controller.signal);
    controller.abort(new Error('SIGINT'));
    await expect(slept).rejects.toThrow('SIGINT');
  });

  it('rejects at once when already aborted', async () => {
    await expect(sleep(60_000, AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
  });
});
