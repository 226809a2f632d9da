import { expect, it } from 'vitest';
import { mapWindowed } from '../../src/engine/windowed.js';

it('maps every item in order with at most `width` under way at once', async () => {
  let running = 0;
  let most = 0;
  const results = await mapWindowed(
    Array.from({ length: 50 }, (_, i) => i),
    4,
    async (n, index) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, (n * 7) % 5));
      running--;
      return `${n}:${index}`;
    },
  );
  expect(results).toEqual(Array.from({ length: 50 }, (_, i) => `${i}:${i}`));
  expect(most).toBe(4);
  expect(await mapWindowed([], 4, async () => 1)).toEqual([]);
});
