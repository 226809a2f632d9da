import type { FakeOrg, FakeRepo } from './server.js';

/**
 * The demo company's GitHub organization as the fake API serves it. The demo snapshot
 * (demo/snapshot/github.json) is recorded from this fixture by scripts/record-github-demo.ts, and the
 * end-to-end tests scan it, so the demo shows exactly what the collectors produce.
 */
export const DEMO_COLLECTED_AT = '2026-11-02T09:00:00.000Z';
const at = new Date(DEMO_COLLECTED_AT).getTime();
export const daysBefore = (days: number) =>
  new Date(at - days * 86_400_000).toISOString().replace('.000Z', 'Z');

const enabled = { status: 'enabled' } as const;
const disabled = { status: 'disabled' } as const;
const allSecurity = {
  advanced_security: enabled,
  dependabot_security_updates: enabled,
  secret_scanning: enabled,
  secret_scanning_push_protection: enabled,
};

const fullProtection = {
  required_status_checks: {
    strict: true,
    contexts: ['ci/build', 'ci/test'],
    checks: [
      { context: 'ci/build', app_id: 15368 },
      { context: 'ci/test', app_id: 15368 },
    ],
  },
  enforce_admins: { enabled: true },
  required_pull_request_reviews: {
    dismiss_stale_reviews: true,
    require_code_owner_reviews: true,
    required_approving_review_count: 1,
    require_last_push_approval: false,
  },
  restrictions: null,
  required_linear_history: { enabled: true },
  allow_force_pushes: { enabled: false },
  allow_deletions: { enabled: false },
  block_creations: { enabled: false },
  required_conversation_resolution: { enabled: true },
  lock_branch: { enabled: false },
  allow_fork_syncing: { enabled: false },
  required_signatures: { enabled: false },
};

const ruleFrom =
  (source: 'Repository' | 'Organization', sourceName: string, id: number) =>
  (type: string, parameters?: Record<string, unknown>) => ({
    type,
    ...(parameters ? { parameters } : {}),
    ruleset_source_type: source,
    ruleset_source: sourceName,
    ruleset_id: id,
  });

const baseline = ruleFrom('Organization', 'lumen-ledger', 4101);
const webRule = ruleFrom('Repository', 'lumen-ledger/ledger-web', 5230);

const people = {
  'alice-ng': 1001,
  'carla-d': 1002,
  'dmitri-v': 1003,
  bnokafor: 1004,
  'elena-r': 1005,
  'farah-k': 1006,
  'gus-o': 1007,
  'hana-m': 1008,
  'ivan-p': 1009,
  'jules-t': 1010,
  'kofi-a': 1011,
  'lena-s': 1012,
  'marco-b': 1013,
  'nina-w': 1014,
  'omar-h': 1015,
};
const owners = new Set(['alice-ng', 'carla-d', 'dmitri-v']);
const collab = (login: keyof typeof people, role_name: string) => ({ login, id: people[login], role_name });
const team = [
  collab('alice-ng', 'admin'),
  collab('carla-d', 'admin'),
  collab('dmitri-v', 'admin'),
  collab('elena-r', 'write'),
  collab('farah-k', 'write'),
];

