import { basename, resolve } from 'node:path';
import { readReport } from '../../core/baseline.js';
import { InputError } from '../../engine/errors.js';
import { appendHistory } from '../../core/history.js';
import { mergeResults } from '../../core/merge.js';
import { assertReplaceableOutput, StagedOutput } from '../../evidence/output-dir.js';
import { mergedShardFiles } from '../../evidence/merge-output.js';
import { completeScanOutput } from '../../evidence/scan-output.js';
import { DEFAULT_FORMATS, scanReporters } from '../../report/index.js';

export interface MergeFlags {
  out: string;
  format?: string[];
  sarifCategory?: string;
  history?: string;
  quiet?: boolean;
  /** Combine an incomplete set of shards; the result is marked incomplete (exit 3). */
  partial?: boolean;
}

/** Combines shard output folders into one report and evidence folder; the exit code is the merged scan's. */
export async function mergeCommand(dirs: string[], flags: MergeFlags): Promise<number> {
  if (dirs.length === 0) throw new InputError('soc2 merge: give the shard output folders to combine');
  const chosen = scanReporters(flags.format ?? DEFAULT_FORMATS, '--format', {
    sarifCategory: flags.sarifCategory,
  });
  const outDir = resolve(flags.out);
  if (dirs.some((d) => resolve(d) === outDir))
    throw new InputError('--out must be a new folder, not one of the shard folders');
  assertReplaceableOutput(outDir, flags.out);
  const reports = dirs.map((d) => readReport(d));
  const labels = reports.map((r, i) =>
    r.scan.shard
      ? `shard-${r.scan.shard.index}-of-${r.scan.shard.count}`
      : `part-${i + 1}-${basename(resolve(dirs[i]!))}`,
  );
  if (new Set(labels).size !== labels.length)
    throw new InputError('soc2 merge: the same shard was given twice');
  const result = mergeResults(reports, dirs, { partial: flags.partial });
  const output = StagedOutput.open(flags.out);
  try {
    for (const file of mergedShardFiles(dirs.map((dir, i) => ({ dir, label: labels[i]! }))))
      output.write(file);
    completeScanOutput(output, result, chosen);
  } catch (error) {
    output.discard();
    throw error;
  }
  if (flags.history) appendHistory(flags.history, result, flags.out);
  if (!flags.quiet) {
    const s = result.summary;
    process.stderr.write(
      `soc2: merged ${dirs.length} shard output(s) into ${flags.out}/${result.scan.missingShards ? ` (incomplete: shard ${result.scan.missingShards.join(', ')} missing)` : ''}: readiness ${s.readiness}%, checks ${s.checks.pass} pass · ${s.checks.fail} fail · ${s.checks.error} error · ${s.checks.skipped} skipped; exit ${s.exitCode}\n`,
    );
  }
  return result.summary.exitCode;
}
