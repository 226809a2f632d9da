import { describe, expect, it } from 'vitest';
import { jsonChunks, jsonDocument } from '../../src/core/json-chunks.js';

/** A deterministic pseudo-random JSON-ish value: nested containers, odd strings, values JSON drops. */
function randomValue(seed: number, depth = 0): unknown {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const leaf = (): unknown =>
    [
      () => Math.floor(next() * 1e6) - 5e5,
      () => next(),
      () => null,
      () => next() > 0.5,
      () => 'line\nbreak "quoted" \\ \u2028 é 😀',
      () => '',
      () => undefined,
      () => () => 1,
      () => new Date(Math.floor(next() * 1e12)),
      () => NaN,
      () => ({ toJSON: () => ({ replaced: [1, { deep: true }] }) }),
    ][Math.floor(next() * 11)]!();
  const build = (level: number): unknown => {
    if (level > 4 || next() < 0.3) return leaf();
    const size = Math.floor(next() * 5);
    if (next() < 0.5) return Array.from({ length: size }, () => build(level + 1));
    return Object.fromEntries(Array.from({ length: size }, (_, i) => [`k${i}\n"`, build(level + 1)]));
  };
  return build(depth);
}

describe('jsonChunks', () => {
  it('joins to exactly JSON.stringify(value, null, 2) for 2,000 random documents', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const value = { root: randomValue(seed), list: [randomValue(seed + 7)] };
      expect([...jsonChunks(value)].join('')).toBe(JSON.stringify(value, null, 2));
    }
  });

  it('yields an array element by element, never the whole document as one piece', () => {
    const value = { findings: Array.from({ length: 10_000 }, (_, i) => ({ resource: `r${i}`, ok: true })) };
    const pieces = [...jsonChunks(value)];
    const whole = JSON.stringify(value, null, 2);
    expect(pieces.join('')).toBe(whole);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(100);
  });

  it('ends a document with a line break', () => {
    expect([...jsonDocument({ a: [1] })].join('')).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});