const repos: FakeRepo[] = [
  {
    name: 'ledger-api',
    visibility: 'private',
    security_and_analysis: allSecurity,
    protection: fullProtection,
    collaborators: [
      ...team,
      collab('bnokafor', 'write'),
      { login: 'pentest-northbeam', id: 2002, role_name: 'read' },
    ],
    keys: [
      {
        id: 71001,
        title: 'argo-cd (read)',
        read_only: true,
        created_at: daysBefore(300),
        last_used: daysBefore(1),
      },
    ],
    hooks: [
      {
        id: 480001,
        active: true,
        events: ['push', 'pull_request'],
        config: {
          url: 'https://ci.lumenledger.example/github',
          content_type: 'json',
          insecure_ssl: '0',
          secret: '********',
        },
      },
    ],
    files: ['.github/CODEOWNERS'],
    vulnerabilityAlerts: true,
    codeScanning: { defaultSetup: 'configured', analyses: 20 },
  },
  {
    name: 'ledger-web',
    visibility: 'private',
    security_and_analysis: allSecurity,
    rules: [
      webRule('pull_request', {
        required_approving_review_count: 1,
        dismiss_stale_reviews_on_push: true,
        require_code_owner_review: false,
        require_last_push_approval: false,
        required_review_thread_resolution: false,
      }),
      webRule('required_status_checks', {
        required_status_checks: [{ context: 'build' }, { context: 'e2e' }],
        strict_required_status_checks_policy: false,
      }),
      webRule('non_fast_forward'),
      webRule('deletion'),
    ],
    rulesets: {
      5230: {
        id: 5230,
        name: 'protect-main',
        target: 'branch',
        source_type: 'Repository',
        source: 'lumen-ledger/ledger-web',
        enforcement: 'active',
        bypass_actors: [],
      },
    },
    collaborators: [
      ...team,
      collab('gus-o', 'write'),
      { login: 'northwind-dev', id: 2001, role_name: 'write' },
    ],
    hooks: [
      {
        id: 480002,
        active: true,
        events: ['deployment_status'],
        config: {
          url: 'https://hooks.slack.com/services/T000/B000/XXXXXXXX',
          content_type: 'json',
          insecure_ssl: '0',
          secret: '********',
        },
      },
    ],
    files: ['CODEOWNERS'],
    vulnerabilityAlerts: true,
    codeScanning: { defaultSetup: 'configured', analyses: 14 },
  },
  {
    name: 'payments-service',
    visibility: 'private',
    security_and_analysis: allSecurity,
    protection: { ...fullProtection, required_status_checks: null, enforce_admins: { enabled: false } },
    rules: [
      baseline('required_status_checks', {
        required_status_checks: [{ context: 'ci/test', integration_id: 15368 }],
        strict_required_status_checks_policy: true,
      }),
      baseline('non_fast_forward'),
      baseline('deletion'),
    ],
    collaborators: [...team, collab('hana-m', 'maintain')],
    files: ['.github/CODEOWNERS'],
    vulnerabilityAlerts: true,
    codeScanning: { defaultSetup: 'configured', analyses: 31 },
  },
  {
    name: 'mobile-app',
    visibility: 'private',
    security_and_analysis: allSecurity,
    protection: {
      ...fullProtection,
      required_status_checks: null,
      required_pull_request_reviews: {
        dismiss_stale_reviews: false,
        require_code_owner_reviews: false,
        required_approving_review_count: 1,
        require_last_push_approval: false,
      },
    },
    rules: [baseline('non_fast_forward'), baseline('deletion')],
    collaborators: [...team, collab('ivan-p', 'write'), collab('jules-t', 'write')],
    files: ['docs/CODEOWNERS'],
    workflowPermissions: 'write',
    vulnerabilityAlerts: true,
    codeScanning: { defaultSetup: 'not-configured', analyses: 6 },
  },
  {
    name: 'infra-terraform',
    visibility: 'private',
    security_and_analysis: allSecurity,
    protection: fullProtection,
    collaborators: team,
    keys: [
      {
        id: 71002,
        title: 'terraform-cloud-apply',
        read_only: false,
        created_at: daysBefore(610),
        last_used: daysBefore(2),
      },
    ],
    files: ['.github/CODEOWNERS'],
    vulnerabilityAlerts: true,
    codeScanning: { defaultSetup: 'configured', analyses: 9 },
  },
  {
    name: 'data-pipeline',
    visibility: 'private',
    security_and_analysis: { ...allSecurity, secret_scanning_push_protection: disabled },
    rules: [baseline('non_fast_forward'), baseline('deletion')],
    collaborators: [...team, collab('kofi-a', 'write'), collab('lena-s', 'write')],
    files: [],
    vulnerabilityAlerts: true,
    codeScanning: { defaultSetup: 'not-configured', analyses: 0 },
  },
  {
    name: 'internal-tools',
    visibility: 'private',
    security_and_analysis: allSecurity,
    protection: fullProtection,
    collaborators: [...team, collab('marco-b', 'write')],
    hooks: [
      {
        id: 480003,
        active: true,
        events: ['push'],
        config: {
          url: 'http://jenkins.lumenledger.example:8080/github-webhook/',
          content_type: 'form',
          insecure_ssl: '0',
        },
      },
      {
        id: 480004,
        active: true,
        events: ['issues'],
        config: {
          url: 'https://tracker.lumenledger.example/hooks/github',
          content_type: 'json',
          insecure_ssl: '1',
          secret: '********',
        },
      },
    ],
    files: ['.github/CODEOWNERS'],
    vulnerabilityAlerts: true,
    codeScanning: { defaultSetup: 'configured', analyses: 4 },
  },
  {
    name: 'docs',
    visibility: 'public',
    security_and_analysis: { ...allSecurity, advanced_security: undefined as never },
    protection: fullProtection,
    collaborators: [...team, collab('nina-w', 'write')],
    files: ['CODEOWNERS'],
    vulnerabilityAlerts: true,
    codeScanning: { defaultSetup: 'configured', analyses: 12 },
  },
  {
    name: 'sdk-js',
    visibility: 'private',
    security_and_analysis: allSecurity,
    protection: fullProtection,
    collaborators: [...team, collab('omar-h', 'write')],
    files: ['.github/CODEOWNERS'],
    vulnerabilityAlerts: true,
    codeScanning: { defaultSetup: 'configured', analyses: 8 },
  },
  {
    name: 'ml-risk-models',
    visibility: 'private',
    security_and_analysis: {
      advanced_security: disabled,
      dependabot_security_updates: disabled,
      secret_scanning: disabled,
      secret_scanning_push_protection: disabled,
    },
    protection: fullProtection,
    collaborators: [...team, collab('farah-k', 'admin')],
    files: [],
    vulnerabilityAlerts: false,
    codeScanning: 'unavailable',
  },
  {
    name: 'legacy-monolith',
    visibility: 'private',
    archived: true,
    pushed_at: daysBefore(700),
    security_and_analysis: allSecurity,
  },
  {
    name: 'marketing-site-2023',
    visibility: 'private',
    archived: true,
    pushed_at: daysBefore(560),
    security_and_analysis: allSecurity,
  },
];

