import { ExitCode, InputError } from '../../engine/errors.js';
import { writeFileAtomic } from '../../evidence/output-dir.js';
import { drawSample, parseDates } from '../../evidence/sample.js';

export interface SampleFlags {
  population: string;
  size?: string;
  seed?: string;
  dates?: string[];
  items?: string[];
  report: string;
  out?: string;
}

/** Draws a reproducible sample from a scan's population and writes it (JSON) with each item's evidence. */
export async function sampleCommand(flags: SampleFlags): Promise<number> {
  const size = flags.size === undefined ? undefined : positiveInteger(flags.size);
  const sample = drawSample({
    scanDir: flags.report,
    population: flags.population,
    size,
    seed: flags.seed,
    dates: flags.dates ? parseDates(flags.dates) : undefined,
    items: flags.items,
  });
  const out =
    flags.out ?? `sample-${sample.population.id}${sample.seed === null ? '' : `-${sample.seed}`}.json`;
  writeFileAtomic(out, `${JSON.stringify(sample, null, 2)}\n`);
  process.stderr.write(
    `soc2: ${sample.size} of ${sample.population.size} item(s) of ${sample.population.id} (sha256 ${sample.population.sha256.slice(0, 12)}…), ${sample.deviations.length} with deviations\nWrote ${out}\n`,
  );
  return ExitCode.ok;
}

function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(`--size: expected a whole number of at least 1 (got '${text}')`);
  }
  return value;
}
