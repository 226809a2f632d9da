import { createHash, type KeyObject } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { parseSha256Sums } from './checksums.js';
import { verifyEnvelope } from './signing.js';
import type { Provenance } from '../manifest.js';
import { BUNDLE_MANIFEST, BUNDLE_SIGNATURE, BUNDLE_SUMS, type BundleManifest } from './write.js';

export interface VerifyLimits {
  /** Most entries a bundle may have. */
  maxEntries: number;
  /** Most bytes all entries may expand to. */
  maxTotalBytes: number;
  /** Highest compression ratio for an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** manifest.json, SHA256SUMS and the signature are read into memory: at most this big. */
  maxMetaBytes: number;
}

export const DEFAULT_LIMITS: VerifyLimits = {
  maxEntries: 2_000_000,
  maxTotalBytes: 256 * 1024 ** 3,
  maxRatio: 1000,
  ratioFloorBytes: 1024 * 1024,
  maxMetaBytes: 512 * 1024 * 1024,
};

export type Problem =
  | { kind: 'modified'; path: string; detail: string }
  | { kind: 'missing'; path: string; detail: string }
  | { kind: 'extra'; path: string; detail: string }
  | { kind: 'signature'; path: string; detail: string };

export type VerifyResult =
  | {
      status: 'intact' | 'tampered';
      files: number;
      bytes: number;
      problems: Problem[];
      signature: 'valid' | 'invalid' | 'absent' | 'not_checked';
      notes: string[];
      manifest?: BundleManifest;
      /** The scan's provenance: from the signed statement when the signature is valid, else from manifest.json. */
      provenance?: Provenance;
      provenanceSigned?: boolean;
    }
  | { status: 'hostile' | 'unreadable'; reason: string };

/** A zip that must not be read further: hostile (traversal, links, bombs) or broken. */
class Refused extends Error {
  constructor(
    readonly status: 'hostile' | 'unreadable',
    message: string,
  ) {
    super(message);
  }
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/** Why an entry is refused before any byte of it is read; null when it is acceptable. */
function hostileEntry(entry: yauzl.Entry, limits: VerifyLimits): string | null {
  const name = entry.fileName;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return `absolute path '${name}'`;
  if (name.split(/[\\/]/).includes('..')) return `path traversal '${name}'`;
  if (name.includes('\\')) return `backslash in path '${name}'`;
  if (name.includes('\0')) return 'NUL byte in a file name';
  const madeBy = entry.versionMadeBy >> 8;
  const mode = entry.externalFileAttributes >>> 16;
  // Unix (3) and macOS (19) store the file type in the high bits; anything but a file or folder is a link or device.
  if ((madeBy === 3 || madeBy === 19) && mode !== 0) {
    const type = mode & S_IFMT;
    if (type === 0o120000) return `symbolic link '${name}'`;
    if (type !== S_IFREG && type !== S_IFDIR && type !== 0) return `special file '${name}'`;
  }
  if (entry.isEncrypted()) return `encrypted entry '${name}'`;
  if (
    entry.uncompressedSize > limits.ratioFloorBytes &&
    entry.uncompressedSize > Math.max(entry.compressedSize, 1) * limits.maxRatio
  ) {
    return `'${name}' expands ${Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1))} times (zip bomb?)`;
  }
  return null;
}

async function hashStream(
  stream: Readable,
  keep: boolean,
  limit: number,
): Promise<{ sha256: string; size: number; content?: Buffer }> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    if (keep) {
      if (size > limit) throw new Refused('hostile', 'a bundle metadata file is larger than any real one');
      chunks.push(chunk);
    }
  }
  return { sha256: hash.digest('hex'), size, ...(keep ? { content: Buffer.concat(chunks) } : {}) };
}

/**
 * Verifies a bundle without extracting it: streams every entry through SHA-256, then compares with
 * manifest.json and SHA256SUMS and, given a public key, checks the DSSE signature over the manifest.
 * Nothing is written to disk. Hostile archives are refused on sight of the first bad entry.
 */
