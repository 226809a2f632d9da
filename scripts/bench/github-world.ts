import type { FakeOrg, FakeRepo } from '../../test/fakes/github/server.js';

/** The synthetic GitHub organization: 1,000 repositories and 2,000 members at scale 1. */
export interface GithubSizes {
  repos: number;
  members: number;
  owners: number;
  membersWithout2fa: number;
  outsideCollaborators: number;
  orgWebhooks: number;
  dependabotAlerts: number;
  secretScanningAlerts: number;
  codeScanningAlerts: number;
}

export function githubSizes(scale: number): GithubSizes {
  const n = (full: number) => Math.max(1, Math.round(full * scale));
  return {
    repos: n(1000),
    members: n(2000),
    owners: n(20),
    membersWithout2fa: n(40),
    outsideCollaborators: n(50),
    orgWebhooks: 5,
    dependabotAlerts: n(500),
    secretScanningAlerts: n(50),
    codeScanningAlerts: n(200),
  };
}

const ORG = 'bench-org';
const ORG_RULESET = 4101;
const iso = (daysAgo: number) =>
  new Date(Date.UTC(2026, 10, 2) - daysAgo * 86_400_000).toISOString().replace('.000Z', 'Z');

const protection = {
  required_status_checks: { strict: true, contexts: ['ci'], checks: [{ context: 'ci', app_id: 15368 }] },
  enforce_admins: { enabled: true },
  required_pull_request_reviews: {
    dismiss_stale_reviews: true,
    require_code_owner_reviews: true,
    required_approving_review_count: 1,
    require_last_push_approval: false,
  },
  required_linear_history: { enabled: false },
  allow_force_pushes: { enabled: false },
  allow_deletions: { enabled: false },
  required_signatures: { enabled: false },
};

/** Where repository i keeps CODEOWNERS: half in .github/, a fifth at the root, the rest nowhere. */
export const codeownersPathOf = (i: number): string | undefined =>
  i % 10 < 5 ? '.github/CODEOWNERS' : i % 10 < 7 ? 'CODEOWNERS' : undefined;
/** Code scanning of repository i: configured, not configured (with or without analyses), or unavailable. */
export const codeScanningOf = (i: number): FakeRepo['codeScanning'] =>
  i % 10 < 5
    ? { defaultSetup: 'configured', analyses: 1 }
    : i % 10 < 8
      ? { defaultSetup: 'not-configured', analyses: i % 2 }
      : 'unavailable';
export const isArchived = (i: number) => i % 20 === 19;
export const hasClassicProtection = (i: number) => i % 5 < 3;

function repo(i: number, members: number): FakeRepo {
  const name = `repo-${String(i).padStart(4, '0')}`;
  const path = codeownersPathOf(i);
  return {
    name,
    visibility: i % 25 === 0 ? 'public' : 'private',
    archived: isArchived(i),
    created_at: iso(1000 - (i % 900)),
    pushed_at: iso(i % 400),
    security_and_analysis: {
      // GitHub offers code scanning on a private repository only with Advanced Security on.
      advanced_security: { status: codeScanningOf(i) === 'unavailable' ? 'disabled' : 'enabled' },
      secret_scanning: { status: i % 4 ? 'enabled' : 'disabled' },
      secret_scanning_push_protection: { status: i % 5 ? 'enabled' : 'disabled' },
      dependabot_security_updates: { status: i % 2 ? 'enabled' : 'disabled' },
    },
    ...(hasClassicProtection(i) ? { protection } : {}),
    rules: [
      {
        type: 'pull_request',
        parameters: { required_approving_review_count: 1 },
        ruleset_source_type: 'Organization',
        ruleset_source: ORG,
        ruleset_id: ORG_RULESET,
      },
    ],
    collaborators: [0, 1, 2].map((k) => {
      const m = (i * 3 + k) % members;
      return { login: `member-${m}`, id: 100000 + m, role_name: k === 0 ? 'admin' : 'write' };
    }),
    keys:
      i % 10 === 0
        ? [
            {
              id: 70000 + i,
              title: 'deploy',
              read_only: i % 20 !== 0,
              created_at: iso(400),
              last_used: iso(3),
            },
          ]
        : [],
    hooks:
      i % 5 === 0
        ? [
            {
              id: 80000 + i,
              active: true,
              events: ['push'],
              config: {
                url: `https://ci.example/hook/${i}`,
                content_type: 'json',
                insecure_ssl: '0',
                secret: '********',
              },
            },
          ]
        : [],
    files: path ? [path] : [],
    workflowPermissions: i % 7 === 0 ? 'write' : 'read',
    vulnerabilityAlerts: i % 10 < 7,
    codeScanning: codeScanningOf(i),
  };
}

