import type { FakeOrg } from './server.js';

/**
 * A small organization with a known Type II period (2026-07-01..2026-09-30, scanned 2026-10-15): which
 * pull requests, membership events and alerts fall in it, and which break their control, is stated.
 */
export const PERIOD = { from: '2026-07-01', to: '2026-09-30' };
export const NOW = '2026-10-15T09:00:00.000Z';

const protection = {
  required_status_checks: {
    strict: true,
    contexts: ['ci/test'],
    checks: [{ context: 'ci/test', app_id: 15368 }],
  },
  required_pull_request_reviews: { required_approving_review_count: 1 },
};

export const org: FakeOrg = {
  login: 'acme',
  id: 4242,
  name: 'Acme',
  settings: { two_factor_requirement_enabled: true, default_repository_permission: 'read' },
  members: [
    { login: 'ana', id: 1, role: 'admin', twoFactor: true },
    { login: 'bo', id: 2, role: 'member', twoFactor: true },
    { login: 'cy', id: 3, role: 'member', twoFactor: true },
    // Terminated 2026-08-31 and never removed.
    { login: 'dee', id: 4, role: 'member', twoFactor: true },
  ],
  outsideCollaborators: [],
  workflowPermissions: 'read',
  repos: [
    {
      name: 'api',
      visibility: 'private',
      protection,
      pulls: [
        // Approved by someone else, required check passed: no deviation.
        pull(11, 'ana', '2026-07-10T12:00:00Z', [{ user: 'bo', state: 'APPROVED' }], 'success'),
        // Approved only by its author.
        pull(12, 'bo', '2026-08-02T12:00:00Z', [{ user: 'bo', state: 'APPROVED' }], 'success'),
        // No approval at all, and the required check failed.
        pull(13, 'cy', '2026-09-20T12:00:00Z', [{ user: 'ana', state: 'COMMENTED' }], 'failure'),
        // An approval withdrawn by a later request for changes.
        pull(14, 'ana', '2026-09-21T12:00:00Z', [
          { user: 'cy', state: 'APPROVED' },
          { user: 'cy', state: 'CHANGES_REQUESTED' },
        ]),
        // Merged before and after the period, and one closed without merging: outside the population.
        pull(10, 'ana', '2026-06-20T12:00:00Z', [{ user: 'bo', state: 'APPROVED' }], 'success'),
        pull(15, 'ana', '2026-10-05T12:00:00Z', [{ user: 'bo', state: 'APPROVED' }], 'success'),
        { ...pull(16, 'bo', null, []), updated_at: '2026-08-01T00:00:00Z' },
      ],
    },
    { name: 'web', visibility: 'private', protection, pulls: [] },
  ],
  auditLog: [
    { action: 'org.add_member', actor: 'ana', user: 'cy', at: '2026-07-06T09:00:00Z' },
    // eve left on 2026-08-01 and lost GitHub access 10 days later (deadline: 1 day).
    { action: 'org.remove_member', actor: 'ana', user: 'eve', at: '2026-08-11T15:00:00Z' },
    // fay left on 2026-09-01 and lost access the same day.
    { action: 'org.remove_member', actor: 'ana', user: 'fay', at: '2026-09-01T17:00:00Z' },
  ],
  dependabotAlerts: [
    // critical, SLA 30 days: fixed after 45 days.
    alert(1, 'fixed', 'critical', '2026-07-01T00:00:00Z', { fixed_at: '2026-08-15T00:00:00Z' }),
    // high, fixed in 10 days.
    alert(2, 'fixed', 'high', '2026-08-01T00:00:00Z', { fixed_at: '2026-08-11T00:00:00Z' }),
    // fixed before the period: outside it.
    alert(3, 'fixed', 'critical', '2026-03-01T00:00:00Z', { fixed_at: '2026-03-05T00:00:00Z' }),
    // low is outside the SLA's severities: listed, never a deviation.
    alert(4, 'open', 'low', '2026-07-02T00:00:00Z', {}),
  ],
  secretScanningAlerts: [],
  codeScanningAlerts: [],
};

function pull(
  number: number,
  author: string,
  mergedAt: string | null,
  reviews: { user: string; state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' }[],
  check?: 'success' | 'failure',
) {
  const updated = mergedAt ?? '2026-08-01T00:00:00Z';
  return {
    number,
    title: `Change ${number}`,
    author,
    state: 'closed' as const,
    created_at: '2026-06-01T00:00:00Z',
    updated_at: updated,
    merged_at: mergedAt,
    merged_by: mergedAt ? author : null,
    head_sha: `${number}`.padEnd(40, 'a'),
    reviews: reviews.map((r, i) => ({ ...r, submitted_at: `2026-06-0${i + 2}T00:00:00Z` })),
    ...(check ? { checkRuns: [{ name: 'ci/test', conclusion: check }] } : {}),
  };
}

function alert(
  number: number,
  state: string,
  severity: string,
  created: string,
  closed: Record<string, string>,
) {
  return {
    number,
    state,
    created_at: created,
    html_url: `https://github.com/acme/api/security/dependabot/${number}`,
    repository: { full_name: 'acme/api' },
    security_advisory: { ghsa_id: `GHSA-${number}`, summary: `advisory ${number}`, severity },
    security_vulnerability: { severity },
    fixed_at: null,
    dismissed_at: null,
    auto_dismissed_at: null,
    ...closed,
  };
}

export const ROSTER = [
  'email,name,status,start_date,end_date,github,security_training_date',
  'ana@acme.test,Ana,active,2024-01-01,,ana,2026-01-10',
  'bo@acme.test,Bo,active,2025-01-01,,bo,2026-01-10',
  'cy@acme.test,Cy,active,2026-07-06,,cy,2026-09-20',
  'dee@acme.test,Dee,terminated,2024-01-01,2026-08-31,dee,2026-01-10',
  'eve@acme.test,Eve,terminated,2024-01-01,2026-08-01,eve,2026-01-10',
  'fay@acme.test,Fay,terminated,2024-01-01,2026-09-01,fay,2026-01-10',
].join('\n');
