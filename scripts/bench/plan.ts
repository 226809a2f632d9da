import type { AwsSizes } from './aws-world.js';
import { codeScanningOf, isArchived, type GithubSizes } from './github-world.js';
import type { GoogleSizes } from './google-world.js';

/**
 * For each data key: the fewest requests the API allows for the synthetic organization (largest
 * documented page sizes, one call where the API has nothing coarser) and the longest chain of
 * requests that must happen one after the other (pagination tokens, dependencies on other keys).
 */
export interface KeyCost {
  minimum: number;
  /** Requests in a row this key needs after the keys it depends on. */
  chain: number;
  dependsOn?: string[];
}

const pages = (items: number, pageSize: number) => Math.max(1, Math.ceil(items / pageSize));

/** API page sizes (documented maxima; DescribeComplianceByConfigRule takes none, the service pages by 25). */
export const PAGE = {
  aws: {
    listAccounts: 20,
    authorizationDetails: 1000,
    complianceByRule: 25,
    complianceDetails: 100,
    select: 100,
  },
  github: { list: 100 },
  google: { users: 500, roles: 100, roleAssignments: 200, groups: 200, members: 200, activities: 1000 },
} as const;

export function awsCosts(s: AwsSizes): Record<string, KeyCost> {
  const accounts = s.accounts;
  const scopes = accounts * s.regions.length;
  const entities = s.usersPerAccount + s.groupsPerAccount + s.rolesPerAccount + s.policiesPerAccount;
  const listAccounts = pages(accounts, PAGE.aws.listAccounts);
  const after = ['aws.accounts'];
  const byRule = pages(s.rulesPerAccountRegion, PAGE.aws.complianceByRule);
  const details = pages(s.nonCompliantResourcesPerRule, PAGE.aws.complianceDetails);
  const select = pages(s.itemsPerAccountRegion, PAGE.aws.select);
  return {
    // GetCallerIdentity, ListAccounts pages, AssumeRole into every other account
    'aws.accounts': {
      minimum: 1 + listAccounts + (accounts - 1),
      chain: 1 + listAccounts + (accounts > 1 ? 1 : 0),
    },
    // GenerateCredentialReport (COMPLETE at once here), then GetCredentialReport
    'aws.iam.credentialReport': { minimum: 2 * accounts, chain: 2, dependsOn: after },
    'aws.iam.accountSummary': { minimum: accounts, chain: 1, dependsOn: after },
    'aws.iam.passwordPolicy': { minimum: accounts, chain: 1, dependsOn: after },
    // ListVirtualMFADevices (Assigned): one page of up to 100 devices per account
    'aws.iam.virtualMfaDevices': { minimum: accounts, chain: 1, dependsOn: after },
    'aws.iam.authorizationDetails': {
      minimum: accounts * pages(entities, PAGE.aws.authorizationDetails),
      chain: pages(entities, PAGE.aws.authorizationDetails),
      dependsOn: after,
    },
    // recorders, then recorder status and delivery channels, then delivery channel status
    'aws.config.recorders': { minimum: 4 * scopes, chain: 3, dependsOn: after },
    'aws.config.compliance': {
      minimum: scopes * (byRule + s.nonCompliantRulesPerAccountRegion * details),
      chain: byRule + details,
      dependsOn: after,
    },
    'aws.config.resources': { minimum: scopes * select, chain: select, dependsOn: ['aws.config.recorders'] },
    // GetEventSelectors per trail Config recorded: one per account and region (the 6th item of each)
    'aws.cloudtrail.eventSelectors': {
      minimum: s.itemsPerAccountRegion > 5 ? scopes : 0,
      chain: 1,
      dependsOn: ['aws.config.resources'],
    },
  };
}

export function githubCosts(s: GithubSizes): Record<string, KeyCost> {
  const list = (n: number) => pages(n, PAGE.github.list);
  const active = Array.from({ length: s.repos }, (_, i) => i).filter((i) => !isArchived(i));
  const perRepo = (cost: number, chain = 1): KeyCost => ({
    minimum: cost,
    chain,
    dependsOn: ['github.repos'],
  });
  // none where security_and_analysis says code scanning is not offered
  const codeScanning = active.reduce((sum, i) => {
    const cs = codeScanningOf(i);
    return sum + (cs === 'unavailable' ? 0 : cs?.defaultSetup === 'not-configured' ? 2 : 1);
  }, 0);
  // Deploy keys over REST only where GraphQL counts some (it has no key ids or last use).
  const withKeys = active.filter((i) => i % 10 === 0).length;
  return {
    // GET /rate_limit first (free of the budget), then the organization
    'github.org': { minimum: 2, chain: 2 },
    // all members, then the owners (role=admin): the listing does not say who is an owner
    'github.members': {
      minimum: list(s.members) + list(s.owners),
      chain: Math.max(list(s.members), list(s.owners)),
    },
    'github.membersWithout2fa': { minimum: list(s.membersWithout2fa), chain: list(s.membersWithout2fa) },
    'github.orgWebhooks': { minimum: list(s.orgWebhooks), chain: list(s.orgWebhooks) },
    'github.outsideCollaborators': {
      minimum: list(s.outsideCollaborators),
      chain: list(s.outsideCollaborators),
    },
    'github.repos': { minimum: list(s.repos), chain: list(s.repos) },
    'github.securityAnalysis': perRepo(0, 0),
    // the GraphQL repository pages (protection, rules, collaborators, deploy key counts, Dependabot
    // alerts setting, CODEOWNERS), read one after the other, and the one organization ruleset once
    'github.branchProtection': perRepo(githubGraphqlPages(s) + 1, githubGraphqlPages(s) + 1),
    'github.collaborators': perRepo(0, 0),
    'github.deployKeys': perRepo(withKeys),
    'github.webhooks': perRepo(active.length),
    'github.codeowners': perRepo(0, 0),
    'github.actionsPermissions': perRepo(1 + active.length),
    'github.vulnerabilityAlerts': perRepo(0, 0),
    // default setup, and the analyses list where default setup is not configured
    'github.codeScanningSetup': perRepo(codeScanning, 2),
    'github.dependabotAlerts': { minimum: list(s.dependabotAlerts), chain: list(s.dependabotAlerts) },
    'github.secretScanningAlerts': {
      minimum: list(s.secretScanningAlerts),
      chain: list(s.secretScanningAlerts),
    },
    'github.codeScanningAlerts': { minimum: list(s.codeScanningAlerts), chain: list(s.codeScanningAlerts) },
  };
}

