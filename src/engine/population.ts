import type { DataEntry } from '../core/snapshot.js';
import type { DataOf } from './data-map.js';
import { deepFreeze } from './evaluate.js';
import { errorMessage } from './errors.js';
import type { ProviderId } from './types.js';

/** A Type II examination period: whole days, both ends included (`YYYY-MM-DD`). */
export interface Period {
  from: string;
  to: string;
}

/** True when the timestamp or date falls on a day of the period. */
export function inPeriod(when: string | null | undefined, period: Period): boolean {
  if (!when) return false;
  const day = when.slice(0, 10);
  return day >= period.from && day <= period.to;
}

/** One event of a population: a merged pull request, a termination, an alert. */
export interface PopulationItem {
  /** Unique in the population and stable across runs: what an auditor names to select it. */
  id: string;
  /** When the event happened (ISO timestamp or date): what `soc2 sample --dates` selects on. */
  occurredAt: string;
  [field: string]: unknown;
}

/** One item that breaks the control the population tests. */
export interface Deviation {
  population: string;
  item: string;
  /** The rule broken, short and fixed per kind, e.g. `self-approved`, `access-removed-late`. */
  rule: string;
  occurredAt: string;
  details: string;
}

export interface PopulationContext {
  period: Period;
  /** The collection time (a replayed snapshot's time), never the wall clock. */
  now: Date;
  /** A check's options as this scan resolved them (defaults plus the config's overrides). */
  checkOptions(checkId: string): Readonly<Record<string, unknown>>;
}

export interface PopulationBuild {
  items: PopulationItem[];
  deviations: Omit<Deviation, 'population'>[];
  /** The systems read, as in the evidence envelope: `{ githubOrg: 'acme' }`. */
  source: Record<string, string | string[]>;
  /** Scopes the population should cover but could not read: the population is then incomplete. */
  notChecked?: { scope: string; cause: string }[];
  /** What the sources cannot show, said plainly (e.g. "direct pushes are not exposed by the REST API"). */
  limitations?: string[];
}

/**
 * A Type II population: every event of one kind in the period, built from collected data keys that read
 * the period (`config.period`), with the items that break the control as deviations.
 */
export interface PopulationDefinition<K extends string = string> {
  /** `<provider>.<name>`, unique among populations; names the evidence file. */
  id: string;
  title: string;
  provider: ProviderId;
  /** The Trust Services Criteria it evidences, e.g. `['CC8.1']`. */
  controls: readonly string[];
  requires: readonly K[];
  /**
   * Keys it joins when they can be read (another system's audit log, say). One that failed or was
   * skipped is undefined in `data` and named in the envelope's notChecked: the population is incomplete.
   */
  optional?: readonly string[];
  /** Pure: the population and its deviations from the declared keys' values. */
  build(data: DataOf<K> & Readonly<Record<string, unknown>>, context: PopulationContext): PopulationBuild;
}

/** Every key a population reads: required, then optional. */
export function populationKeys(population: AnyPopulation): string[] {
  return [...(population.requires as string[]), ...(population.optional ?? [])];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPopulation = PopulationDefinition<any>;

export function definePopulation<K extends string>(
  population: PopulationDefinition<K>,
): PopulationDefinition<K> {
  return population;
}

/** A built population, or why it could not be: a missing source is never an empty population. */
export type PopulationOutcome =
  { status: 'ok'; build: PopulationBuild } | { status: 'error' | 'skipped'; reason: string };

export function buildPopulation(
  population: AnyPopulation,
  data: Record<string, DataEntry | undefined>,
  context: PopulationContext,
): PopulationOutcome {
  const values: Record<string, unknown> = {};
  for (const key of population.requires as string[]) {
    const entry = data[key];
    if (!entry) return { status: 'error', reason: `no data collected for ${key}` };
    if (entry.status === 'error') return { status: 'error', reason: `${key}: ${entry.error}` };
    if (entry.status === 'skipped') return { status: 'skipped', reason: `${key}: ${entry.reason}` };
    values[key] = entry.value;
  }
  const unread: { scope: string; cause: string }[] = [];
  for (const key of population.optional ?? []) {
    const entry = data[key];
    if (entry?.status === 'ok') values[key] = entry.value;
    else
      unread.push({
        scope: key,
        cause: !entry ? 'not collected' : entry.status === 'error' ? entry.error : entry.reason,
      });
  }
  try {
    const built = population.build(deepFreeze(values), context);
    const build =
      unread.length > 0 ? { ...built, notChecked: [...unread, ...(built.notChecked ?? [])] } : built;
    const ids = new Set<string>();
    for (const item of build.items) {
      if (ids.has(item.id)) throw new Error(`two items with id '${item.id}'`);
      ids.add(item.id);
    }
    return { status: 'ok', build };
  } catch (error) {
    return { status: 'error', reason: `population threw: ${errorMessage(error)}` };
  }
}

/** A population of this scan and what building it gave. */
export interface BuiltPopulation {
  population: AnyPopulation;
  outcome: PopulationOutcome;
}
