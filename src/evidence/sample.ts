import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../core/sha256.js';
import { InputError } from '../engine/errors.js';
import type { Deviation, PopulationItem } from '../engine/population.js';
import type { PopulationSummary, ScanResult } from '../engine/result.js';
import { parseEvidenceJsonl, type EvidenceEnvelope } from './envelope.js';
import { populationPath } from './population-file.js';

/**
 * How items are chosen, stated in every sample so anyone can redo it: each item's rank is the SHA-256
 * (hex) of `<seed>:<item id>`; the `size` items with the lowest ranks are the sample. It depends only
 * on the seed and the ids, never on the file's order or the machine.
 */
export const SAMPLE_METHOD =
  'sha256-rank: items ordered by SHA-256 hex of "<seed>:<item id>", the first <size> taken';

export interface SampleRequest {
  /** A scan output folder holding report.json and evidence/populations/. */
  scanDir: string;
  population: string;
  size?: number;
  seed?: string;
  /** Only items whose occurredAt falls on one of these days (YYYY-MM-DD) or ranges (FROM..TO). */
  dates?: string[];
  /** Exactly these items, as the auditor named them. */
  items?: string[];
}

export interface Sample {
  format: 'soc2-sample';
  version: 1;
  population: {
    id: string;
    title: string;
    file: string;
    sha256: string;
    size: number;
    period: PopulationSummary['period'];
  };
  method: string;
  seed: string | null;
  size: number;
  filters: { dates?: string[]; items?: string[] };
  /** Each selected item: its record from the population file and its deviations. */
  items: (PopulationItem & { deviations: unknown })[];
  deviations: Deviation[];
}

export function rankOf(seed: string, id: string): string {
  return sha256(`${seed}:${id}`);
}

/** Reads the population, checks its hash against report.json, and selects the sample. Bad input: exit 2. */
export function drawSample(request: SampleRequest): Sample {
  const reportFile = join(request.scanDir, 'report.json');
  let report: ScanResult;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as ScanResult;
  } catch (error) {
    throw new InputError([
      { file: reportFile, message: `cannot read the scan's report (${(error as Error).message})` },
    ]);
  }
  const summary = report.populations?.find((p) => p.id === request.population);
  if (!summary) {
    const known = (report.populations ?? []).map((p) => p.id);
    throw new InputError([
      {
        file: reportFile,
        message: `no population '${request.population}' (${known.length ? `it has ${known.join(', ')}` : 'the scan had no --period'})`,
      },
    ]);
  }
  const file = join(request.scanDir, populationPath(summary.id));
  const text = readFileSync(file, 'utf8');
  const hash = sha256(text);
  if (hash !== summary.sha256)
    throw new InputError([
      {
        file,
        message: `SHA-256 ${hash} differs from report.json's ${summary.sha256}: the population file changed`,
      },
    ]);
  const { envelope, records } = parseEvidenceJsonl(text) as {
    envelope: EvidenceEnvelope;
    records: (PopulationItem & { deviations: unknown })[];
  };
  if (envelope.status && envelope.status !== 'ok')
    throw new InputError([
      {
        file,
        message: `the population could not be built (${envelope.reason ?? envelope.status}): nothing to sample`,
      },
    ]);

  let chosen: typeof records;
  if (request.items?.length) {
    const byId = new Map(records.map((r) => [r.id, r]));
    const unknown = request.items.filter((id) => !byId.has(id));
    if (unknown.length > 0)
      throw new InputError(`--items: not in population ${summary.id}: ${unknown.join(', ')}`);
    chosen = request.items.map((id) => byId.get(id)!);
  } else {
    const pool = request.dates?.length
      ? records.filter((r) => onDates(r.occurredAt, request.dates!))
      : records;
    if (request.size === undefined || request.seed === undefined)
      throw new InputError('--size and --seed are needed unless --items names the items');
    const seed = request.seed;
    chosen = pool
      .map((record) => ({ record, rank: rankOf(seed, record.id) }))
      .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
      .slice(0, request.size)
      .map((x) => x.record);
  }
  const ids = new Set(chosen.map((r) => r.id));
  return {
    format: 'soc2-sample',
    version: 1,
    population: {
      id: summary.id,
      title: summary.title,
      file: summary.file,
      sha256: hash,
      size: records.length,
      period: summary.period,
    },
    method: request.items?.length ? 'items named by the auditor' : SAMPLE_METHOD,
    seed: request.items?.length ? null : (request.seed ?? null),
    size: chosen.length,
    filters: {
      ...(request.dates?.length ? { dates: request.dates } : {}),
      ...(request.items?.length ? { items: request.items } : {}),
    },
    items: chosen,
    deviations: (report.deviations ?? []).filter((d) => d.population === summary.id && ids.has(d.item)),
  };
}

function onDates(occurredAt: string, dates: readonly string[]): boolean {
  const day = occurredAt.slice(0, 10);
  return dates.some((d) => {
    const [from, to] = d.split('..');
    return to === undefined ? day === from : day >= from! && day <= to;
  });
}

/** `--dates`: days or FROM..TO ranges; anything else is bad input. */
export function parseDates(values: readonly string[]): string[] {
  const bad = values.filter((v) => !/^\d{4}-\d{2}-\d{2}(\.\.\d{4}-\d{2}-\d{2})?$/.test(v));
  if (bad.length > 0) throw new InputError(`--dates: expected YYYY-MM-DD or FROM..TO, got ${bad.join(', ')}`);
  return [...values];
}
