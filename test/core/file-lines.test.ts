import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linesOf } from '../../src/core/file-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'soc2-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lines(content: string, from?: number, firstLine?: number) {
  const file = join(dir, 'f.txt');
  writeFileSync(file, content);
  const fd = openSync(file, 'r');
  try {
    return [...linesOf(fd, from, firstLine)];
  } finally {
    closeSync(fd);
  }
}

describe('linesOf', () => {
  it('keeps lines longer than a read whole, and characters split between reads', () => {
    const long = `${'a'.repeat(256 * 1024 - 1)}é${'ü'.repeat(200_000)}`;
    const read = lines(`${long}\nshort\n`);
    expect(read.map((l) => l.text)).toEqual([long, 'short']);
    expect(read.map((l) => l.line)).toEqual([1, 2]);
    expect(read[0]!.end).toBe(Buffer.byteLength(`${long}\n`));
  });

  it('gives the last line without a line break, empty lines, and starts at a byte offset', () => {
    expect(lines('x\n\nlast').map((l) => [l.text, l.line, l.end])).toEqual([
      ['x', 1, 2],
      ['', 2, 3],
      ['last', 3, 7],
    ]);
    expect(lines('héllo\nworld\n', Buffer.byteLength('héllo\n'), 2)).toEqual([
      { text: 'world', line: 2, end: 13 },
    ]);
  });
});
