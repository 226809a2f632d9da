// The config's shape, apart from the code that loads it so that the SDK's types need no provider.
import type { Period } from '../engine/population.js';
import type { Severity } from '../engine/types.js';
import type { YamlSource } from './yaml-source.js';

/**
 * Each provider's `providers.<id>` block. Providers declare theirs by augmenting this interface from
 * their own folder: `declare module '…/core/config-types.js' { interface ProviderConfigs { aws: … } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProviderConfigs {}

export type ProvidersConfig = Partial<ProviderConfigs> & { [id: string]: object | undefined };

export interface ExceptionRule {
  check: string;
  resource: string;
  reason: string;
  approved_by?: string;
  expires?: string;
}

export interface Config {
  organization: string;
  providers: ProvidersConfig;
  /** Plugin folders, module files or npm package names, as written (resolved from the config's folder). */
  plugins?: string[];
  policies?: string;
  evidence?: string;
  risks?: string;
  vendors?: string;
  catalog?: string;
  output?: { dir?: string; formats?: string[] };
  failOn?: Severity;
  history?: string;
  exceptions: ExceptionRule[];
  checks: Record<string, Record<string, unknown>>;
  /**
   * Set from `--shard i/n`, never from the file: collectors keep only the accounts and repositories
   * for which `inShard(config.shard, key)` is true (src/core/shard.ts).
   */
  shard?: { index: number; count: number };
  /**
   * A Type II period (`period: 2026-07-01..2026-09-30` in the file, or `--period`): period collectors
   * read the events in it and the scan writes its populations (docs/type2.md).
   */
  period?: Period;
  /** Where the config came from; relative paths in it were resolved against its folder. */
  file?: string;
  source?: YamlSource;
}