const dependabot = (
  number: number,
  repo: string,
  pkg: string,
  ecosystem: string,
  severity: string,
  createdDaysAgo: number,
  ghsa: string,
  cve: string | null,
  summary: string,
) => ({
  number,
  state: 'open',
  dependency: {
    package: { ecosystem, name: pkg },
    manifest_path: ecosystem === 'npm' ? 'package-lock.json' : 'requirements.txt',
    scope: 'runtime',
  },
  security_advisory: {
    ghsa_id: ghsa,
    cve_id: cve,
    summary,
    severity,
    identifiers: [{ type: 'GHSA', value: ghsa }],
  },
  security_vulnerability: {
    package: { ecosystem, name: pkg },
    severity,
    vulnerable_version_range: '< 9.9.9',
  },
  url: `https://api.github.com/repos/lumen-ledger/${repo}/dependabot/alerts/${number}`,
  html_url: `https://github.com/lumen-ledger/${repo}/security/dependabot/${number}`,
  created_at: daysBefore(createdDaysAgo),
  updated_at: daysBefore(1),
  dismissed_at: null,
  fixed_at: null,
  repository: { id: 9000, name: repo, full_name: `lumen-ledger/${repo}`, private: true },
});

export const lumenLedger: FakeOrg = {
  login: 'lumen-ledger',
  id: 88001234,
  name: 'Lumen Ledger, Inc.',
  settings: {
    two_factor_requirement_enabled: false,
    default_repository_permission: 'read',
    members_can_create_repositories: true,
    members_can_create_public_repositories: false,
    members_can_create_private_repositories: true,
    members_can_create_internal_repositories: false,
    members_can_fork_private_repositories: false,
    web_commit_signoff_required: false,
    plan: { name: 'team', space: 976562499, private_repos: 999999, filled_seats: 15, seats: 20 },
  },
  members: Object.entries(people).map(([login, id]) => ({
    login,
    id,
    role: owners.has(login) ? 'admin' : 'member',
    twoFactor: login !== 'gus-o',
  })),
  outsideCollaborators: [
    { login: 'northwind-dev', id: 2001 },
    { login: 'pentest-northbeam', id: 2002 },
  ],
  repos,
  rulesets: {
    4101: {
      id: 4101,
      name: 'default-branch-baseline',
      target: 'branch',
      source_type: 'Organization',
      source: 'lumen-ledger',
      enforcement: 'active',
      conditions: {
        ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] },
        repository_name: { include: ['~ALL'], exclude: [] },
      },
      bypass_actors: [{ actor_id: 1, actor_type: 'OrganizationAdmin', bypass_mode: 'always' }],
    },
  },
  workflowPermissions: 'read',
  hooks: [
    {
      id: 390001,
      active: true,
      events: ['*'],
      config: {
        url: 'https://siem.lumenledger.example/ingest/github?source=org',
        content_type: 'json',
        insecure_ssl: '0',
        secret: '********',
      },
    },
  ],
  dependabotAlerts: [
    dependabot(
      14,
      'payments-service',
      'jsonwebtoken',
      'npm',
      'critical',
      74,
      'GHSA-8cf7-32gw-wr33',
      'CVE-2022-23529',
      'jsonwebtoken unrestricted key type could lead to legacy keys usage',
    ),
    dependabot(
      22,
      'ledger-web',
      'next',
      'npm',
      'high',
      12,
      'GHSA-f82v-jwr5-mffw',
      'CVE-2025-29927',
      'Authorization Bypass in Next.js Middleware',
    ),
    dependabot(
      9,
      'data-pipeline',
      'urllib3',
      'pip',
      'medium',
      140,
      'GHSA-34jh-p97f-mpxf',
      'CVE-2024-37891',
      'urllib3 Proxy-Authorization request header is not stripped during cross-origin redirects',
    ),
  ],
  secretScanningAlerts: [
    {
      number: 3,
      state: 'open',
      created_at: daysBefore(3),
      updated_at: daysBefore(3),
      url: 'https://api.github.com/repos/lumen-ledger/internal-tools/secret-scanning/alerts/3',
      html_url: 'https://github.com/lumen-ledger/internal-tools/security/secret-scanning/3',
      secret_type: 'slack_incoming_webhook_url',
      secret_type_display_name: 'Slack Incoming Webhook URL',
      secret: 'https://hooks.slack.com/services/T0FAKE/B0FAKE/notARealSecretValue123',
      validity: 'active',
      push_protection_bypassed: false,
      repository: {
        id: 9006,
        name: 'internal-tools',
        full_name: 'lumen-ledger/internal-tools',
        private: true,
      },
    },
  ],
  codeScanningAlerts: [
    {
      number: 41,
      state: 'open',
      created_at: daysBefore(9),
      updated_at: daysBefore(9),
      url: 'https://api.github.com/repos/lumen-ledger/ledger-web/code-scanning/alerts/41',
      html_url: 'https://github.com/lumen-ledger/ledger-web/security/code-scanning/41',
      rule: {
        id: 'js/xss-through-dom',
        severity: 'warning',
        security_severity_level: 'high',
        description: 'DOM text reinterpreted as HTML',
      },
      tool: { name: 'CodeQL', version: '2.19.3' },
      repository: { id: 9001, name: 'ledger-web', full_name: 'lumen-ledger/ledger-web', private: true },
    },
    {
      number: 17,
      state: 'open',
      created_at: daysBefore(55),
      updated_at: daysBefore(20),
      url: 'https://api.github.com/repos/lumen-ledger/ledger-api/code-scanning/alerts/17',
      html_url: 'https://github.com/lumen-ledger/ledger-api/security/code-scanning/17',
      rule: {
        id: 'js/missing-rate-limiting',
        severity: 'warning',
        security_severity_level: 'medium',
        description: 'Missing rate limiting',
      },
      tool: { name: 'CodeQL', version: '2.19.3' },
      repository: { id: 9000, name: 'ledger-api', full_name: 'lumen-ledger/ledger-api', private: true },
    },
  ],
};
