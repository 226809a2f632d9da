// soc2/sdk: what a plugin may use. The define* helpers only add types; plain objects of the same
// shape work without importing anything. The check tester is in soc2/sdk/testing (needs vitest).
export type { Control, EvidenceRequest } from '../core/catalog.js';
export type { Config, ProviderConfigs } from '../core/config-types.js';
export type { DataEntry } from '../core/snapshot.js';
// Retrying an HTTP API politely: exponential backoff with jitter, an abortable sleep, and the per-request
// timeout every provider honours (SOC2_REQUEST_TIMEOUT_MS).
export { backoffDelay, sleep, type RetryPolicy } from '../core/backoff.js';
export { requestTimeoutMs } from '../core/request-timeout.js';
// Whole days from an ISO date or timestamp to the collection time (`now` of a check's context).
export { daysSince } from '../engine/days.js';
export { recorded, recordRequest, urlParams, type EvidenceCall } from '../engine/calls.js';
export {
  defineCheck,
  type AnyCheck,
  type CheckContext,
  type CheckDefinition,
  type OptionsSchema,
} from '../engine/check.js';
export {
  defineCollector,
  defineProvider,
  itemsByGroup,
  type AnyCollector,
  type CollectContext,
  type Collector,
  type ConfigSchema,
  type Detection,
  type Limit,
  type ManualEvidenceResolver,
  type Provider,
  type ProviderRuntime,
} from '../engine/collector.js';
export type { DataMap, DataOf } from '../engine/data-map.js';
export type { Segmentation } from '../engine/segments.js';
export { SkipError } from '../engine/errors.js';
export type { ManualEvidenceResult } from '../engine/result.js';
export {
  causeOf,
  describeCause,
  failureKind,
  notChecked,
  perScope,
  skipIfAllDenied,
  type ScopeResult,
} from '../engine/scope.js';
export type {
  CheckStatus,
  FailureCause,
  FailureKind,
  Finding,
  FindingStatus,
  ProviderId,
  Severity,
} from '../engine/types.js';
export { definePlugin, type Plugin } from '../registry/plugin.js';
// Type II populations: every event of a kind in the scan's period, with the items that break a control.
export {
  definePopulation,
  inPeriod,
  type AnyPopulation,
  type Deviation,
  type Period,
  type PopulationBuild,
  type PopulationContext,
  type PopulationDefinition,
  type PopulationItem,
} from '../engine/population.js';
// Joining another system's accounts with the HR roster (`hr.roster`), as the built-in offboarding and
// orphan checks do: a plugin with identities (an identity provider, a VPN) reuses the same verdicts.
export type { Person, Roster } from '../collectors/hr/data.js';
export type { Account, AccountSource, IdentitySystem, Unreadable } from '../../checks/hr/accounts.js';
export { offboardingFindings, orphanFindings } from '../../checks/hr/joins.js';
