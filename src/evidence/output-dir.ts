import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, parse, resolve } from 'node:path';
import { linesOf } from '../core/file-lines.js';
import { inBatches } from '../core/json-chunks.js';
import { writeText } from '../core/write-text.js';
import { InputError } from '../engine/errors.js';
import { manifestEntry, type ManifestEntry } from './manifest.js';

export interface OutputFile {
  /** Relative path inside the output folder, with forward slashes. */
  path: string;
  /** Text, bytes, or text in pieces (jsonChunks) written as they come. */
  content: string | Uint8Array | Iterable<string>;
}

/** A file of a staged output written piece by piece. */
export interface StagedStream {
  /** Text, or bytes already encoded as UTF-8 (copied as they are). */
  write(piece: string | Uint8Array): void;
  /** Closes the file and adds it to the manifest entries. */
  finish(): ManifestEntry;
  /** Closes and deletes the file. */
  abandon(): void;
}

/** Text set aside in a scratch file of a staged output, to be copied into a file of it later. */
export interface Spool {
  write(text: string): void;
  /** The lines written so far, read back from the file (as often as needed). */
  lines(): Generator<string>;
  /** Copies what was written to `stream`, then deletes the scratch file. */
  drainInto(stream: StagedStream): void;
  remove(): void;
}

const WRITE_CHUNK = 64 * 1024;

/**
 * What scratch files are copied through, shared: each read is written out before the next one, so
 * copying thousands of scratch files allocates nothing (a fresh buffer each would sit outside the heap
 * until a collection).
 */
const READ_BUFFER = Buffer.allocUnsafe(1024 * 1024);

/**
 * The file that marks a folder as one soc2 wrote, and so safe to replace whole: it names the tool and
 * carries a random id. A report.json alone proves nothing (a user may have saved one anywhere).
 */
export const OUTPUT_MARKER = '.soc2-output';

function markerContent(): string {
  return `${JSON.stringify({ tool: 'soc2', output: randomBytes(16).toString('hex') })}\n`;
}

function hasMarker(dir: string): boolean {
  try {
    const marker = JSON.parse(readFileSync(join(dir, OUTPUT_MARKER), 'utf8')) as {
      tool?: unknown;
      output?: unknown;
    };
    return (
      marker.tool === 'soc2' && typeof marker.output === 'string' && /^[0-9a-f]{32}$/.test(marker.output)
    );
  } catch {
    return false;
  }
}

/** Folders never replaced, marker or not: the file system root, the home folder, the working folder, a git work tree. */
function protectedReason(dir: string): string | undefined {
  const target = resolve(dir);
  if (target === parse(target).root) return 'is the file system root';
  if (target === resolve(homedir())) return 'is your home folder';
  if (target === resolve(process.cwd())) return 'is the current folder';
  if (existsSync(join(target, '.git'))) return 'is a git work tree';
  return undefined;
}

/** Bad input naming `shown` when soc2 may not replace `dir`: a file, or a folder soc2 did not write. */
export function assertReplaceableOutput(dir: string, shown = dir): void {
  if (!existsSync(dir)) return;
  const fixed = protectedReason(dir);
  if (fixed)
    throw new InputError([
      { file: shown, message: `output folder ${fixed}; soc2 never replaces it. Choose another --out` },
    ]);
  if (!statSync(dir).isDirectory())
    throw new InputError([
      { file: shown, message: 'output path is a file, not a folder; choose another --out' },
    ]);
  if (readdirSync(dir).length === 0 || hasMarker(dir)) return;
  throw new InputError([
    {
      file: shown,
      message: `output folder exists and was not written by soc2 (no ${OUTPUT_MARKER} marker); nothing was touched. Choose another --out, or delete the folder yourself if it is an old soc2 output`,
    },
  ]);
}

/**
 * An output folder being written so that readers only ever see the previous complete output or the new
 * complete one: files go into a hidden sibling folder as they are ready (evidence while the scan is
 * still collecting), and commit() swaps it in by rename. A scan killed at any point leaves the previous
 * output intact (plus, at worst, a hidden `.name.soc2-*` folder that the next run removes).
 */
export class StagedOutput {
  private readonly entries: ManifestEntry[] = [];
  private readonly streams = new Map<string, StagedStream>();
  /** Scratch files by path, with the output file each one is for. */
  private readonly spools = new Map<string, string>();
  private done = false;

  private constructor(
    readonly target: string,
    private readonly staging: string,
    private readonly token: string,
  ) {}

  static open(outDir: string): StagedOutput {
    const target = resolve(outDir);
    const parent = dirname(target);
    const name = basename(target);
    assertReplaceableOutput(target);
    const token = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const staging = join(parent, `.${name}.soc2-tmp-${token}`);
    try {
      mkdirSync(parent, { recursive: true });
      removeLeftovers(parent, name);
      mkdirSync(staging);
      writeFileSync(join(staging, OUTPUT_MARKER), markerContent());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      throw new InputError([{ file: target, message: `cannot write the output folder here (${code})` }]);
    }
    return new StagedOutput(target, staging, token);
  }

