import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readSnapshotFile } from '../../evidence/snapshot-file.js';
import { readYamlFile } from '../../core/yaml-source.js';
import { ExitCode, InputError } from '../../engine/errors.js';
import { checkAccessReview, freezeAccessReview } from '../../evidence/access-review.js';
import { writeFileAtomic } from '../../evidence/output-dir.js';
import { loadSetup } from '../setup.js';

export interface ReviewStartFlags {
  snapshot: string;
  out: string;
  config?: string;
}

/** `soc2 review start access`: the frozen population and the review file, side by side. */
export async function reviewStartCommand(kind: string, flags: ReviewStartFlags): Promise<number> {
  if (kind !== 'access') throw new InputError(`soc2 review start: unknown review '${kind}' (one of: access)`);
  const { registry } = await loadSetup(flags.config);
  const reviewFile = flags.out;
  if (existsSync(reviewFile))
    throw new InputError([
      { file: reviewFile, message: 'already exists: a started review is never overwritten' },
    ]);
  const populationFile = populationFileOf(reviewFile);
  const frozen = freezeAccessReview(
    readSnapshotFile(flags.snapshot),
    flags.snapshot,
    registry.accountSources,
    populationFile,
  );
  writeFileAtomic(populationFile, frozen.population.text);
  writeFileAtomic(reviewFile, frozen.review);
  const gaps = frozen.notCovered.map((n) => `  not covered: ${n.system}: ${n.cause}\n`).join('');
  process.stderr.write(
    `soc2: froze ${frozen.population.size} account(s), sha256 ${frozen.population.sha256}\n${gaps}Wrote ${populationFile} and ${reviewFile}\n`,
  );
  return frozen.notCovered.length > 0 ? ExitCode.incomplete : ExitCode.ok;
}

export interface ReviewCheckFlags {
  after?: string;
  out?: string;
  config?: string;
  json?: boolean;
}

/** `soc2 review check`: exit 0 when complete, 1 when not, 2 for a malformed review file. */
export async function reviewCheckCommand(reviewFile: string, flags: ReviewCheckFlags): Promise<number> {
  const review = readYamlFile(reviewFile);
  const populationFile = populationFileOf(reviewFile);
  if (!existsSync(populationFile))
    throw new InputError([
      {
        file: populationFile,
        message: 'the frozen population is missing (soc2 review start writes it next to the review)',
      },
    ]);
  const later = flags.after
    ? {
        snapshot: readSnapshotFile(flags.after),
        sources: (await loadSetup(flags.config)).registry.accountSources,
      }
    : undefined;
  const result = checkAccessReview(review, populationFile, readFileSync(populationFile, 'utf8'), later);
  const text = `${JSON.stringify(result, null, 2)}\n`;
  if (flags.out) writeFileAtomic(flags.out, text);
  if (flags.json) process.stdout.write(text);
  const lines = [
    `soc2: access review ${result.complete ? 'complete' : 'INCOMPLETE'}: ${result.decided} of ${result.population.size} account(s) decided`,
    ...result.missing.map((id) => `  missing from the review: ${id}`),
    ...result.undecided.map((id) => `  no decision or reviewer: ${id}`),
    ...result.revocations.notDone.map((id) => `  revoked but still active: ${id}`),
    ...result.problems.map((p) => `  ${p}`),
    ...(result.signoff ? [`  signed off by ${result.signoff.by} on ${result.signoff.at}`] : []),
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
  return result.complete ? ExitCode.ok : ExitCode.failures;
}

/** `q3.review.yaml` → `q3.population.jsonl`, in the same folder. */
function populationFileOf(reviewFile: string): string {
  const name = reviewFile
    .split(/[\\/]/)
    .pop()!
    .replace(/(\.review)?\.ya?ml$/i, '');
  return join(dirname(reviewFile), `${name}.population.jsonl`);
}
