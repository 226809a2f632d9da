import { sha256 } from '../core/sha256.js';
import type { DataEntry } from '../core/snapshot.js';
import {
  populationKeys,
  type AnyPopulation,
  type Deviation,
  type Period,
  type PopulationOutcome,
} from '../engine/population.js';
import type { PopulationSummary, ScanResult } from '../engine/result.js';
import type { ScanOutcome } from '../engine/scan.js';
import { evidenceJsonl, type EvidenceEnvelope } from './envelope.js';
import type { OutputFile } from './output-dir.js';

export function populationPath(id: string): string {
  return `evidence/populations/${id}.jsonl`;
}

/**
 * A scan's report with its period populations (`populations[]`, `deviations[]`) and their evidence
 * files; the report unchanged when the scan had no period.
 */
export function withPopulations(
  outcome: ScanOutcome,
  period: Period | undefined,
): { result: ScanResult; files: OutputFile[] } {
  if (!period) return { result: outcome.result, files: [] };
  const evidence = outcome.populations.map(({ population, outcome: built }) =>
    populationEvidence(population, built, period, outcome.snapshot.data, outcome.result.scan.evaluatedAt),
  );
  return {
    result: {
      ...outcome.result,
      populations: evidence.map((e) => e.summary),
      deviations: evidence.flatMap((e) => e.deviations),
    },
    files: evidence.map((e) => e.file),
  };
}

export interface PopulationEvidence {
  summary: PopulationSummary;
  deviations: Deviation[];
  file: OutputFile;
}

/**
 * A population's evidence file (the envelope, then one line per item with the rules it breaks) and its
 * report.json entry with the file's SHA-256. A population that could not be built is an envelope with
 * its status and reason and no records: never an empty, complete population.
 */
export function populationEvidence(
  population: AnyPopulation,
  outcome: PopulationOutcome,
  period: Period,
  data: Record<string, DataEntry | undefined>,
  evaluatedAt: string,
): PopulationEvidence {
  const build = outcome.status === 'ok' ? outcome.build : undefined;
  const deviations: Deviation[] = (build?.deviations ?? []).map((d) => ({ population: population.id, ...d }));
  const rulesOf = new Map<string, string[]>();
  for (const d of deviations) rulesOf.set(d.item, [...(rulesOf.get(d.item) ?? []), d.rule]);
  // In time order, then by id: the same population always gives the same bytes, whatever the API order.
  const records = [...(build?.items ?? [])]
    .sort((x, y) => compare(x.occurredAt, y.occurredAt) || compare(x.id, y.id))
    .map((item) => ({ ...item, deviations: rulesOf.get(item.id) ?? [] }));
  deviations.sort((x, y) => compare(x.occurredAt, y.occurredAt) || compare(x.item, y.item));
  const times = populationKeys(population)
    .map((key) => data[key]?.collectedAt ?? evaluatedAt)
    .sort();
  const notChecked = build?.notChecked ?? [];
  const source = { ...(build?.source ?? {}), period: `${period.from}..${period.to}` };
  const envelope: EvidenceEnvelope = {
    soc2Evidence: 1,
    key: population.id,
    provider: population.provider,
    source,
    calls: [],
    records: records.length,
    complete: outcome.status === 'ok' && notChecked.length === 0,
    notChecked,
    collectedAt: { from: times[0] ?? evaluatedAt, to: times.at(-1) ?? evaluatedAt },
    usedBy: populationKeys(population),
    shape: 'list',
    ...(outcome.status === 'ok' ? { status: 'ok' } : { status: outcome.status, reason: outcome.reason }),
  };
  const text = [...evidenceJsonl(envelope, records)].join('');
  const path = populationPath(population.id);
  return {
    summary: {
      id: population.id,
      title: population.title,
      controls: [...population.controls],
      source,
      period,
      size: records.length,
      sha256: sha256(text),
      file: path,
      complete: envelope.complete,
      status: outcome.status,
      ...(outcome.status === 'ok' ? {} : { reason: outcome.reason }),
      ...(build?.limitations?.length ? { limitations: build.limitations } : {}),
    },
    deviations,
    file: { path, content: text },
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
