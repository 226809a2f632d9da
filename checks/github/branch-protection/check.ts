import type { BranchProtectionEntry, BranchRule } from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import { perScope } from '../../../src/engine/scope.js';
import type { Finding } from '../../../src/engine/types.js';
import { passOn } from '../shared.js';

interface Options {
  minApprovals: number;
  requireStaleReviewDismissal: boolean;
  requireStatusChecks: boolean;
  requireAdminsIncluded: boolean;
}

interface Requirement {
  name: string;
  met: boolean;
  /** Which mechanism satisfies it: "branch protection" or "ruleset 'name'". */
  via: string[];
  note?: string;
}

const ruleOf = (rules: readonly BranchRule[], type: string) => rules.filter((r) => r.type === type);
const num = (value: unknown) => (typeof value === 'number' ? value : 0);

function rulesetName(entry: BranchProtectionEntry, rule: BranchRule): string {
  const set = entry.rulesets.find((s) => s.id === rule.ruleset_id);
  return `ruleset '${set?.name ?? rule.ruleset_id ?? 'unknown'}'`;
}

/** Every requirement, each satisfied by classic branch protection or by any active ruleset rule. */
export function requirements(entry: BranchProtectionEntry, options: Options): Requirement[] {
  const p = entry.protection;
  const rules = entry.rules;
  const reviews = p?.required_pull_request_reviews;
  const prRules = ruleOf(rules, 'pull_request');
  const out: Requirement[] = [];
  const add = (name: string, classic: boolean, matching: BranchRule[], note?: string) => {
    const via = [
      ...(classic ? ['branch protection'] : []),
      ...new Set(matching.map((r) => rulesetName(entry, r))),
    ];
    out.push({ name, met: via.length > 0, via, ...(note ? { note } : {}) });
  };

  add(
    `pull request with at least ${options.minApprovals} approving review(s)`,
    Boolean(reviews) && num(reviews?.required_approving_review_count) >= options.minApprovals,
    prRules.filter((r) => num(r.parameters?.required_approving_review_count) >= options.minApprovals),
  );
  if (options.requireStaleReviewDismissal) {
    add(
      'stale approvals dismissed on new pushes',
      Boolean(reviews?.dismiss_stale_reviews),
      prRules.filter((r) => r.parameters?.dismiss_stale_reviews_on_push === true),
    );
  }
  if (options.requireStatusChecks) {
    const classicChecks = p?.required_status_checks;
    add(
      'required status checks',
      Boolean(classicChecks) &&
        ((classicChecks?.contexts?.length ?? 0) > 0 || (classicChecks?.checks?.length ?? 0) > 0),
      ruleOf(rules, 'required_status_checks').filter(
        (r) =>
          Array.isArray(r.parameters?.required_status_checks) &&
          r.parameters.required_status_checks.length > 0,
      ),
    );
  }
  add(
    'force pushes blocked',
    Boolean(p) && p?.allow_force_pushes?.enabled !== true,
    ruleOf(rules, 'non_fast_forward'),
  );
  add('deletion blocked', Boolean(p) && p?.allow_deletions?.enabled !== true, ruleOf(rules, 'deletion'));
  if (options.requireAdminsIncluded) {
    const contributing = entry.rulesets.filter((s) => rules.some((r) => r.ruleset_id === s.id));
    const hidden = contributing.filter((s) => s.bypass_actors === undefined);
    const bypassed = contributing.filter((s) => (s.bypass_actors?.length ?? 0) > 0);
    const rulesetsBind = contributing.length > 0 && hidden.length === 0 && bypassed.length === 0;
    const via = [
      ...(p?.enforce_admins?.enabled ? ['branch protection'] : []),
      ...(rulesetsBind ? contributing.map((s) => `ruleset '${s.name}'`) : []),
    ];
    const note =
      hidden.length > 0
        ? `bypass list of ${hidden.map((s) => `'${s.name}'`).join(', ')} not visible to the token`
        : bypassed.length > 0
          ? `${bypassed.map((s) => `'${s.name}'`).join(', ')} can be bypassed`
          : undefined;
    out.push({
      name: 'administrators included (no bypass)',
      met: via.length > 0,
      via,
      ...(note ? { note } : {}),
    });
  }
  return out;
}

export default defineCheck({
  id: 'github.branch-protection',
  title: 'Default branches are protected (branch protection or rulesets)',
  provider: 'github',
  severity: 'high',
  description:
    'For each active (non-archived) repository, the default branch requires a pull request with approving reviews, dismisses stale approvals, requires status checks, blocks force pushes and deletion, and binds administrators. Classic branch protection and active repository or organization rulesets both count.',
  risk: 'Without these rules one person can change production code without review or passing tests, or rewrite and delete its history: the change-management control (CC8.1) has no teeth.',
  remediation:
    'Create an organization ruleset targeting the default branch of all repositories (Settings > Rules > Rulesets) with "Require a pull request before merging" (1+ approvals, dismiss stale approvals), "Require status checks to pass", "Block force pushes" and "Restrict deletions", and an empty bypass list. Or enable the equivalent classic branch protection with "Do not allow bypassing the above settings".',
  requires: ['github.branchProtection'],
  options: {
    schema: {
      minApprovals: { type: 'integer', minimum: 1 },
      requireStaleReviewDismissal: { type: 'boolean' },
      requireStatusChecks: { type: 'boolean' },
      requireAdminsIncluded: { type: 'boolean' },
    },
    defaults: {
      minApprovals: 1,
      requireStaleReviewDismissal: true,
      requireStatusChecks: true,
      requireAdminsIncluded: true,
    },
  },
  evaluate({ 'github.branchProtection': entries }, options) {
    if (entries.length === 0) return [passOn('repositories', 'no active repositories')];
    return perScope(entries, 'branch protection', (entry) => [evaluateBranch(entry, options)]);
  },
});

function evaluateBranch(entry: BranchProtectionEntry, options: Options): Finding {
  const resource = `${entry.repo}@${entry.branch}`;
  if (entry.branchMissing)
    return passOn(resource, `${entry.branch} does not exist yet (empty repository): nothing to protect`);
  const reqs = requirements(entry, options);
  const missing = reqs.filter((r) => !r.met);
  const details = {
    branch: entry.branch,
    requirements: reqs,
    classicProtection: entry.protection !== null,
    ...(entry.protectionUnavailable ? { protectionUnavailable: entry.protectionUnavailable } : {}),
    rulesets: entry.rulesets.map((s) => s.name),
  };
  if (missing.length === 0) {
    const via = [...new Set(reqs.flatMap((r) => r.via))].join(' + ');
    return { resource, status: 'pass', message: `${entry.branch} is protected by ${via}`, details };
  }
  const unprotected = entry.protection === null && entry.rules.length === 0;
  const why = missing.map((r) => (r.note ? `${r.name} (${r.note})` : r.name)).join('; ');
  return {
    resource,
    status: 'fail',
    message: unprotected
      ? `${entry.branch} has no branch protection and no ruleset${entry.protectionUnavailable ? ` (${entry.protectionUnavailable})` : ''}`
      : `${entry.branch} is missing: ${why}`,
    details,
  };
}
