import { createHash, type KeyObject } from 'node:crypto';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { TOOL_NAME, TOOL_VERSION } from '../../engine/version.js';
import type { ManifestEntry, Provenance } from '../manifest.js';
import { formatSha256Sums } from './checksums.js';
import { custodyProblems } from './custody.js';
import { InputError } from '../../engine/errors.js';
import { controlMatrix, controlReadme, criteriaReadme, indexHtml } from './docs.js';
import { planLayout, type BundleFile, type LayoutOptions } from './layout.js';
import { scrubBuffer, scrubbedFileStream } from './scrub.js';
import { BUNDLE_PREDICATE_TYPE, signStatement, STATEMENT_TYPE, type InTotoStatement } from './signing.js';
import { assertReplaceableBundle } from './replaceable.js';
import { zipEntryTime } from './zip-time.js';
import { sha256 } from '../../core/sha256.js';

export const BUNDLE_MANIFEST = 'manifest.json';
export const BUNDLE_SUMS = 'SHA256SUMS';
export const BUNDLE_SIGNATURE = 'manifest.dsse.json';
/** Files that describe the bundle rather than being part of it. */
export const BUNDLE_META = [BUNDLE_MANIFEST, BUNDLE_SUMS, BUNDLE_SIGNATURE];

const PREFETCH_AHEAD = 64;
const PREFETCH_SMALL = 1024 * 1024;

export interface BundleManifest {
  format: 'soc2-evidence-bundle';
  version: 1;
  tool: { name: string; version: string };
  organization: string;
  scan: {
    tool?: { name: string; version: string };
    startedAt?: string;
    finishedAt?: string;
    evaluatedAt?: string;
    mode?: string;
    complete?: boolean;
    failOn?: string;
    selection?: Record<string, string[]>;
  };
  config: { sha256: string | null };
  /** Where the scan's results came from, as the scan recorded it (absent for scans made before 0.2). */
  provenance?: Provenance;
  summary: { readiness?: number; controls: number; criteria: number };
  /** Every file of the bundle except manifest.json, SHA256SUMS and manifest.dsse.json, sorted by path. */
  files: ManifestEntry[];
}

export interface ExportOptions extends LayoutOptions {
  scanDir: string;
  zipFile: string;
  signingKey?: KeyObject;
}

export interface ExportSummary {
  zipFile: string;
  files: number;
  bytes: number;
  zipBytes: number;
  manifestSha256: string;
  signed: boolean;
}

/** Hashes and counts the bytes that pass through. */
class Digest extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  sha256 = '';
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    done(null, chunk);
  }
  override _flush(done: TransformCallback): void {
    this.sha256 = this.hash.digest('hex');
    done();
  }
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Writes the evidence bundle zip for a scan output folder. Entries are the content files in byte order
 * of their paths, then manifest.json, SHA256SUMS and (when signing) manifest.dsse.json, so each file is
 * read, scrubbed, hashed and compressed in a single streaming pass and the manifest is built last.
 * Timestamps (the scan time, UTC), permissions and compression settings are fixed: the same scan output
 * gives the same bytes on any machine and in any time zone.
 */
