import type { DataOf } from './data-map.js';
import type { Finding, ProviderId, Severity } from './types.js';

export interface CheckContext {
  /** The time the data was collected; checks measure ages against this, never the wall clock. */
  now: Date;
  organization: string;
}

/** A JSON Schema (draft 2020-12 subset ajv accepts) for one check's options object. */
export type OptionsSchema = Record<string, unknown>;

export interface CheckDefinition<K extends string = string, O extends object = object> {
  /** `<provider>.<name>`; a built-in check's id is its folder path under checks/ with `/` replaced by `.`. */
  id: string;
  title: string;
  provider: ProviderId;
  severity: Severity;
  description: string;
  risk: string;
  remediation: string;
  requires: readonly K[];
  /**
   * For keys a provider segments (AWS Config: one account at a time): the check also judges a segment by
   * what other segments lend it (an organization trail recorded in the management account). It must
   * still report only on its own segment's scopes.
   */
  crossSegment?: boolean;
  /** Thresholds and switches, overridable per check from the config file: `schema` maps each option name to its JSON Schema. */
  options?: { schema: OptionsSchema; defaults: O };
  /**
   * Pure and synchronous. Returns at least one finding: a check with nothing to look at says so with a
   * passing finding on the scope it looked at (e.g. the account), never an empty list.
   */
  evaluate(data: DataOf<K>, options: Readonly<O>, context: CheckContext): Finding[];
}

// The registry holds checks of many data/option types; evaluate() is only called through the engine,
// which hands each check exactly the keys it declared.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCheck = CheckDefinition<any, any>;

export function defineCheck<K extends string, O extends object = Record<string, never>>(
  definition: CheckDefinition<K, O>,
): CheckDefinition<K, O> {
  return definition;
}
