import type { Segmentation } from './segments.js';
import type { Control, EvidenceRequest } from '../core/catalog.js';
import type { Config } from '../core/config-types.js';
import type { DataEntry } from '../core/snapshot.js';
import type { ResourceLocator } from './audit-scope.js';
import type { DataMap } from './data-map.js';
import type { ManualEvidenceResult } from './result.js';
import type { ProviderId } from './types.js';

type ValueOf<K extends string> = K extends keyof DataMap ? DataMap[K] : unknown;

export interface ProgressDetail {
  done?: number;
  total?: number;
  notice?: boolean;
}

export type Limit = <T>(task: () => Promise<T>) => Promise<T>;

export interface CollectContext<Session = unknown> {
  config: Config;
  env: NodeJS.ProcessEnv;
  /** Aborted on SIGINT/SIGTERM; pass it to SDK calls and stop promptly. */
  signal: AbortSignal;
  session: Session;
  /** Another data key's value, collected at most once per scan; rejects if that collector failed. */
  need<K extends string>(key: K): Promise<ValueOf<K>>;
  /** Bounded concurrency shared by every collector of this provider. */
  limit: Limit;
  /**
   * A short progress line, e.g. "IAM users: page 3", shown on the spinner (in CI, a log line now and
   * then). `done`/`total` count work items, from which the CLI shows a rate and an ETA; `notice` lines
   * (a budget, a wait) are always logged.
   */
  progress(message: string, detail?: ProgressDetail): void;
  /**
   * Hands over one element of this key's value (a list) as soon as it is final, by its position in
   * that list, so its evidence can be written while the rest is still being collected. Calling it is
   * optional; items handed over after the collector has returned or failed are dropped.
   */
  itemReady(index: number, item: unknown): void;
}

export interface Collector<K extends string = string, Session = unknown> {
  key: K;
  collect(context: CollectContext<Session>): Promise<ValueOf<K>>;
  /**
   * `false` when collecting also sets up the session other collectors rely on (AWS: the account list
   * assumes a role in each account): `--resume` collects its key again instead of taking it over.
   */
  resumable?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCollector<Session = any> = Collector<any, Session>;

/** The heavy half of a provider: imports its SDK, so it is only loaded when the provider runs. */
export interface ProviderRuntime<Session = unknown> {
  createSession(config: Config, env: NodeJS.ProcessEnv, signal: AbortSignal): Promise<Session>;
  collectors: readonly AnyCollector<Session>[];
  /** Numbers for the end of the scan: requests made, retries, remaining quota. */
  stats?(session: Session): Record<string, number | string>;
  /** The systems read, for each evidence file's envelope: account, organization or tenant ids by kind. */
  source?(session: Session): Record<string, string | string[]>;
}

/**
 * Whether a provider can run. `requested`: the config asks for it (its block is there) but something it
 * needs is missing, such as credentials: its checks then end in `error` (the scan is incomplete), never
 * `skipped`, so a scan that was meant to read it cannot look clean.
 */
export type Detection = { configured: true } | { configured: false; reason: string; requested?: boolean };

/** A JSON Schema (draft-07, as ajv accepts it) for a provider's `providers.<id>` block in the config. */
export type ConfigSchema = Record<string, unknown>;

/**
 * Decides the catalog's manual evidence requests (policy documents, records) from collected data.
 * At most one registered provider has one; without it every request stays outstanding.
 */
export interface ManualEvidenceResolver {
  /** The data keys it reads for these controls' requests; collected whenever one asks for evidence. */
  keys(controls: readonly Control[]): string[];
  /** One result per evidence request of the control, in order. */
  resolve(control: Control, data: Record<string, DataEntry | undefined>, now: Date): ManualEvidenceResult[];
}

/** A request's result before anything satisfies it: what a resolver starts from. */
export function outstandingEvidence(request: EvidenceRequest): ManualEvidenceResult {
  return {
    id: request.id,
    title: request.title,
    owner: request.owner,
    frequency: request.frequency,
    freshDays: request.freshDays,
    status: 'outstanding',
  };
}

/** The light half of a provider: no SDK imports, safe to load for --help and planning. */
export interface Provider {
  /** Lowercase letters, digits and dashes; prefixes its data keys (`<id>.<name>`) and its checks' ids. */
  id: ProviderId;
  title: string;
  /** Whether the config or the environment gives this provider enough to run. */
  detect(config: Config, env: NodeJS.ProcessEnv): Detection;
  load(): Promise<ProviderRuntime>;
  /** Default concurrency for this provider's calls (`providers.<id>.concurrency` may override). */
  concurrency: number;
  /** Reads only local files (HR roster, policy folders): still collected live when replaying a snapshot. */
  local: boolean;
  /**
   * Validates `providers.<id>` in the config, with file and line in every problem. A string property
   * with `"format": "path"` is a file or folder path, resolved from the config file's folder.
   */
  configSchema?: ConfigSchema;
  manualEvidence?: ManualEvidenceResolver;
  /** Where its resources live (account, region, repository, org unit, tags), for the config's `scope:`. */
  locator?: ResourceLocator;
  /** Its largest keys, collected and judged one segment (an account) at a time to bound memory. */
  segmentation?: Segmentation;
}

/**
 * For a list value made of groups in order (each user's tokens, say): hands each group's items to
 * itemReady, at their place in the whole list, as soon as every earlier group is done.
 */
export function itemsByGroup(
  context: Pick<CollectContext, 'itemReady'>,
): (group: number, items: readonly unknown[]) => void {
  const done = new Map<number, readonly unknown[]>();
  let nextGroup = 0;
  let nextIndex = 0;
  return (group, items) => {
    done.set(group, items);
    for (let ready = done.get(nextGroup); ready; ready = done.get(nextGroup)) {
      done.delete(nextGroup++);
      for (const item of ready) context.itemReady(nextIndex++, item);
    }
  };
}

export function defineProvider(provider: Provider): Provider {
  return provider;
}

export function defineCollector<K extends string, Session>(
  collector: Collector<K, Session>,
): Collector<K, Session> {
  return collector;
}