export async function writeBundle(options: ExportOptions): Promise<ExportSummary> {
  await assertReplaceableBundle(options.zipFile);
  const layout = await planLayout(options.scanDir, options);
  const { report } = layout;
  const generated: BundleFile[] = [
    ...layout.controls.map((entry) => ({
      path: `${entry.folder}/README.md`,
      source: { text: controlReadme(entry, report) },
    })),
    { path: 'criteria/README.md', source: { text: criteriaReadme(layout) } },
    { path: 'control-matrix.csv', source: { text: controlMatrix(layout) } },
    { path: 'index.html', source: { text: indexHtml(layout) } },
  ];
  const seen = new Set<string>(BUNDLE_META);
  const files = [...generated, ...layout.files].sort(byPath).filter((f) => {
    if (seen.has(f.path)) return false;
    seen.add(f.path);
    return true;
  });
  const custody = await custodyProblems(layout, files);
  if (custody.length > 0) {
    throw new InputError(custody);
  }

  const mtime = zipEntryTime(report.scan?.evaluatedAt ?? report.scan?.startedAt);
  const entryOptions = {
    mtime,
    mode: 0o100644,
    compress: true,
    compressionLevel: 6,
    forceDosTimestamp: true,
  };
  const zip = new yazl.ZipFile();
  const entries: ManifestEntry[] = [];

  const addStream = (path: string, open: () => Promise<Readable>) => {
    zip.addReadStreamLazy(path, entryOptions, (callback) => {
      open().then(
        (stream) => {
          const digest = new Digest();
          stream.on('error', (error) => zip.emit('error', error));
          digest.on('end', () => entries.push({ path, sha256: digest.sha256, size: digest.size }));
          callback(null, stream.pipe(digest));
        },
        (error: unknown) => callback(error, undefined as never),
      );
    });
  };
  const addGenerated = (path: string, make: () => Buffer) =>
    zip.addReadStreamLazy(path, entryOptions, (callback) => callback(null, Readable.from([make()])));

  // Small files are read and scrubbed a few entries ahead, so that file system round trips overlap
  // with compression; large ones are streamed when their turn comes. Memory: AHEAD x SMALL at most.
  const ahead = new Map<number, Promise<Buffer | null>>();
  const prepare = async (file: BundleFile): Promise<Buffer | null> => {
    if ('text' in file.source) return scrubBuffer(Buffer.from(file.source.text, 'utf8'), file.path);
    const { size } = await stat(file.source.file);
    return size <= PREFETCH_SMALL ? scrubBuffer(await readFile(file.source.file), file.path) : null;
  };
  const openEntry = async (index: number): Promise<Readable> => {
    for (let j = index; j < Math.min(files.length, index + PREFETCH_AHEAD); j++) {
      if (!ahead.has(j)) {
        const job = prepare(files[j]!);
        job.catch(() => undefined);
        ahead.set(j, job);
      }
    }
    const ready = await ahead.get(index)!;
    ahead.delete(index);
    const file = files[index]!;
    if (ready) return Readable.from([ready]);
    return scrubbedFileStream((file.source as { file: string }).file, file.path);
  };
  files.forEach((file, index) => addStream(file.path, () => openEntry(index)));

  let manifestSha256 = '';
  let manifestBytes: Buffer | undefined;
  const manifest = (): Buffer => {
    const scanManifest = layout.scanManifest;
    const body: BundleManifest = {
      format: 'soc2-evidence-bundle',
      version: 1,
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      organization: report.organization ?? '',
      scan: {
        tool: report.tool,
        startedAt: report.scan?.startedAt,
        finishedAt: report.scan?.finishedAt,
        evaluatedAt: report.scan?.evaluatedAt,
        mode: report.scan?.mode,
        complete: report.scan?.complete,
        failOn: report.scan?.failOn,
        selection: report.scan?.selection,
      },
      config: { sha256: scanManifest?.config?.sha256 ?? null },
      ...(scanManifest?.provenance ? { provenance: scanManifest.provenance } : {}),
      summary: {
        readiness: report.summary?.readiness,
        controls: report.controls.length,
        criteria: (report.criteria ?? []).length,
      },
      files: [...entries].sort(byPath),
    };
    manifestBytes = Buffer.from(`${JSON.stringify(body, null, 2)}\n`, 'utf8');
    manifestSha256 = sha256(manifestBytes);
    return manifestBytes;
  };
  addGenerated(BUNDLE_MANIFEST, manifest);
  addGenerated(BUNDLE_SUMS, () =>
    Buffer.from(
      formatSha256Sums([...[...entries].sort(byPath), { path: BUNDLE_MANIFEST, sha256: manifestSha256 }]),
      'utf8',
    ),
  );
  if (options.signingKey) {
    const key = options.signingKey;
    addGenerated(BUNDLE_SIGNATURE, () => {
      const statement: InTotoStatement = {
        _type: STATEMENT_TYPE,
        subject: [{ name: BUNDLE_MANIFEST, digest: { sha256: manifestSha256 } }],
        predicateType: BUNDLE_PREDICATE_TYPE,
        predicate: {
          organization: report.organization ?? '',
          evaluatedAt: report.scan?.evaluatedAt,
          files: entries.length,
          tool: { name: TOOL_NAME, version: TOOL_VERSION },
          mode: report.scan?.mode,
          ...(layout.scanManifest?.provenance ? { provenance: layout.scanManifest.provenance } : {}),
        },
      };
      return Buffer.from(`${JSON.stringify(signStatement(statement, key), null, 2)}\n`, 'utf8');
    });
  }
  zip.end();

  const target = resolve(options.zipFile);
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(
    dirname(target),
    `.${basename(target)}.soc2-tmp-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  const out = createWriteStream(temp, { highWaterMark: 1024 * 1024 });
  const failed = new Promise<never>((_resolve, reject) =>
    zip.on('error', (error: Error) => {
      (zip.outputStream as Readable).destroy(error);
      reject(error);
    }),
  );
  failed.catch(() => undefined);
  try {
    await Promise.race([pipeline(zip.outputStream as Readable, out), failed]);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return {
    zipFile: target,
    files: entries.length,
    bytes: entries.reduce((n, e) => n + e.size, 0),
    zipBytes: out.bytesWritten,
    manifestSha256,
    signed: Boolean(options.signingKey),
  };
}
