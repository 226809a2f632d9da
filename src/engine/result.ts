import type { ControlType, CriterionRole, Frequency } from '../core/catalog.js';
import type { ScopeConfig } from '../core/config-types.js';
import type { OutOfScopeEntry } from './audit-scope.js';
import type { AllowList } from './exceptions.js';
import type { Category } from './criteria.js';
import type { Deviation, Period } from './population.js';
import type { RootCause } from './evaluate.js';
import type { CheckStatus, ControlStatus, Finding, ProviderId, Severity } from './types.js';

export interface AppliedException {
  reason: string;
  approved_by: string;
  approved_at: string;
  expires: string;
}

export interface FindingResult extends Finding {
  /** Present when a failing finding is covered by an active exception: shown, but not counted as failing. */
  exception?: AppliedException;
  /** With --baseline: whether this failing finding was already failing in the baseline report. */
  baseline?: BaselineState;
}

export type BaselineState = 'new' | 'unchanged';

export interface BaselineComparison {
  /** The baseline report.json it was compared with. */
  report: string;
  /** When the baseline's data was collected. */
  evaluatedAt: string;
  new: number;
  unchanged: number;
  /** Failing in the baseline, not failing now (passing, gone, or excepted). */
  fixed: BaselineFinding[];
  /**
   * Failing in the baseline, with no verdict now because their check could not read their scope: still
   * open as far as anyone knows (SARIF carries them forward so code scanning does not close them).
   */
  notRechecked: BaselineFinding[];
}

export interface BaselineFinding {
  check: string;
  resource: string;
  severity: Severity;
  message: string;
}

export interface CheckResult {
  id: string;
  title: string;
  provider: ProviderId;
  severity: Severity;
  description: string;
  risk: string;
  remediation: string;
  status: CheckStatus;
  /**
   * Why the check ended in error or skipped. A check with `error` findings (scopes not checked) is
   * `error` too, and keeps its pass and fail findings for the scopes that were read.
   */
  reason?: string;
  /** The data key whose failure or skip decided the status, and what it said. */
  rootCause?: RootCause;
  /**
   * At most FINDINGS_KEPT (500) of them: failing, excepted and unread ones first. `counts` are over
   * all of them; the CSV and OCSF reports list every one.
   */
  findings: FindingResult[];
  /** How many findings are counted but not listed here (a large organization). */
  omittedFindings?: number;
  /** `error`: scopes that could not be read, so were not checked. */
  counts: { pass: number; fail: number; excepted: number; error: number };
  controls: string[];
  criteria: string[];
  /** The data keys it evaluated; their redacted values are in evidence/data/<key>.json. */
  data: string[];
  options: Record<string, unknown>;
}

export type ManualEvidenceStatus = 'satisfied' | 'stale' | 'outstanding';

export interface ManualEvidenceResult {
  id: string;
  title: string;
  owner: string;
  frequency: Frequency;
  freshDays: number;
  status: ManualEvidenceStatus;
  collectedAt?: string;
  /** Relative to `folder`. */
  files?: string[];
  /** The company folder (config key) `files` are in: `policies` or `evidence`. */
  folder?: 'policies' | 'evidence';
  note?: string;
  /**
   * Every item of the evidence index for this request performed on or before the scan's as-of date
   * with all its files present, oldest first: a period report needs one per interval of the frequency.
   */
  occurrences?: EvidenceOccurrence[];
}

/** One performance of a manual control, as the evidence index records it. */
export interface EvidenceOccurrence {
  /** YYYY-MM-DD: when the activity was performed (the index's performed_at, else collected_at). */
  performedAt: string;
  performedBy?: string;
  /** Sign-off: who reviewed and approved the performance. */
  reviewedBy?: string;
  /** The period the activity covers (YYYY-MM-DD), e.g. the quarter of an access review. */
  covers?: { from: string; to: string };
  files: string[];
}