function repository(i: number) {
  const name = `repo-${String(i).padStart(4, '0')}`;
  return { id: 9000 + i, name, full_name: `${ORG}/${name}`, private: true };
}

export function githubOrg(sizes: GithubSizes): FakeOrg {
  const repos = Array.from({ length: sizes.repos }, (_, i) => repo(i, sizes.members));
  const severities = ['critical', 'high', 'medium', 'low'];
  return {
    login: ORG,
    id: 77001234,
    name: 'Bench Org',
    settings: {
      two_factor_requirement_enabled: false,
      default_repository_permission: 'read',
      members_can_create_repositories: true,
      members_can_create_public_repositories: false,
      members_can_create_private_repositories: true,
      members_can_create_internal_repositories: false,
      members_can_fork_private_repositories: false,
      web_commit_signoff_required: false,
      plan: { name: 'enterprise' },
    },
    members: Array.from({ length: sizes.members }, (_, m) => ({
      login: `member-${m}`,
      id: 100000 + m,
      role: m < sizes.owners ? 'admin' : 'member',
      twoFactor: m >= sizes.members - sizes.membersWithout2fa ? false : true,
    })),
    outsideCollaborators: Array.from({ length: sizes.outsideCollaborators }, (_, k) => ({
      login: `contractor-${k}`,
      id: 500000 + k,
    })),
    repos,
    hooks: Array.from({ length: sizes.orgWebhooks }, (_, k) => ({
      id: 60000 + k,
      active: true,
      events: ['push', 'member'],
      config: { url: `https://hooks.example/${k}`, content_type: 'json', insecure_ssl: k === 0 ? '1' : '0' },
    })),
    rulesets: {
      [ORG_RULESET]: {
        id: ORG_RULESET,
        name: 'default-branch-baseline',
        target: 'branch',
        source_type: 'Organization',
        source: ORG,
        enforcement: 'active',
        bypass_actors: [],
      },
    },
    workflowPermissions: 'read',
    dependabotAlerts: Array.from({ length: sizes.dependabotAlerts }, (_, k) => {
      const severity = severities[k % 4]!;
      return {
        number: k + 1,
        state: 'open',
        dependency: {
          package: { ecosystem: 'npm', name: `pkg-${k % 97}` },
          manifest_path: 'package-lock.json',
          scope: 'runtime',
        },
        security_advisory: { ghsa_id: `GHSA-bench-${k}`, cve_id: null, summary: `advisory ${k}`, severity },
        security_vulnerability: { package: { ecosystem: 'npm', name: `pkg-${k % 97}` }, severity },
        html_url: `https://github.com/${ORG}/repo/security/dependabot/${k + 1}`,
        created_at: iso(k % 120),
        repository: repository(k % sizes.repos),
      };
    }),
    secretScanningAlerts: Array.from({ length: sizes.secretScanningAlerts }, (_, k) => ({
      number: k + 1,
      state: 'open',
      created_at: iso(k % 30),
      html_url: `https://github.com/${ORG}/repo/security/secret-scanning/${k + 1}`,
      secret_type: 'github_personal_access_token',
      secret_type_display_name: 'GitHub Personal Access Token',
      secret: 'ghp_notARealSecretBenchValue',
      push_protection_bypassed: k % 5 === 0,
      repository: repository((k * 7) % sizes.repos),
    })),
    codeScanningAlerts: Array.from({ length: sizes.codeScanningAlerts }, (_, k) => ({
      number: k + 1,
      state: 'open',
      created_at: iso(k % 90),
      html_url: `https://github.com/${ORG}/repo/security/code-scanning/${k + 1}`,
      rule: {
        id: `js/rule-${k % 13}`,
        severity: 'warning',
        security_severity_level: severities[k % 4],
        description: 'rule',
      },
      tool: { name: 'CodeQL' },
      repository: repository((k * 3) % sizes.repos),
    })),
  };
}
