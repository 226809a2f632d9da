import { describe, expect, it } from 'vitest';
import { extraRateLimitWait } from './client.js';

describe('extraRateLimitWait', () => {
  it('adds at most a second at random after a primary limit resets', () => {
    expect(extraRateLimitWait(300_000, 0, true, 1000, () => 0)).toBe(0);
    expect(extraRateLimitWait(300_000, 2, true, 1000, () => 0.999)).toBeCloseTo(999);
  });

  it('doubles the wait for each repeated secondary limit, plus up to half of it at random', () => {
    expect(extraRateLimitWait(60_000, 0, false, 1000, () => 0)).toBe(0);
    expect(extraRateLimitWait(60_000, 0, false, 1000, () => 1)).toBe(30_000);
    expect(extraRateLimitWait(60_000, 1, false, 1000, () => 0)).toBe(60_000);
    expect(extraRateLimitWait(60_000, 2, false, 1000, () => 0.5)).toBe(180_000 + 15_000);
  });

  it('spreads clients limited at the same moment', () => {
    const waits = new Set(
      Array.from({ length: 20 }, () => Math.round(extraRateLimitWait(60_000, 0, false, 1000))),
    );
    expect(waits.size).toBeGreaterThan(15);
  });
});
