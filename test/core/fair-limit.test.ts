import { describe, expect, it } from 'vitest';
import { fairLimit } from '../../src/engine/fair-limit.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('fairLimit', () => {
  it('gives queues turns for each free slot instead of first come, first served', async () => {
    const limit = fairLimit(1);
    const order: string[] = [];
    const job = (name: string) => async () => {
      order.push(name);
      await tick();
    };
    const a = limit.queue('a');
    const b = limit.queue('b');
    const c = limit.queue('c');
    await Promise.all([
      ...['a1', 'a2', 'a3', 'a4'].map((n) => a(job(n))),
      ...['b1', 'b2'].map((n) => b(job(n))),
      c(job('c1')),
    ]);
    expect(order).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4']);
  });

  it('never runs more than its concurrency at once, and runs everything', async () => {
    const limit = fairLimit(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        limit.queue(`q${i % 4}`)(async () => {
          running += 1;
          peak = Math.max(peak, running);
          for (let t = 0; t < (i % 3) + 1; t++) await tick();
          running -= 1;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(limit.active).toBe(0);
    expect(limit.pending).toBe(0);
  });

  it('keeps serving a queue that empties and fills again', async () => {
    const limit = fairLimit(2);
    const q = limit.queue('q');
    const first = await Promise.all([1, 2, 3].map((n) => q(async () => n)));
    const second = await Promise.all([4, 5, 6, 7, 8].map((n) => q(async () => n)));
    expect([...first, ...second]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(limit.pending).toBe(0);
  });

  it('passes failures to the caller and frees the slot', async () => {
    const limit = fairLimit(1);
    const q = limit.queue('q');
    const failed = q(async () => {
      throw new Error('boom');
    });
    const thrown = q(() => {
      throw new Error('sync boom');
    });
    const after = q(async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    await expect(thrown).rejects.toThrow('sync boom');
    await expect(after).resolves.toBe('next');
  });

  it('rejects a concurrency that is not a positive integer', () => {
    expect(() => fairLimit(0)).toThrow(/positive integer/);
    expect(() => fairLimit(1.5)).toThrow(/positive integer/);
  });
});
