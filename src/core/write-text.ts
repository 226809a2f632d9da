import { writeSync } from 'node:fs';

/**
 * Writes all of `text` to `fd` (at `position`, or at the file's current offset) and returns its length
 * in bytes. The string goes to the file without a Buffer: Buffers live outside the JavaScript heap and,
 * made by the thousand in one synchronous stretch, pile up tens of megabytes before they are collected.
 */
export function writeText(fd: number, text: string, position?: number): number {
  const length = Buffer.byteLength(text, 'utf8');
  const wrote = writeSync(fd, text, position ?? null, 'utf8');
  if (wrote < length) {
    const rest = Buffer.from(text, 'utf8');
    for (let at = wrote; at < length;)
      at += writeSync(fd, rest, at, length - at, position === undefined ? null : position + at);
  }
  return length;
}