export interface ControlResult {
  id: string;
  title: string;
  description: string;
  type: ControlType;
  owner: string;
  frequency: Frequency;
  /** What the control acts on: the full set of items an auditor selects from. */
  population: string;
  /** What an auditor inspects, observes or re-performs. */
  testProcedure: string;
  criteria: string[];
  rationale: Record<string, string>;
  /** Per criterion: `tests` (a failing check fails it) or `supports` (the control operating is evidence for it). */
  roles: Record<string, CriterionRole>;
  status: ControlStatus;
  /** The status a criterion the control only supports sees: checks that ran count whatever they found. */
  operatingStatus: ControlStatus;
  checks: string[];
  evidence: ManualEvidenceResult[];
  source: { file: string; line: number };
}

export interface CriterionResult {
  id: string;
  category: Category;
  group: string;
  title: string;
  status: ControlStatus;
  controls: string[];
}

export type StatusCounts<S extends string> = Record<S, number>;

export interface ProviderResult {
  id: ProviderId;
  status: 'ok' | 'partial' | 'error' | 'skipped';
  reason?: string;
  stats?: Record<string, number | string>;
}

export interface ScanResult {
  schemaVersion: 1;
  tool: { name: string; version: string };
  organization: string;
  scan: {
    startedAt: string;
    finishedAt: string;
    /** The data's collection time; ages are measured against it. */
    evaluatedAt: string;
    mode: 'live' | 'snapshot' | 'demo';
    complete: boolean;
    /** `new`: only failing findings absent from the --baseline report make the exit code 1. */
    failOn: Severity | 'new';
    /** With --shard i/n: which slice of the accounts and repositories this scan covered. */
    shard?: { index: number; count: number };
    /** Set by `soc2 merge`: the shard outputs combined into this report. */
    mergedFrom?: string[];
    /** Set by `soc2 merge --partial`: the shards that were not given; the report is incomplete. */
    missingShards?: number[];
    selection: { providers: string[]; controls: string[]; criteria: string[]; checks: string[] };
  };
  summary: {
    readiness: number;
    exitCode: number;
    checks: StatusCounts<CheckStatus> & { total: number };
    controls: StatusCounts<ControlStatus> & { total: number };
    criteria: StatusCounts<ControlStatus> & { total: number };
    /** `error`: scopes not checked, across all checks. */
    findings: { pass: number; fail: number; excepted: number; error: number };
    manualEvidence: StatusCounts<ManualEvidenceStatus> & { total: number };
    categories: { id: Category; title: string; criteria: number; pass: number; readiness: number }[];
  };
  providers: ProviderResult[];
  criteria: CriterionResult[];
  controls: ControlResult[];
  checks: CheckResult[];
  exceptions: {
    applied: number;
    expired: { check: string; resource: string; expires: string; reason: string }[];
    /** Allow-list options from the config's `checks:`: exceptions without an approval record. */
    allowLists?: AllowList[];
  };
  /** The system under audit as the config's `scope:` declared it. */
  scope: {
    /** Whether the config has a `scope:`; without one, everything collected is in scope. */
    declared: boolean;
    /** In-scope Trust Services categories (security always). */
    categories: Category[];
    rules?: Omit<ScopeConfig, 'categories'>;
  };
  /** Left out of every verdict, each with the scope rule that left it out: never failed, never counted. */
  outOfScope: {
    criteria: { id: string; category: Category; rule: string }[];
    resources: OutOfScopeEntry[];
  };
  baseline?: BaselineComparison;
  /** With a period (`--period`, `period:`): the Type II populations collected for it. */
  populations?: PopulationSummary[];
  /** One per population item that breaks its control. */
  deviations?: Deviation[];
}

/** One population in report.json; its items are in `file` (JSON Lines, envelope first). */
export interface PopulationSummary {
  id: string;
  title: string;
  /** Trust Services Criteria it evidences. */
  controls: string[];
  source: Record<string, string | string[]>;
  period: Period;
  /** Items; 0 when it could not be built (see status). */
  size: number;
  /** SHA-256 of the file's bytes: what a sample records to prove which population it came from. */
  sha256: string;
  file: string;
  /** `ok` and complete: every scope in the source was read. */
  complete: boolean;
  status: 'ok' | 'error' | 'skipped';
  reason?: string;
  limitations?: string[];
}
