import { lstat } from 'node:fs/promises';
import yauzl from 'yauzl';
import { InputError } from '../../engine/errors.js';
import { BUNDLE_MANIFEST, BUNDLE_SUMS } from './write.js';

/**
 * An export may replace a bundle soc2 wrote before (a zip holding its manifest and checksums), never
 * any other file: `--zip ~/.ssh/id_ed25519` or `--zip notes.zip` is bad input and nothing is touched.
 */
export async function assertReplaceableBundle(zipFile: string): Promise<void> {
  let isFile: boolean;
  try {
    isFile = (await lstat(zipFile)).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const refuse = (what: string) =>
    new InputError([
      {
        file: zipFile,
        message: `${what}: soc2 replaces only an evidence bundle it wrote; choose another --zip path or remove it yourself`,
      },
    ]);
  if (!isFile) throw refuse('exists and is not a regular file');
  const names = await entryNames(zipFile).catch(() => undefined);
  if (!names?.has(BUNDLE_MANIFEST) || !names.has(BUNDLE_SUMS))
    throw refuse('exists and is not a soc2 evidence bundle');
}

/** The entry names of a zip file (its central directory only: nothing is decompressed). */
async function entryNames(zipFile: string): Promise<Set<string>> {
  const zip = await yauzl.openPromise(zipFile, { lazyEntries: true, autoClose: true });
  const names = new Set<string>();
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      names.add(entry.fileName);
      zip.readEntry();
    });
    zip.on('end', () => resolve(names));
    zip.on('error', reject);
    zip.readEntry();
  });
}
