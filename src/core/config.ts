import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../engine/errors.js';
import { schemasDir } from './paths.js';
import { validateSource } from './schema-validate.js';
import type { Severity } from '../engine/types.js';
import { readYamlFile, type YamlSource } from './yaml-source.js';

export const DEFAULT_CONFIG_FILE = 'soc2.config.yaml';

export interface AwsConfig {
  regions?: string[];
  profile?: string;
  organization?: boolean;
  assumeRole?: string;
  externalId?: string;
  accounts?: string[];
  configAggregator?: string;
  concurrency?: number;
}
export interface GithubConfig {
  org?: string;
  baseUrl?: string;
  appId?: number | string;
  privateKey?: string;
  installationId?: number | string;
  concurrency?: number;
}
export interface GoogleConfig {
  customer?: string;
  domain?: string;
  domains?: string[];
  subject?: string;
  credentials?: string;
  rootUrl?: string;
  concurrency?: number;
  /** Tries per request (first included) and backoff base/cap for quota and server errors. */
  retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
}
export interface HrConfig {
  roster?: string;
  columns?: Record<string, string | string[]>;
  format?: 'csv' | 'json';
  dateFormat?: 'YYYY-MM-DD' | 'MM/DD/YYYY' | 'DD/MM/YYYY';
}
export interface ExceptionRule {
  check: string;
  resource: string;
  reason: string;
  approved_by?: string;
  expires?: string;
}

export interface Config {
  organization: string;
  providers: { aws?: AwsConfig; github?: GithubConfig; google?: GoogleConfig; hr?: HrConfig };
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
  /** Where the config came from; relative paths in it were resolved against its folder. */
  file?: string;
  source?: YamlSource;
}

export const CONFIG_SCHEMA = join(schemasDir, 'config.schema.json');

export function defaultConfig(): Config {
  return { organization: 'Your Company', providers: {}, exceptions: [], checks: {} };
}

/**
 * Loads and validates the config. With no explicit path, a missing ./soc2.config.yaml means defaults
 * (providers then come only from credentials in the environment).
 */
export function loadConfig(path: string | undefined, cwd = process.cwd()): Config {
  const file = resolve(cwd, path ?? DEFAULT_CONFIG_FILE);
  if (path === undefined && !existsSync(file)) return defaultConfig();
  const source = readYamlFile(file);
  if (source.value === null || source.value === undefined) {
    return { ...defaultConfig(), file, source };
  }
  const problems = validateSource(source, CONFIG_SCHEMA);
  if (problems.length > 0) throw new InputError(problems);
  const raw = source.value as Omit<Config, 'file' | 'source'>;
  const dir = dirname(file);
  const at = (p: string | undefined) => (p === undefined ? undefined : resolve(dir, p));
  const providers = { ...raw.providers };
  if (providers.hr?.roster) providers.hr = { ...providers.hr, roster: at(providers.hr.roster) };
  if (providers.google?.credentials) {
    providers.google = { ...providers.google, credentials: at(providers.google.credentials) };
  }
  if (providers.github?.privateKey) {
    providers.github = { ...providers.github, privateKey: at(providers.github.privateKey) };
  }
  return {
    ...defaultConfig(),
    ...raw,
    providers,
    policies: at(raw.policies),
    evidence: at(raw.evidence),
    risks: at(raw.risks),
    vendors: at(raw.vendors),
    catalog: at(raw.catalog),
    history: at(raw.history),
    output: raw.output ? { ...raw.output, dir: at(raw.output.dir) } : undefined,
    exceptions: raw.exceptions ?? [],
    checks: raw.checks ?? {},
    file,
    source,
  };
}
