import { readFileSync } from 'node:fs';
import { InputError } from '../../engine/errors.js';
import { parseKey } from '../../evidence/bundle/signing.js';
import { provenanceLines, verifyBundle } from '../../evidence/bundle/verify.js';

export interface VerifyFlags {
  pubkey?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Exit codes of `soc2 verify`. */
export const VerifyExit = { intact: 0, tampered: 1, hostile: 2 } as const;

export async function verifyCommand(zipFile: string, flags: VerifyFlags): Promise<number> {
  let publicKey;
  if (flags.pubkey) {
    let pem: Buffer;
    try {
      pem = readFileSync(flags.pubkey);
    } catch {
      throw new InputError([{ file: flags.pubkey, message: 'cannot read the public key' }]);
    }
    try {
      publicKey = parseKey(pem, 'public');
    } catch (error) {
      throw new InputError([{ file: flags.pubkey, message: (error as Error).message }]);
    }
  }
  const result = await verifyBundle(zipFile, { publicKey });
  if (flags.json) {
    const { manifest: _manifest, ...rest } = result as typeof result & { manifest?: unknown };
    process.stdout.write(`${JSON.stringify(rest, null, 2)}\n`);
  }
  if ('reason' in result) {
    if (!flags.json)
      process.stderr.write(`soc2 verify: ${zipFile}: refused, ${result.status} archive: ${result.reason}\n`);
    return VerifyExit.hostile;
  }
  if (!flags.json && !flags.quiet) {
    const out: string[] = [];
    for (const p of result.problems) out.push(`${p.kind.toUpperCase().padEnd(9)} ${p.path}: ${p.detail}`);
    for (const note of result.notes) out.push(`note: ${note}`);
    if (result.provenance) out.push(...provenanceLines(result.provenance, result.provenanceSigned === true));
    else out.push('Provenance: none recorded (a scan made before soc2 0.2)');
    const sig =
      result.signature === 'valid'
        ? 'signature valid'
        : result.signature === 'absent'
          ? 'not signed'
          : result.signature === 'not_checked'
            ? 'signature not checked'
            : 'signature INVALID';
    out.push(
      result.status === 'intact'
        ? `OK ${zipFile}: ${result.files} files (${result.bytes} bytes) match manifest.json and SHA256SUMS; ${sig}`
        : `TAMPERED ${zipFile}: ${result.problems.length} problem(s); ${sig}`,
    );
    (result.status === 'intact' ? process.stdout : process.stderr).write(`${out.join('\n')}\n`);
  }
  return result.status === 'intact' ? VerifyExit.intact : VerifyExit.tampered;
}
