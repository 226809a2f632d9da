import { readFileSync } from 'node:fs';
import { InputError } from '../../engine/errors.js';
import { writeBundle, type ExportSummary } from '../../evidence/bundle/write.js';
import { parseKey } from '../../evidence/bundle/signing.js';

export interface ExportFlags {
  zip?: string;
  sign?: string;
  evidenceDir?: string;
  quiet?: boolean;
}

export function readSigningKey(file: string): ReturnType<typeof parseKey> {
  let pem: Buffer;
  try {
    pem = readFileSync(file);
  } catch {
    throw new InputError([{ file, message: 'cannot read the signing key' }]);
  }
  try {
    return parseKey(pem, 'private');
  } catch (error) {
    throw new InputError([{ file, message: `${(error as Error).message} (make one with soc2 keygen)` }]);
  }
}

export function exportSummaryText(summary: ExportSummary): string {
  return (
    `Evidence bundle ${summary.zipFile}: ${summary.files} files, ${summary.bytes} bytes ` +
    `(${summary.zipBytes} compressed), manifest sha256 ${summary.manifestSha256}` +
    `${summary.signed ? ', signed' : ''}\n`
  );
}

export async function exportCommand(scanDir: string | undefined, flags: ExportFlags): Promise<number> {
  if (!flags.zip) throw new InputError('--zip <file> is required: where to write the bundle');
  const signingKey = flags.sign ? readSigningKey(flags.sign) : undefined;
  const summary = await writeBundle({
    scanDir: scanDir ?? 'soc2-report',
    zipFile: flags.zip,
    signingKey,
    evidenceDir: flags.evidenceDir,
  });
  if (!flags.quiet) process.stderr.write(exportSummaryText(summary));
  return 0;
}

export function writeScanBundle(
  scanDir: string,
  zipFile: string,
  signingKey: ReturnType<typeof parseKey> | undefined,
): Promise<ExportSummary> {
  return writeBundle({ scanDir, zipFile, signingKey });
}
