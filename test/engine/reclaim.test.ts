import { getHeapSpaceStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { watchMemory } from '../../src/engine/reclaim.js';

function youngGeneration(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.space_size;
}

/** Short-lived objects with a tenth surviving a while: the pattern that makes V8 grow its young generation. */
function churn(): number {
  let kept: object[] = [];
  for (let i = 0; i < 3_000_000; i++) {
    const item = { index: i, name: `item-${i}`, tags: [i] };
    if (i % 10 === 0) kept.push(item);
    if (kept.length > 100_000) kept = [];
  }
  return kept.length;
}

describe('watchMemory', () => {
  it('keeps the young generation at its size when the scan starts (V8 takes it to 128 MB on a large machine)', () => {
    const stop = watchMemory();
    try {
      const atStart = youngGeneration();
      for (let round = 0; round < 3; round++) churn();
      expect(youngGeneration()).toBeLessThanOrEqual(atStart);
    } finally {
      stop();
    }
  });

  it('keeps it there until the outermost of nested watches stops (the scan inside the writing of its output)', () => {
    const outer = watchMemory();
    try {
      const atStart = youngGeneration();
      const inner = watchMemory();
      churn();
      inner();
      inner();
      for (let round = 0; round < 3; round++) churn();
      expect(youngGeneration()).toBeLessThanOrEqual(atStart);
    } finally {
      outer();
    }
  });
});