/** GraphQL queries for the repository pages: 33 repositories a page (src/collectors/github/budget-read.ts). */
export function githubGraphqlPages(s: GithubSizes): number {
  return Math.ceil(s.repos / 33);
}

/** GitHub's minimum by API: the GraphQL repository pages, and REST less GET /rate_limit (free of the budget). */
export function githubMinimums(s: GithubSizes): { rest: number; graphql: number } {
  const graphql = githubGraphqlPages(s);
  const all = Object.values(githubCosts(s)).reduce((n, c) => n + c.minimum, 0);
  return { rest: all - graphql - 1, graphql };
}

export function googleCosts(s: GoogleSizes, riskyEventNames: number): Record<string, KeyCost> {
  const nonEmpty = s.groups - s.emptyGroups;
  return {
    'google.users': { minimum: pages(s.users, PAGE.google.users), chain: pages(s.users, PAGE.google.users) },
    'google.roles': { minimum: pages(s.roles, PAGE.google.roles), chain: pages(s.roles, PAGE.google.roles) },
    'google.roleAssignments': {
      minimum: pages(s.roleAssignments, PAGE.google.roleAssignments),
      chain: pages(s.roleAssignments, PAGE.google.roleAssignments),
    },
    // tokens.list for every user who is neither suspended nor archived
    'google.tokens': { minimum: s.users - s.suspended, chain: 1, dependsOn: ['google.users'] },
    'google.groups': {
      minimum: pages(s.groups, PAGE.google.groups),
      chain: pages(s.groups, PAGE.google.groups),
    },
    'google.groupMembers': {
      minimum: nonEmpty * pages(s.membersPerGroup, PAGE.google.members),
      chain: pages(s.membersPerGroup, PAGE.google.members),
      dependsOn: ['google.groups'],
    },
    'google.domains': { minimum: 1, chain: 1 },
    // one filtered query per risky event name
    'google.loginEvents': {
      minimum: riskyEventNames * pages(s.loginEventsPerName, PAGE.google.activities),
      chain: pages(s.loginEventsPerName, PAGE.google.activities),
    },
    // asps.list for every active user, like tokens.list
    'google.appPasswords': { minimum: s.users - s.suspended, chain: 1, dependsOn: ['google.users'] },
    'google.orgUnits': { minimum: 1, chain: 1 },
    // the bench tenant has no devices, SSO assignments or policies: one (empty) page each
    'google.mobileDevices': { minimum: 1, chain: 1 },
    'google.sso': { minimum: 2, chain: 1 },
    'google.policies': { minimum: 1, chain: 1, dependsOn: ['google.orgUnits'] },
  };
}

/** Keys a set of checks needs, with the keys their collectors depend on. */
export function closure(keys: Iterable<string>, costs: Record<string, KeyCost>): string[] {
  const out = new Set<string>();
  const visit = (key: string) => {
    if (out.has(key)) return;
    out.add(key);
    for (const dep of costs[key]?.dependsOn ?? []) visit(dep);
  };
  for (const key of keys) visit(key);
  return [...out].sort();
}

export function minimumOf(keys: string[], costs: Record<string, KeyCost>): number {
  return keys.reduce((sum, key) => sum + (costs[key]?.minimum ?? 0), 0);
}

/** Longest chain of requests one after the other, through dependencies. */
export function chainOf(keys: string[], costs: Record<string, KeyCost>): number {
  const memo = new Map<string, number>();
  const depth = (key: string): number => {
    const known = memo.get(key);
    if (known !== undefined) return known;
    const cost = costs[key];
    const value = (cost?.chain ?? 0) + Math.max(0, ...(cost?.dependsOn ?? []).map(depth));
    memo.set(key, value);
    return value;
  };
  return Math.max(0, ...keys.map(depth));
}

/**
 * The fastest a scan can be with a fixed latency per request and `concurrency` requests at once: no
 * faster than its longest chain, and no faster than the minimum requests spread over every slot.
 */
export function lowerBoundMs(minimum: number, chain: number, concurrency: number, latencyMs: number): number {
  return latencyMs * Math.max(chain, Math.ceil(minimum / concurrency));
}

/**
 * The least time `requests` take under a quota of `perWindow` requests in any `windowMs`: the first
 * window's worth goes at once, every further one waits a window.
 */
export function quotaFloorMs(requests: number, perWindow: number, windowMs: number): number {
  return Math.max(0, Math.ceil(requests / perWindow) - 1) * windowMs;
}
