import { describe, expect, it } from 'vitest';
import { describeCheck, runCheck } from '../../../test/harness/check-tester.js';
import { allRead, notRead } from '../../../test/builders/github.js';
import check from './check.js';

const fullProtection = {
  required_status_checks: { strict: true, contexts: ['ci/test'] },
  enforce_admins: { enabled: true },
  required_pull_request_reviews: { dismiss_stale_reviews: true, required_approving_review_count: 1 },
  allow_force_pushes: { enabled: false },
  allow_deletions: { enabled: false },
};
const entry = (extra: object) => ({
  repo: 'acme/api',
  branch: 'main',
  protection: null,
  rules: [],
  rulesets: [],
  ...extra,
});
const rule = (type: string, parameters?: object, ruleset_id = 7) => ({
  type,
  ...(parameters ? { parameters } : {}),
  ruleset_source_type: 'Organization',
  ruleset_source: 'acme',
  ruleset_id,
});
const fullRules = [
  rule('pull_request', { required_approving_review_count: 2, dismiss_stale_reviews_on_push: true }),
  rule('required_status_checks', {
    required_status_checks: [{ context: 'build' }],
    strict_required_status_checks_policy: true,
  }),
  rule('non_fast_forward'),
  rule('deletion'),
];
const ruleset = (bypass?: object[]) => ({
  id: 7,
  name: 'main guard',
  enforcement: 'active',
  ...(bypass ? { bypass_actors: bypass } : {}),
});

describeCheck(check, [
  {
    name: 'passes with full classic branch protection',
    data: { 'github.branchProtection': allRead([entry({ protection: fullProtection })]) },
    status: 'pass',
    passing: ['acme/api@main'],
  },
  {
    name: 'passes with only an organization ruleset and no bypass actors',
    data: { 'github.branchProtection': allRead([entry({ rules: fullRules, rulesets: [ruleset([])] })]) },
    status: 'pass',
  },
  {
    name: 'fails an unprotected branch',
    data: { 'github.branchProtection': allRead([entry({})]) },
    status: 'fail',
    failing: ['acme/api@main'],
    message: /no branch protection and no ruleset/,
  },
  {
    name: 'fails a ruleset that administrators can bypass',
    data: {
      'github.branchProtection': allRead([
        entry({
          rules: fullRules,
          rulesets: [ruleset([{ actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' }])],
        }),
      ]),
    },
    status: 'fail',
    message: /administrators included.*can be bypassed/,
  },
  {
    name: 'fails when the bypass list is not visible',
    data: { 'github.branchProtection': allRead([entry({ rules: fullRules, rulesets: [ruleset()] })]) },
    status: 'fail',
    message: /not visible/,
  },
  {
    name: 'fails classic protection without admins, stale dismissal or status checks',
    data: {
      'github.branchProtection': allRead([
        entry({
          protection: {
            ...fullProtection,
            enforce_admins: { enabled: false },
            required_status_checks: null,
            required_pull_request_reviews: {
              dismiss_stale_reviews: false,
              required_approving_review_count: 1,
            },
          },
        }),
      ]),
    },
    status: 'fail',
    message: /stale approvals dismissed.*required status checks.*administrators included/,
  },
  {
    name: 'fails a pull request rule with zero approvals',
    data: {
      'github.branchProtection': allRead([
        entry({
          protection: {
            ...fullProtection,
            required_pull_request_reviews: {
              dismiss_stale_reviews: true,
              required_approving_review_count: 0,
            },
          },
        }),
      ]),
    },
    status: 'fail',
    message: /at least 1 approving review/,
  },
  {
    name: 'combines classic protection and a ruleset',
    data: {
      'github.branchProtection': allRead([
        entry({
          protection: {
            ...fullProtection,
            required_status_checks: null,
            allow_force_pushes: { enabled: true },
          },
          rules: [
            rule('required_status_checks', { required_status_checks: [{ context: 'build' }] }),
            rule('non_fast_forward'),
          ],
          rulesets: [ruleset([])],
        }),
      ]),
    },
    status: 'pass',
  },
  {
    name: 'options can relax requirements',
    data: {
      'github.branchProtection': allRead([
        entry({
          protection: { ...fullProtection, required_status_checks: null, enforce_admins: { enabled: false } },
        }),
      ]),
    },
    options: { requireStatusChecks: false, requireAdminsIncluded: false },
    status: 'pass',
  },
  {
    name: 'honors minApprovals',
    data: { 'github.branchProtection': allRead([entry({ protection: fullProtection })]) },
    options: { minApprovals: 2 },
    status: 'fail',
  },
  {
    name: 'an empty repository passes',
    data: { 'github.branchProtection': allRead([entry({ branchMissing: true })]) },
    status: 'pass',
  },
  {
    name: 'says when the plan does not offer protection',
    data: {
      'github.branchProtection': allRead([
        entry({
          protectionUnavailable:
            'Upgrade to GitHub Pro or make this repository public to enable this feature.',
        }),
      ]),
    },
    status: 'fail',
    message: /Upgrade to GitHub Pro/,
  },
  {
    name: 'a repository that could not be read is not checked; the others are evaluated as usual',
    data: {
      'github.branchProtection': [
        ...allRead([entry({ protection: fullProtection }), entry({ repo: 'acme/web' })]),
        notRead('acme/ops'),
      ],
    },
    status: 'error',
    passing: ['acme/api@main'],
    failing: ['acme/web@main'],
    notChecked: ['acme/ops'],
  },
  {
    name: 'no active repositories passes on scope',
    data: { 'github.branchProtection': [] },
    status: 'pass',
    passing: ['repositories'],
  },
]);

describe('github.branch-protection findings', () => {
  it('lists every requirement with what satisfies it', () => {
    const result = runCheck(check, {
      'github.branchProtection': allRead([entry({ rules: fullRules, rulesets: [ruleset([])] })]),
    });
    const reqs = result.findings[0]!.details!.requirements as { name: string; met: boolean; via: string[] }[];
    expect(reqs.map((r) => r.name)).toHaveLength(6);
    expect(reqs.every((r) => r.met && r.via.includes("ruleset 'main guard'"))).toBe(true);
  });
});