export async function verifyBundle(
  zipFile: string,
  options: { publicKey?: KeyObject; limits?: Partial<VerifyLimits> } = {},
): Promise<VerifyResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  let zip: yauzl.ZipFile;
  try {
    if (!(await stat(zipFile)).isFile()) return { status: 'unreadable', reason: `${zipFile} is not a file` };
    zip = await yauzl.openPromise(zipFile, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: true,
      autoClose: false,
    });
  } catch (error) {
    return { status: 'unreadable', reason: `${zipFile}: ${describe(error)}` };
  }
  const actual = new Map<string, { sha256: string; size: number }>();
  const meta = new Map<string, Buffer>();
  try {
    if (zip.entryCount > limits.maxEntries)
      throw new Refused('hostile', `${zip.entryCount} entries, more than ${limits.maxEntries}`);
    let total = 0;
    for (;;) {
      let entry: yauzl.Entry | undefined;
      try {
        entry = await nextEntry(zip);
      } catch (error) {
        // yauzl refuses absolute and `..` names itself; those are hostile, other failures unreadable.
        const message = describe(error);
        throw new Refused(
          /invalid (relative path|characters in fileName)|absolute path/i.test(message)
            ? 'hostile'
            : 'unreadable',
          message,
        );
      }
      if (!entry) break;
      const why = hostileEntry(entry, limits);
      if (why) throw new Refused('hostile', why);
      if (entry.fileName.endsWith('/')) continue;
      if (actual.has(entry.fileName)) throw new Refused('hostile', `duplicate entry '${entry.fileName}'`);
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes)
        throw new Refused('hostile', `entries expand to more than ${limits.maxTotalBytes} bytes`);
      let stream: Readable;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch (error) {
        throw new Refused('unreadable', `${entry.fileName}: ${describe(error)}`);
      }
      const keep = [BUNDLE_MANIFEST, BUNDLE_SUMS, BUNDLE_SIGNATURE].includes(entry.fileName);
      let digest;
      try {
        digest = await hashStream(stream, keep, limits.maxMetaBytes);
      } catch (error) {
        if (error instanceof Refused) throw error;
        throw new Refused('unreadable', `${entry.fileName}: ${describe(error)}`);
      }
      actual.set(entry.fileName, { sha256: digest.sha256, size: digest.size });
      if (digest.content) meta.set(entry.fileName, digest.content);
    }
  } catch (error) {
    zip.close();
    if (error instanceof Refused) return { status: error.status, reason: error.message };
    return { status: 'unreadable', reason: describe(error) };
  }
  zip.close();
  return compare(actual, meta, options.publicKey);
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), resolve(undefined));
    const onError = (error: Error) => (cleanup(), reject(error));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function compare(
  actual: Map<string, { sha256: string; size: number }>,
  meta: Map<string, Buffer>,
  publicKey: KeyObject | undefined,
): VerifyResult {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const manifestBytes = meta.get(BUNDLE_MANIFEST);
  let manifest: BundleManifest | undefined;
  if (!manifestBytes) {
    problems.push({ kind: 'missing', path: BUNDLE_MANIFEST, detail: 'the bundle has no manifest' });
  } else {
    try {
      manifest = JSON.parse(manifestBytes.toString('utf8')) as BundleManifest;
      if (manifest.format !== 'soc2-evidence-bundle' || !Array.isArray(manifest.files))
        throw new Error('not a bundle manifest');
    } catch (error) {
      manifest = undefined;
      problems.push({
        kind: 'modified',
        path: BUNDLE_MANIFEST,
        detail: `unreadable manifest (${describe(error)})`,
      });
    }
  }

  const listed = new Map((manifest?.files ?? []).map((f) => [f.path, f]));
  for (const [path, expected] of listed) {
    const got = actual.get(path);
    if (!got) problems.push({ kind: 'missing', path, detail: 'listed in manifest.json, not in the zip' });
    else if (got.sha256 !== expected.sha256 || got.size !== expected.size) {
      problems.push({
        kind: 'modified',
        path,
        detail: `sha256 ${got.sha256} (${got.size} bytes), manifest says ${expected.sha256} (${expected.size} bytes)`,
      });
    }
  }
  if (manifest) {
    for (const path of actual.keys()) {
      if (!listed.has(path) && ![BUNDLE_MANIFEST, BUNDLE_SUMS, BUNDLE_SIGNATURE].includes(path)) {
        problems.push({ kind: 'extra', path, detail: 'in the zip, not in manifest.json' });
      }
    }
  }

  const sumsBytes = meta.get(BUNDLE_SUMS);
  if (!sumsBytes)
    problems.push({ kind: 'missing', path: BUNDLE_SUMS, detail: 'the bundle has no SHA256SUMS' });
  else if (manifest) {
    const sums = parseSha256Sums(sumsBytes.toString('utf8'));
    const expected = new Map([...listed].map(([p, f]) => [p, f.sha256]));
    if (manifestBytes) expected.set(BUNDLE_MANIFEST, actual.get(BUNDLE_MANIFEST)!.sha256);
    const agrees = sums && sums.size === expected.size && [...expected].every(([p, h]) => sums.get(p) === h);
    if (!agrees)
      problems.push({ kind: 'modified', path: BUNDLE_SUMS, detail: 'does not match manifest.json' });
  }

  let signature: 'valid' | 'invalid' | 'absent' | 'not_checked' = 'absent';
  let signedProvenance: Provenance | undefined;
  const envelope = meta.get(BUNDLE_SIGNATURE);
  if (envelope && !publicKey) {
    signature = 'not_checked';
    notes.push(
      `${BUNDLE_SIGNATURE} is present but was not checked: pass --pubkey with the signer's public key`,
    );
  } else if (publicKey && !envelope) {
    signature = 'invalid';
    problems.push({
      kind: 'signature',
      path: BUNDLE_SIGNATURE,
      detail: 'a public key was given but the bundle is not signed',
    });
  } else if (publicKey && envelope) {
    const check = verifyEnvelope(envelope.toString('utf8'), publicKey);
    if (!check.ok) {
      signature = 'invalid';
      problems.push({ kind: 'signature', path: BUNDLE_SIGNATURE, detail: check.reason });
    } else {
      const subjects = check.statement.subject;
      const bad = subjects.filter((s) => actual.get(s.name)?.sha256 !== s.digest?.sha256);
      if (!subjects.some((s) => s.name === BUNDLE_MANIFEST)) {
        signature = 'invalid';
        problems.push({
          kind: 'signature',
          path: BUNDLE_SIGNATURE,
          detail: 'the signed statement does not cover manifest.json',
        });
      } else if (bad.length > 0) {
        signature = 'invalid';
        for (const s of bad) {
          problems.push({
            kind: 'signature',
            path: s.name,
            detail: 'does not match the digest in the signed statement',
          });
        }
      } else {
        signature = 'valid';
        signedProvenance = check.statement.predicate.provenance as Provenance | undefined;
      }
    }
  }

  const contentFiles = [...actual.keys()].filter(
    (p) => ![BUNDLE_MANIFEST, BUNDLE_SUMS, BUNDLE_SIGNATURE].includes(p),
  );
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    status: problems.length === 0 ? 'intact' : 'tampered',
    files: contentFiles.length,
    bytes: contentFiles.reduce((n, p) => n + actual.get(p)!.size, 0),
    problems,
    signature,
    notes,
    ...(manifest ? { manifest } : {}),
    ...(signedProvenance
      ? { provenance: signedProvenance, provenanceSigned: true }
      : manifest?.provenance
        ? { provenance: manifest.provenance, provenanceSigned: false }
        : {}),
  };
}

/** The provenance as `soc2 verify` prints it, one fact a line. */
export function provenanceLines(p: Provenance, signed: boolean): string[] {
  const replay =
    p.mode === 'live' ? '' : ' (REPLAYED DATA: not collected from the live systems at this time)';
  return [
    `Provenance (${signed ? 'from the signed statement' : 'from manifest.json, NOT signed'}):`,
    `  tool      ${p.tool.name} ${p.tool.version}`,
    `  mode      ${p.mode}${replay}`,
    `  scan      ${p.startedAt} .. ${p.finishedAt} on host ${p.host}; data as of ${p.evaluatedAt}`,
    `  config    sha256 ${p.config.sha256} (effective config, secrets removed)`,
    `  catalog   sha256 ${p.catalog.sha256} (${p.catalog.controls} controls)`,
    `  options   sha256 ${p.checkOptions.sha256} (check options)`,
    ...p.sources.map(
      (s) =>
        `  source    ${s.provider} (${s.status})${Object.entries(s.ids)
          .map(([k, v]) => ` ${k}=${Array.isArray(v) ? v.join(',') : v}`)
          .join('')}`,
    ),
  ];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
