import type { ScopeResult } from '../../engine/scope.js';

/**
 * Shapes of the GitHub data keys. Field names follow the GitHub REST API responses they come from, so
 * the snapshot reads as the API evidence it is. Checks import these types only.
 */

/** GET /orgs/{org}: the settings fields only an organization owner sees are required here. */
export interface GithubOrg {
  login: string;
  id: number;
  name?: string | null;
  html_url?: string;
  two_factor_requirement_enabled: boolean;
  default_repository_permission: string;
  members_can_create_repositories?: boolean | null;
  members_can_create_public_repositories?: boolean;
  members_can_create_private_repositories?: boolean;
  members_can_create_internal_repositories?: boolean;
  members_can_fork_private_repositories?: boolean | null;
  web_commit_signoff_required?: boolean;
  plan?: { name: string } | null;
}

export interface GithubMember {
  login: string;
  id: number;
  /** From GET /orgs/{org}/members?role=admin: `admin` is an organization owner. */
  role: 'admin' | 'member';
}

/** GET /orgs/{org}/members?filter=2fa_disabled (owners only). */
export interface GithubUserRef {
  login: string;
  id: number;
}

export interface GithubRepo {
  name: string;
  full_name: string;
  private: boolean;
  visibility: 'public' | 'private' | 'internal';
  archived: boolean;
  disabled?: boolean;
  fork: boolean;
  default_branch: string;
  html_url: string;
  pushed_at?: string | null;
  created_at?: string | null;
  /** Present only when the token has admin on the repository (or is an owner or security manager). */
  security_and_analysis?: SecurityAndAnalysis | null;
  /** What the scanning identity may do in the repository (GitHub includes it for authenticated calls). */
  permissions?: { admin?: boolean; maintain?: boolean; push?: boolean; triage?: boolean; pull?: boolean };
}

/**
 * One entry per active repository, its scope named by the repository's full name: the data, or why
 * it could not be read.
 */
export type PerRepo<T> = ScopeResult<T>[];

export type FeatureStatus = { status: 'enabled' | 'disabled' } | undefined;
export interface SecurityAndAnalysis {
  advanced_security?: FeatureStatus;
  code_security?: FeatureStatus;
  dependabot_security_updates?: FeatureStatus;
  secret_scanning?: FeatureStatus;
  secret_scanning_push_protection?: FeatureStatus;
  [feature: string]: FeatureStatus;
}

/** A GET /repos/{owner}/{repo}/branches/{branch}/protection response, trimmed to what is evaluated. */
export interface ClassicProtection {
  required_status_checks?: { strict?: boolean; contexts?: string[]; checks?: { context: string }[] } | null;
  enforce_admins?: { enabled: boolean } | null;
  required_pull_request_reviews?: {
    dismiss_stale_reviews?: boolean;
    require_code_owner_reviews?: boolean;
    required_approving_review_count?: number;
    require_last_push_approval?: boolean;
  } | null;
  allow_force_pushes?: { enabled: boolean } | null;
  allow_deletions?: { enabled: boolean } | null;
  required_linear_history?: { enabled: boolean } | null;
  required_signatures?: { enabled: boolean } | null;
}

/** One entry of GET /repos/{owner}/{repo}/rules/branches/{branch}. */
export interface BranchRule {
  type: string;
  parameters?: Record<string, unknown>;
  ruleset_source_type?: 'Repository' | 'Organization';
  ruleset_source?: string;
  ruleset_id?: number;
}

/** GET /repos/{o}/{r}/rulesets/{id} or /orgs/{org}/rulesets/{id}, trimmed. */
export interface RulesetSummary {
  id: number;
  name: string;
  source_type?: string;
  source?: string;
  enforcement: string;
  /** Absent when the token may not see it (needs write access to the ruleset). */
  bypass_actors?: { actor_id: number | null; actor_type: string; bypass_mode: string }[];
}

export interface BranchProtectionEntry {
  repo: string;
  branch: string;
  /** null: the default branch has no classic branch protection (rulesets may still protect it). */
  protection: ClassicProtection | null;
  /** Why classic protection is not available on this repository: a private repository on GitHub Free. */
  protectionUnavailable?: string;
  /** The default branch does not exist yet (an empty repository). */
  branchMissing?: boolean;
  rules: BranchRule[];
  rulesets: RulesetSummary[];
}

