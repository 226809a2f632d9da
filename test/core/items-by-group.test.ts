import { describe, expect, it } from 'vitest';
import { itemsByGroup } from '../../src/engine/collector.js';

describe('itemsByGroup', () => {
  it('hands over items at their place in the flattened list once every earlier group is done', () => {
    const handed: [number, unknown][] = [];
    const handOver = itemsByGroup({ itemReady: (index, item) => handed.push([index, item]) });
    const groups = [['a0', 'a1'], [], ['c0'], ['d0', 'd1', 'd2']];

    handOver(2, groups[2]!);
    expect(handed).toEqual([]);
    handOver(0, groups[0]!);
    expect(handed).toEqual([
      [0, 'a0'],
      [1, 'a1'],
    ]);
    handOver(3, groups[3]!);
    expect(handed).toHaveLength(2);
    handOver(1, groups[1]!);
    expect(handed).toEqual(groups.flat().map((item, index) => [index, item]));
  });
});
