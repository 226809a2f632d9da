import { describe, expect, it } from 'vitest';
import { pacer } from './pacer.js';

/** The most starts within any `windowMs`. */
function busiestWindow(starts: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < starts.length; i++) {
    while (starts[i]! - starts[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('pacer', () => {
  it("keeps any minute within GitHub's 900 REST points, and uses most of them", async () => {
    let now = 0;
    const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };
    const pace = pacer(900, 60_000, clock);
    const starts: number[] = [];
    for (let i = 0; i < 3000; i++) {
      await pace();
      starts.push(now);
    }
    const most = busiestWindow(starts, 60_000);
    expect(most).toBeLessThanOrEqual(900);
    expect(most).toBeGreaterThan(880);
  });

  it('keeps a small quota within its window too', async () => {
    let now = 0;
    const pace = pacer(40, 250, { now: () => now, sleep: async (ms: number) => void (now += ms) });
    const starts: number[] = [];
    for (let i = 0; i < 400; i++) {
      await pace();
      starts.push(now);
    }
    expect(busiestWindow(starts, 250)).toBeLessThanOrEqual(40);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => pacer(0, 60_000)).toThrow(RangeError);
  });
});
