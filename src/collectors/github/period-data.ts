import type { PerRepo } from './data.js';

/**
 * Shapes of the GitHub keys a Type II period reads (docs/type2.md). Collected only when the scan has a
 * period (`config.period`); field names follow the REST responses they come from.
 */

/** A pull request merged into its repository's default branch during the period. */
export interface MergedPull {
  number: number;
  html_url: string;
  title: string;
  base: string;
  author: string | null;
  merged_by: string | null;
  merged_at: string;
  merge_commit_sha: string | null;
  /** The commit that was merged: branch protection's required checks are judged on it. */
  head_sha: string;
  /** Every review, in the order submitted. */
  reviews: { user: string | null; state: string; submitted_at: string | null; commit_id: string | null }[];
  /** Check runs (by name) and commit statuses (by context) reported on the head commit, with their result. */
  checks: { name: string; result: string }[];
}

export interface RepoMergedPulls {
  repo: string;
  default_branch: string;
  pulls: MergedPull[];
}

/** One org.add_member or org.remove_member event of GET /orgs/{org}/audit-log. */
export interface MembershipEvent {
  action: 'org.add_member' | 'org.remove_member';
  /** The member added or removed. */
  user: string | null;
  actor: string | null;
  at: string;
}

/** The organization audit log exists on GitHub Enterprise Cloud only: otherwise `available: false`. */
export type MembershipEvents =
  { available: true; events: MembershipEvent[] } | { available: false; reason: string };

/** A Dependabot, code scanning or secret scanning alert in any state, with when it was closed. */
export interface PeriodAlert {
  kind: 'dependabot' | 'code-scanning' | 'secret-scanning';
  repo: string;
  number: number;
  state: string;
  severity: string | null;
  title: string;
  html_url: string;
  created_at: string;
  /** fixed_at, dismissed_at, auto_dismissed_at or resolved_at; null while open. */
  closed_at: string | null;
}

declare module '../../engine/data-map.js' {
  interface DataMap {
    'github.mergedPulls': PerRepo<RepoMergedPulls>;
    'github.membershipEvents': MembershipEvents;
    'github.periodAlerts': PeriodAlert[];
  }
}
