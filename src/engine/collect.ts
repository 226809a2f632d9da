import type { AnyCollector, Provider, ProviderRuntime } from './collector.js';
import type { Config } from '../core/config.js';
import { providerOfKey } from './data-map.js';
import { errorMessage, InputError, InterruptedError, isSkipError } from './errors.js';
import { causeOf } from './scope.js';
import type { ScanEvent } from './events.js';
import type { DataEntry } from '../core/snapshot.js';
import { fairLimit, type FairLimit } from './fair-limit.js';
import { redact } from './redact.js';
import { CallLog, withCallLog, type EvidenceCall } from './calls.js';

export interface CollectOptions extends CollectionOptions, CollectRun {
  keys: readonly string[];
}

/** What every collection run of one scan shares: providers, their sessions and concurrency limits. */
export interface CollectionOptions {
  providers: readonly Provider[];
  config: Config;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  /** Replaying a snapshot: only local providers may collect what the snapshot lacks; nothing goes online. */
  offline?: boolean;
  /**
   * `--provider`: only these providers are contacted over the network; keys of other remote providers
   * (say, hr joining AWS) are skipped. Local files (roster, policies for manual evidence) are still read.
   */
  only?: readonly string[];
  onEvent?: (event: ScanEvent) => void;
  now?: () => Date;
}

/** One run of collectors over some keys (the whole scope, or one segment of a segmented provider). */
export interface CollectRun {
  /**
   * Entries the collectors of this run read through need() instead of collecting them: a segment's
   * narrowed scope. They are not data of the run (never passed to onData).
   */
  given?: Record<string, DataEntry>;
  /** Keys an interrupted run collected (`--resume`): taken as they were, with their provenance. */
  resumed?: Record<string, ResumedEntry>;
  /** Data already known (from a snapshot); these keys are never collected again. */
  preloaded?: Record<string, DataEntry>;
  /** Each key's entry as soon as it is final (already redacted), with where and how it was read. */
  onData?: (key: string, entry: DataEntry, provenance: KeyProvenance) => void;
  /** One element of a key's list value, final and redacted, before the key is done (see itemReady). */
  onItem?: (item: CollectedItem) => void;
}

export interface CollectedItem {
  key: string;
  index: number;
  value: unknown;
  /** When collecting the key started (its entry's collectedAt). */
  collectedAt: string;
}

/** Where a key's data came from: for its evidence file's envelope. */
export interface KeyProvenance {
  provider: string;
  source: Record<string, string | string[]>;
  calls: EvidenceCall[];
  from: string;
  to: string;
  /** Read from a snapshot, not from the systems themselves. */
  replayed?: boolean;
  /** Collected by an earlier, interrupted run of this scan and taken over by `--resume`. */
  resumed?: boolean;
}

/** A key an interrupted run of the same scan collected: its entry as it was, and how it was read. */
export interface ResumedEntry {
  entry: DataEntry;
  provenance: KeyProvenance;
}

export interface CollectOutcome extends CollectionTotals {
  data: Record<string, DataEntry>;
}

export interface CollectionTotals {
  providerStats: Map<string, Record<string, number | string>>;
  detections: Map<string, { configured: boolean; reason?: string; requested?: boolean }>;
}

/** Raised through need() when a dependency did not produce data; carries whether it was a skip. */
class DependencyError extends Error {
  constructor(
    readonly key: string,
    readonly entry: Exclude<DataEntry, { status: 'ok' }>,
  ) {
    super(
      entry.status === 'error'
        ? `needs ${key}, which failed: ${entry.error}`
        : `needs ${key}: ${entry.reason}`,
    );
  }
}

interface ProviderState {
  provider: Provider;
  runtime: Promise<{ runtime: ProviderRuntime; session: unknown }>;
  limit: FairLimit;
}

/**
 * Runs each needed collector at most once, with bounded concurrency per provider. Never throws for a
 * collector's failure: the failure becomes that key's entry. Throws InterruptedError when aborted.
 */
export async function collect(options: CollectOptions): Promise<CollectOutcome> {
  const collection = openCollection(options);
  const data = await collection.run(options.keys, options);
  return { data, ...(await collection.close()) };
}

export interface Collection {
  /** Collects `keys` (and what they need) once each in this run; runs share provider sessions and limits. */
  run(keys: readonly string[], run?: CollectRun): Promise<Record<string, DataEntry>>;
  /** Provider statistics and detections over every run. */
  close(): Promise<CollectionTotals>;
}

