// The config's shape, apart from the code that loads it so that the SDK's types need no provider.
import type { Category } from '../engine/criteria.js';
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
  /** Resource name; `*` matches any run of characters. */
  resource: string;
  reason: string;
  approved_by: string;
  /** YYYY-MM-DD; the term (approved_at to expires) is capped by the check's severity. */
  approved_at: string;
  expires: string;
}

/** Names in (include: only these, when given) and out (exclude) of scope; `*` matches any run of characters. */
export interface NamePatterns {
  include?: string[];
  exclude?: string[];
}

/** The system under audit: `scope:` in the config. Whatever is not named stays in scope. */
export interface ScopeConfig {
  /** In-scope categories besides security, which is always in scope. */
  categories?: Category[];
  aws?: { accounts?: NamePatterns; regions?: NamePatterns };
  github?: { repositories?: NamePatterns };
  /** An org unit's patterns cover its children: `/Sales` covers `/Sales/EMEA`. */
  google?: { orgUnits?: NamePatterns };
  /** `key=value` patterns, matched against resource tags where the data carries them. */
  tags?: NamePatterns;
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
  /** sarifCategory: the SARIF run's code-scanning category ('' leaves it to the upload action). */
  output?: { dir?: string; formats?: string[]; sarifCategory?: string };
  failOn?: Severity;
  history?: string;
  exceptions: ExceptionRule[];
  /** The longest term of an exception by its check's severity, in days (defaults: src/engine/exceptions.ts). */
  exceptionMaxDays?: Partial<Record<Severity, number>>;
  scope?: ScopeConfig;
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
