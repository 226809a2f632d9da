import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Problem } from '../../engine/errors.js';
import { MANIFEST_PATH } from '../scan-output.js';
import type { BundleFile, BundleLayout } from './layout.js';

const HASHING_AT_ONCE = 16;

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

/**
 * Chain of custody between scan and export: every file copied into the bundle must be one the scan
 * recorded (its output files in evidence/manifest.json, the company files it read in the manifest's
 * inputs) with the same SHA-256 now; and every file that satisfies a control must be in the bundle.
 * Returns one problem per file that fails, naming it.
 */
export async function custodyProblems(
  layout: BundleLayout,
  files: readonly BundleFile[],
): Promise<Problem[]> {
  const problems: Problem[] = layout.unbundled.map((u) => ({
    file: u.name,
    message: `satisfies ${u.control} (${u.evidence}) but cannot be bundled: ${u.problem}`,
  }));
  const manifest = layout.scanManifest;
  if (!manifest || !Array.isArray(manifest.files)) {
    return [
      ...problems,
      {
        file: MANIFEST_PATH,
        message: 'the scan output has no manifest: no record of the hashes taken at scan time',
      },
    ];
  }
  const outputs = new Map(manifest.files.map((f) => [f.path, f.sha256]));
  const inputs = new Map((manifest.inputs ?? []).map((i) => [`${i.folder}/${i.path}`, i.sha256]));
  const copied = files.filter((f): f is BundleFile & { source: { file: string } } => 'file' in f.source);
  const seen = new Set<string>();
  const checks: { file: string; name: string; expected: string | undefined; where: string }[] = [];
  for (const f of copied) {
    if (seen.has(f.source.file)) continue;
    seen.add(f.source.file);
    const recorded = f.recorded;
    if (!recorded) continue;
    if ('output' in recorded) {
      checks.push({
        file: f.source.file,
        name: recorded.output,
        expected: outputs.get(recorded.output),
        where: MANIFEST_PATH,
      });
    } else {
      const name = `${recorded.folder}/${recorded.path}`;
      checks.push({
        file: f.source.file,
        name,
        expected: inputs.get(name),
        where: `${MANIFEST_PATH} inputs`,
      });
    }
  }
  for (let i = 0; i < checks.length; i += HASHING_AT_ONCE) {
    const batch = checks.slice(i, i + HASHING_AT_ONCE);
    const hashes = await Promise.all(batch.map((c) => hashFile(c.file)));
    batch.forEach((c, j) => {
      if (c.expected === undefined) {
        problems.push({
          file: c.file,
          message: `${c.name} is not recorded in ${c.where}: the scan did not read it`,
        });
      } else if (c.expected !== hashes[j]) {
        problems.push({
          file: c.file,
          message: `${c.name} changed since the scan (sha256 ${hashes[j]}, the scan recorded ${c.expected})`,
        });
      }
    });
  }
  return problems;
}