export function openCollection(options: CollectionOptions): Collection {
  const { config, env, signal, onEvent } = options;
  const now = options.now ?? (() => new Date());
  const states = new Map<string, ProviderState>();
  const detections = new Map<string, { configured: boolean; reason?: string; requested?: boolean }>();
  const providerById = new Map(options.providers.map((p) => [p.id as string, p]));

  const stateFor = (provider: Provider): ProviderState => {
    let state = states.get(provider.id);
    if (!state) {
      const settings = config.providers[provider.id] as { concurrency?: unknown } | undefined;
      const concurrency =
        typeof settings?.concurrency === 'number' ? settings.concurrency : provider.concurrency;
      state = {
        provider,
        limit: fairLimit(concurrency),
        runtime: (async () => {
          onEvent?.({ type: 'provider', provider: provider.id, state: 'start' });
          const runtime = await provider.load();
          if (typeof runtime?.createSession !== 'function' || !Array.isArray(runtime.collectors))
            throw new Error(
              `provider ${provider.id}: load() must resolve to { createSession(config, env, signal), collectors: [...] }`,
            );
          const session = await runtime.createSession(config, env, signal);
          return { runtime, session };
        })(),
      };
      states.set(provider.id, state);
    }
    return state;
  };

  const detect = (provider: Provider): { configured: boolean; reason?: string; requested?: boolean } => {
    let detection = detections.get(provider.id);
    if (detection) return detection;
    const detected = provider.detect(config, env);
    detection = detected.configured
      ? { configured: true }
      : { configured: false, reason: detected.reason, requested: detected.requested === true };
    detections.set(provider.id, detection);
    if (!detected.configured)
      onEvent?.({
        type: 'provider',
        provider: provider.id,
        state: detected.requested ? 'error' : 'skipped',
        message: detected.reason,
      });
    return detection;
  };

  const runKeys = async (keys: readonly string[], runOptions: CollectRun = {}) => {
    const data: Record<string, DataEntry> = {};
    const pending = new Map<string, Promise<DataEntry>>(
      Object.entries(runOptions.given ?? {}).map(([key, entry]) => [key, Promise.resolve(entry)]),
    );
    let itemFailure: { error: unknown } | undefined;
    const provenance = new Map<string, KeyProvenance>();
    const run = async (key: string): Promise<DataEntry> => {
      const providerId = providerOfKey(key);
      const at = now().toISOString();
      provenance.set(key, { provider: providerId, source: {}, calls: [], from: at, to: at });
      const preloaded = runOptions.preloaded?.[key];
      if (preloaded) {
        const collectedAt = preloaded.collectedAt ?? at;
        provenance.set(key, {
          provider: providerId,
          source: {},
          calls: [],
          from: collectedAt,
          to: collectedAt,
          replayed: true,
        });
        return redact(preloaded);
      }
      const provider = providerById.get(providerId);
      if (!provider) return { status: 'error', error: `no provider '${providerId}' for data key ${key}` };
      if (options.only?.length && !options.only.includes(providerId) && !provider.local) {
        return {
          status: 'skipped',
          reason: `${key} needs ${providerId}, which is not selected (--provider ${options.only.join(',')})`,
        };
      }
      if (options.offline && !provider.local) {
        return {
          status: 'skipped',
          reason: `${key} is not in the snapshot (a replay never calls ${providerId})`,
        };
      }
      let detection: ReturnType<typeof detect>;
      try {
        detection = detect(provider);
      } catch (error) {
        return {
          status: 'error',
          error: `detecting ${providerId}: ${errorMessage(error)}`,
          cause: causeOf(error),
        };
      }
      if (!detection.configured) {
        const reason = detection.reason ?? `${providerId} is not configured`;
        return detection.requested
          ? { status: 'error', error: reason, cause: { kind: 'permission', message: reason } }
          : { status: 'skipped', reason };
      }

      const state = stateFor(provider);
      const started = now().toISOString();
      onEvent?.({ type: 'collect', provider: provider.id, key, state: 'start' });
      // Items handed over early are redacted then, and that copy is reused for the final value. Once the
      // key is done (a collector may reject while some of its tasks still run), later items are dropped.
      const redactedItems = new Map<unknown, unknown>();
      let finished = false;
      const calls = new CallLog();
      let sourceOf = (): Record<string, string | string[]> => ({});
      const ended = () =>
        provenance.set(key, {
          provider: providerId,
          source: redact(sourceOf()),
          calls: redact(calls.list()),
          from: started,
          to: now().toISOString(),
        });
      try {
        const { runtime, session } = await state.runtime;
        const collector = runtime.collectors.find((c: AnyCollector) => c.key === key);
        if (!collector) throw new Error(`provider ${providerId} has no collector for ${key}`);
        const resumed = runOptions.resumed?.[key];
        if (resumed && collector.resumable !== false) {
          finished = true;
          provenance.set(key, { ...resumed.provenance, resumed: true });
          onEvent?.({ type: 'collect', provider: provider.id, key, state: 'ok' });
          return resumed.entry;
        }
        sourceOf = () => runtime.source?.(session) ?? {};
        const value: unknown = await withCallLog(calls, () =>
          collector.collect({
            config,
            env,
            signal,
            session,
            limit: state.limit.queue(key),
            need: async (other) => {
              const entry = await get(other);
              if (entry.status !== 'ok') throw new DependencyError(other, entry);
              return entry.value as never;
            },
            progress: (message, detail) =>
              onEvent?.({ type: 'progress', provider: provider.id, key, message, ...detail }),
            itemReady: (index, item) => {
              if (finished) return;
              const clean = redact(item);
              redactedItems.set(item, clean);
              // A failure to take the item (the disk is full) is the scan's, not this collector's.
              try {
                runOptions.onItem?.({ key, index, value: clean, collectedAt: started });
              } catch (error) {
                itemFailure ??= { error };
              }
            },
          }),
        );
        finished = true;
        ended();
        onEvent?.({ type: 'collect', provider: provider.id, key, state: 'ok' });
        // Redacted as soon as it arrives, so the raw answer (and any secret in it) is not kept around.
        const clean = Array.isArray(value)
          ? value.map((item: unknown) => (redactedItems.has(item) ? redactedItems.get(item) : redact(item)))
          : redact(value);
        return { status: 'ok', value: clean, collectedAt: started };
      } catch (error) {
        finished = true;
        ended();
        if (signal.aborted) throw new InterruptedError(reasonOf(signal));
        // A local file the user pointed at is malformed: that is bad input for the whole scan (exit 2).
        if (error instanceof InputError) throw error;
        // Error messages can quote what a server sent back; they reach logs and reports, so scrub them too.
        const entry: DataEntry = redact(failedEntry(error, started));
        onEvent?.({
          type: 'collect',
          provider: provider.id,
          key,
          state: entry.status === 'skipped' ? 'skipped' : 'error',
          message:
            entry.status === 'skipped' ? entry.reason : entry.status === 'error' ? entry.error : undefined,
        });
        return entry;
      }
    };

    const get = (key: string): Promise<DataEntry> => {
      let promise = pending.get(key);
      if (!promise) {
        promise = run(key).then((entry) => {
          if (itemFailure) throw itemFailure.error;
          data[key] = entry;
          runOptions.onData?.(key, entry, provenance.get(key)!);
          return entry;
        });
        // A collector that fails stops awaiting the keys it asked for: their failure is handled where awaited.
        promise.catch(() => undefined);
        pending.set(key, promise);
      }
      return promise;
    };

    await untilAborted(Promise.all(keys.map(get)), signal);
    // A collector may have pulled in keys nobody asked for directly; wait for them too.
    await untilAborted(Promise.all([...pending.values()]), signal);
    return data;
  };

  const close = async (): Promise<CollectionTotals> => {
    const providerStats = new Map<string, Record<string, number | string>>();
    for (const [id, state] of states) {
      try {
        const { runtime, session } = await state.runtime;
        const stats = runtime.stats?.(session);
        if (stats) providerStats.set(id, stats);
        onEvent?.({ type: 'provider', provider: state.provider.id, state: 'done' });
      } catch {
        onEvent?.({ type: 'provider', provider: state.provider.id, state: 'error' });
      }
    }
    return { providerStats, detections };
  };
  return { run: runKeys, close };
}

function failedEntry(error: unknown, collectedAt: string): DataEntry {
  if (isSkipError(error)) return { status: 'skipped', reason: error.message, collectedAt };
  if (error instanceof DependencyError) {
    const rootKey = error.entry.rootKey ?? error.key;
    return error.entry.status === 'skipped'
      ? { status: 'skipped', reason: error.message, rootKey, collectedAt }
      : {
          status: 'error',
          error: errorMessage(error),
          ...(error.entry.cause ? { cause: error.entry.cause } : {}),
          rootKey,
          collectedAt,
        };
  }
  return { status: 'error', error: errorMessage(error), cause: causeOf(error), collectedAt };
}

/**
 * `work`, or InterruptedError as soon as the signal aborts. The listener goes once `work` settles: a race
 * against one promise that never settles would keep every run's results alive (a segmented scan has many).
 */
async function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  // Once aborted, `work` still fails later; that failure is this one.
  work.catch(() => undefined);
  if (signal.aborted) throw new InterruptedError(reasonOf(signal));
  let onAbort = () => undefined as void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new InterruptedError(reasonOf(signal)));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function reasonOf(signal: AbortSignal): string {
  return typeof signal.reason === 'string' ? signal.reason : 'SIGINT';
}
