import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { redact, redactString } from '../../engine/redact.js';

/** Files up to this size are scrubbed whole (JSON structurally); larger ones are streamed line by line. */
export const WHOLE_FILE_LIMIT = 16 * 1024 * 1024;
/** A line longer than this is cut (at a character that cannot be inside a token) to bound memory. */
const MAX_LINE = 1024 * 1024;

/** Binary files (a NUL byte early on, as git and grep decide) are copied as they are. */
function looksBinary(head: Uint8Array): boolean {
  return head.subarray(0, 8000).includes(0);
}

/**
 * Scrubs secrets from a whole file. JSON is redacted by key name and value shape and written back in
 * the scan's own layout (two-space indent) only when something changed; other text is scrubbed by shape.
 * Text is handled as latin1 so that bytes of non-ASCII text pass through unchanged.
 */
export function scrubBuffer(content: Buffer, path: string): Buffer {
  if (looksBinary(content)) return content;
  if (path.endsWith('.json')) {
    try {
      const parsed: unknown = JSON.parse(content.toString('utf8'));
      const redacted = redact(parsed);
      if (JSON.stringify(redacted) === JSON.stringify(parsed)) return content;
      return Buffer.from(`${JSON.stringify(redacted, null, 2)}\n`, 'utf8');
    } catch {
      // not JSON after all: scrub it as text
    }
  }
  const text = content.toString('latin1');
  const scrubbed = redactString(text);
  return scrubbed === text ? content : Buffer.from(scrubbed, 'latin1');
}

/**
 * Streams a large text file through the scrubber a line at a time. PEM private key blocks spanning
 * lines are dropped whole. Memory stays around MAX_LINE whatever the file size.
 */
export class ScrubStream extends Transform {
  private carry = '';
  private inPem = false;
  private binary: boolean | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.binary === undefined) this.binary = looksBinary(chunk);
    if (this.binary) {
      done(null, chunk);
      return;
    }
    this.carry += chunk.toString('latin1');
    let out = '';
    let newline = this.carry.lastIndexOf('\n');
    if (newline < 0 && this.carry.length > MAX_LINE) newline = safeCut(this.carry);
    if (newline >= 0) {
      out = this.scrubLines(this.carry.slice(0, newline + 1));
      this.carry = this.carry.slice(newline + 1);
    }
    done(null, out ? Buffer.from(out, 'latin1') : undefined);
  }

  override _flush(done: TransformCallback): void {
    const rest = this.carry ? this.scrubLines(this.carry) : '';
    done(null, rest ? Buffer.from(rest, 'latin1') : undefined);
  }

  private scrubLines(text: string): string {
    if (!this.inPem && !text.includes('PRIVATE KEY')) return redactString(text);
    const lines = text.split(/(?<=\n)/);
    let out = '';
    for (const line of lines) {
      if (this.inPem) {
        if (/-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/.test(line)) this.inPem = false;
        continue;
      }
      const begin = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/.exec(line);
      if (begin && !/-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/.test(line.slice(begin.index))) {
        this.inPem = true;
        out += `${redactString(line.slice(0, begin.index))}[REDACTED]\n`;
        continue;
      }
      out += redactString(line);
    }
    return out;
  }
}

/** The last position in a long line where a cut cannot split a token: a space, quote, comma or bracket. */
function safeCut(text: string): number {
  for (let i = text.length - 1; i > text.length - 4096 && i > 0; i--) {
    if (/[\s",;{}[\]]/.test(text[i]!)) return i;
  }
  return text.length - 1;
}

/** A readable stream of the scrubbed bytes of a file, whole-file for small files, line-wise for large. */
export async function scrubbedFileStream(file: string, path: string): Promise<Readable> {
  const { size } = await stat(file);
  if (size <= WHOLE_FILE_LIMIT) return Readable.from([scrubBuffer(await readFile(file), path)]);
  const scrub = new ScrubStream();
  const source = createReadStream(file, { highWaterMark: 256 * 1024 });
  source.on('error', (error) => scrub.destroy(error));
  return source.pipe(scrub);
}