export interface CollaboratorEntry {
  repo: string;
  collaborators: {
    login: string;
    id: number;
    role_name?: string;
    permissions?: { admin?: boolean; maintain?: boolean; push?: boolean; triage?: boolean; pull?: boolean };
  }[];
}

export interface DeployKeyEntry {
  repo: string;
  keys: { id: number; title: string; read_only: boolean; created_at?: string; last_used?: string | null }[];
}

export interface WebhookEntry {
  repo: string;
  hooks: {
    id: number;
    name: string;
    active: boolean;
    events: string[];
    /** GitHub shows config.secret as "********" when a secret is set and omits it otherwise. */
    config: { url?: string; content_type?: string; insecure_ssl?: string | number; secret?: string };
  }[];
}

export type OrgWebhook = WebhookEntry['hooks'][number];

export interface CodeownersEntry {
  repo: string;
  /** Path of the CODEOWNERS file GitHub would use (.github/, root, docs/), or null when there is none. */
  path: string | null;
}

export interface WorkflowPermissions {
  default_workflow_permissions: 'read' | 'write';
  can_approve_pull_request_reviews?: boolean;
}
export interface RepoWorkflowPermissions {
  repo: string;
  permissions: WorkflowPermissions;
}
export interface ActionsPermissions {
  /** Scope: the organization's login. */
  org: ScopeResult<WorkflowPermissions>;
  repos: PerRepo<RepoWorkflowPermissions>;
}

export interface VulnerabilityAlertsEntry {
  repo: string;
  /** GET /repos/{o}/{r}/vulnerability-alerts: 204 enabled, 404 not enabled. */
  enabled: boolean;
}

export interface CodeScanningSetupEntry {
  repo: string;
  /**
   * false when the repository's own security_and_analysis says code scanning cannot run on it: a
   * private or internal repository without GitHub Code Security (or Advanced Security).
   */
  available: boolean;
  /** GET /repos/{o}/{r}/code-scanning/default-setup `state`. */
  defaultSetup?: 'configured' | 'not-configured' | null;
  /** At least one analysis was uploaded (advanced setup, third-party tools). */
  hasAnalyses?: boolean;
  reason?: string;
}

export interface DependabotAlert {
  number: number;
  state: string;
  created_at: string;
  html_url: string;
  repository: { full_name: string };
  dependency?: { package?: { ecosystem?: string; name?: string }; manifest_path?: string };
  security_advisory?: { ghsa_id?: string; cve_id?: string | null; summary?: string; severity?: string };
  security_vulnerability?: { severity?: string };
}

export interface SecretScanningAlert {
  number: number;
  state: string;
  created_at: string;
  html_url: string;
  repository: { full_name: string };
  secret_type?: string;
  secret_type_display_name?: string;
  push_protection_bypassed?: boolean | null;
}

export interface CodeScanningAlert {
  number: number;
  state: string;
  created_at: string;
  html_url: string;
  repository: { full_name: string };
  rule?: {
    id?: string;
    severity?: string | null;
    security_severity_level?: string | null;
    description?: string;
  };
  tool?: { name?: string };
}

declare module '../../engine/data-map.js' {
  interface DataMap {
    'github.org': GithubOrg;
    'github.members': GithubMember[];
    'github.membersWithout2fa': GithubUserRef[];
    'github.outsideCollaborators': GithubUserRef[];
    'github.repos': GithubRepo[];
    'github.securityAnalysis': {
      repo: string;
      visibility: string;
      security_and_analysis: SecurityAndAnalysis | null;
    }[];
    'github.branchProtection': PerRepo<BranchProtectionEntry>;
    'github.collaborators': PerRepo<CollaboratorEntry>;
    'github.deployKeys': PerRepo<DeployKeyEntry>;
    'github.webhooks': PerRepo<WebhookEntry>;
    'github.orgWebhooks': OrgWebhook[];
    'github.codeowners': PerRepo<CodeownersEntry>;
    'github.actionsPermissions': ActionsPermissions;
    'github.vulnerabilityAlerts': PerRepo<VulnerabilityAlertsEntry>;
    'github.codeScanningSetup': PerRepo<CodeScanningSetupEntry>;
    'github.dependabotAlerts': DependabotAlert[];
    'github.secretScanningAlerts': SecretScanningAlert[];
    'github.codeScanningAlerts': CodeScanningAlert[];
  }
}
