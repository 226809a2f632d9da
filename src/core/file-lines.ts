import { readSync } from 'node:fs';

/**
 * The lines of an open file from byte `from` on, with their numbers and the byte offset where the next
 * line starts. Bytes are decoded per line, so a character split between two reads stays whole, and a
 * line longer than a read is gathered in pieces.
 */
export function* linesOf(
  fd: number,
  from = 0,
  firstLine = 1,
): Generator<{ text: string; line: number; end: number }, void, undefined> {
  const buffer = Buffer.allocUnsafe(256 * 1024);
  // The start of a line that runs past the end of a read, copied out of the buffer.
  let carried: Buffer[] = [];
  let position = from;
  let line = firstLine;
  for (let read; (read = readSync(fd, buffer, 0, buffer.length, position)) > 0; position += read) {
    const view = buffer.subarray(0, read);
    let consumed = 0;
    for (let nl = view.indexOf(10); nl !== -1; nl = view.indexOf(10, consumed)) {
      const text =
        carried.length > 0
          ? Buffer.concat([...carried, view.subarray(consumed, nl)]).toString('utf8')
          : view.toString('utf8', consumed, nl);
      carried = [];
      yield { text, line: line++, end: position + nl + 1 };
      consumed = nl + 1;
    }
    if (consumed < read) carried.push(Buffer.from(view.subarray(consumed)));
  }
  if (carried.length > 0) yield { text: Buffer.concat(carried).toString('utf8'), line, end: position };
}