  /** Writes one file into the staging folder and returns its manifest entry (SHA-256 and size). */
  write(file: OutputFile): ManifestEntry {
    if (file.content instanceof Uint8Array) {
      writeFileSync(this.prepare(file.path), file.content);
      const entry = manifestEntry(file.path, file.content);
      this.entries.push(entry);
      return entry;
    }
    const stream = this.openStream(file.path);
    for (const piece of typeof file.content === 'string' ? [file.content] : file.content) stream.write(piece);
    return stream.finish();
  }

  /** Opens one file to be written piece by piece; it counts as written once finished. */
  openStream(relativePath: string): StagedStream {
    const path = this.prepare(relativePath);
    const fd = openSync(path, 'w');
    const hash = createHash('sha256');
    let size = 0;
    // Many items are small (one repository's webhooks): gather them into fewer, larger writes.
    let pending: string[] = [];
    let pendingLength = 0;
    const writeBytes = (bytes: Uint8Array) => {
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
      hash.update(bytes);
      size += bytes.length;
    };
    const flush = () => {
      if (pendingLength === 0) return;
      const text = pending.join('');
      pending = [];
      pendingLength = 0;
      size += writeText(fd, text);
      hash.update(text, 'utf8');
    };
    const close = () => {
      this.streams.delete(relativePath);
      closeSync(fd);
    };
    const stream: StagedStream = {
      write: (piece) => {
        if (typeof piece !== 'string') {
          flush();
          writeBytes(piece);
          return;
        }
        pending.push(piece);
        pendingLength += piece.length;
        if (pendingLength >= WRITE_CHUNK) flush();
      },
      finish: () => {
        flush();
        close();
        const entry = { path: relativePath, sha256: hash.digest('hex'), size };
        this.entries.push(entry);
        return entry;
      },
      abandon: () => {
        close();
        rmSync(path, { force: true });
      },
    };
    this.streams.set(relativePath, stream);
    return stream;
  }

  /** A scratch file in the staging folder for the output file `forPath`, never part of the output. */
  spool(forPath: string): Spool {
    if (this.done) throw new Error(`output for ${this.target} is already committed or discarded`);
    const path = join(this.staging, `.spool-${randomBytes(6).toString('hex')}`);
    const fd = openSync(path, 'w');
    this.spools.set(path, forPath);
    let open = true;
    const remove = () => {
      if (open) closeSync(fd);
      open = false;
      this.spools.delete(path);
      rmSync(path, { force: true });
    };
    return {
      write: (text) => {
        writeText(fd, text);
      },
      *lines() {
        const input = openSync(path, 'r');
        try {
          for (const { text } of linesOf(input)) yield text;
        } finally {
          closeSync(input);
        }
      },
      drainInto: (stream) => {
        closeSync(fd);
        open = false;
        const input = openSync(path, 'r');
        const buffer = READ_BUFFER;
        try {
          for (let read; (read = readSync(input, buffer, 0, buffer.length, null)) > 0;)
            stream.write(buffer.subarray(0, read));
        } finally {
          closeSync(input);
        }
        remove();
      },
      remove,
    };
  }

  private prepare(relativePath: string): string {
    if (this.done) throw new Error(`output for ${this.target} is already committed or discarded`);
    if (this.streams.has(relativePath)) throw new Error(`${relativePath} is still being written`);
    const path = join(this.staging, ...relativePath.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    return path;
  }

  /** Every file written so far, sorted by path. */
  written(): ManifestEntry[] {
    return [...this.entries].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** Replaces the target folder with the staging folder. */
  commit(): void {
    if (this.done) throw new Error(`output for ${this.target} is already committed or discarded`);
    const unfinished = [...this.streams.keys(), ...this.spools.values()];
    if (unfinished.length > 0) {
      this.discard();
      throw new Error(`output not complete: ${unfinished.join(', ')} never finished`);
    }
    this.done = true;
    const old = join(dirname(this.target), `.${basename(this.target)}.soc2-old-${this.token}`);
    try {
      const hadOld = existsSync(this.target);
      if (hadOld) renameSync(this.target, old);
      renameSync(this.staging, this.target);
      if (hadOld) rmSync(old, { recursive: true, force: true });
    } catch (error) {
      rmSync(this.staging, { recursive: true, force: true });
      throw error;
    }
  }

  /** Drops everything written; the previous output stays as it was. */
  discard(): void {
    if (this.done) return;
    for (const stream of [...this.streams.values()]) stream.abandon();
    this.done = true;
    rmSync(this.staging, { recursive: true, force: true });
  }
}

/** Writes one file atomically (temp file, then rename). */
export function writeFileAtomic(file: string, content: string | Uint8Array | Iterable<string>): void {
  const target = resolve(file);
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(
    dirname(target),
    `.${basename(target)}.soc2-tmp-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(temp, content);
    else {
      const fd = openSync(temp, 'w');
      try {
        for (const batch of inBatches(content)) writeText(fd, batch);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function removeLeftovers(parent: string, name: string): void {
  for (const entry of readdirSync(parent)) {
    const match = entry.match(/^\.(.+)\.soc2-(tmp|old)-(\d+)-[0-9a-f]+$/);
    if (!match || match[1] !== name) continue;
    const pid = Number(match[3]);
    if (pid !== process.pid && !isAlive(pid)) rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
