import type { FailureCause } from '../../src/engine/types.js';
/**
 * Joins the HR roster with the accounts other providers collected. Reads the providers' data shapes
 * tolerantly (only the fields it needs), so a partial snapshot or an older one still evaluates.
 */
import type { Person } from '../../src/collectors/hr/data.js';

/** A system whose accounts are joined with the roster: its id, how an account is named, the whole-system resource. */
export interface IdentitySystem {
  /** The provider id: `aws`, `github`, `google`, or a plugin's (`entra`, `okta`). */
  id: string;
  /** `AWS IAM user`: how one account is named in messages. */
  title: string;
  /** The resource of findings about the system as a whole: `aws:iam-users`. */
  scope: string;
}

export const AWS_IAM: IdentitySystem = { id: 'aws', title: 'AWS IAM user', scope: 'aws:iam-users' };
export const GITHUB_ORG: IdentitySystem = {
  id: 'github',
  title: 'GitHub organization membership',
  scope: 'github:organization',
};
export const GOOGLE_DIRECTORY: IdentitySystem = {
  id: 'google',
  title: 'Google Workspace account',
  scope: 'google:directory',
};

export interface Account {
  /** The IdentitySystem id. */
  system: string;
  /** Finding resource: `aws:<account>/<user>`, `github:<login>`, `google:<email>`. */
  resource: string;
  /** The name matched against allow-lists: IAM user name, GitHub login, Google primary email. */
  name: string;
  /** Whether the account can still be used, and how. */
  active: boolean;
  access: string;
  /**
   * Lower-case emails that identify the account's owner: AWS IAM tags named email/mail, a Google
   * primary email and aliases, a plugin's primary email and aliases. A person whose roster email is one of them
   * owns the account.
   */
  emails: string[];
}

/** A scope of another system that could not be read, with its structured cause where it has one. */
export interface Unreadable {
  resource: string;
  error: string;
  cause?: FailureCause;
}

interface ScopeEntry<T> {
  accountId?: string;
  status?: string;
  value?: T;
  error?: string;
  cause?: FailureCause;
}
interface CredentialRowLike {
  user?: string;
  password_enabled?: string | boolean;
  access_key_1_active?: string | boolean;
  access_key_2_active?: string | boolean;
}
interface AuthDetailsLike {
  users?: { name?: string; tags?: Record<string, string> }[];
}

const isTrue = (value: unknown) => value === true || value === 'true' || value === 'TRUE';

function scopes<T>(value: unknown): ScopeEntry<T>[] {
  return Array.isArray(value) ? (value as ScopeEntry<T>[]) : [];
}

export function awsAccounts(
  credentialReports: unknown,
  authorizationDetails: unknown,
): { accounts: Account[]; unreadable: Unreadable[] } {
  const accounts: Account[] = [];
  const unreadable: Unreadable[] = [];
  const tagsByUser = new Map<string, Record<string, string>>();
  for (const scope of scopes<AuthDetailsLike>(authorizationDetails)) {
    if (scope.status !== 'ok') continue;
    for (const user of scope.value?.users ?? []) {
      if (user.name) tagsByUser.set(`${scope.accountId}/${user.name}`, user.tags ?? {});
    }
  }
  for (const scope of scopes<{ rows?: CredentialRowLike[] } | CredentialRowLike[]>(credentialReports)) {
    const accountId = scope.accountId ?? 'account';
    if (scope.status !== 'ok') {
      unreadable.push({
        resource: `aws:${accountId}`,
        error: scope.error ?? 'not collected',
        ...(scope.cause ? { cause: scope.cause } : {}),
      });
      continue;
    }
    const rows = Array.isArray(scope.value) ? scope.value : (scope.value?.rows ?? []);
    for (const row of rows) {
      if (!row.user || row.user === '<root_account>') continue;
      const password = isTrue(row.password_enabled);
      const keys = [row.access_key_1_active, row.access_key_2_active].filter(isTrue).length;
      const tags = tagsByUser.get(`${accountId}/${row.user}`) ?? {};
      const emails = Object.entries(tags)
        .filter(([k]) => /^(e-?mail|mail|owner[-_]?email)$/i.test(k))
        .map(([, v]) => v.trim().toLowerCase());
      accounts.push({
        system: 'aws',
        resource: `aws:${accountId}/${row.user}`,
        name: row.user,
        active: password || keys > 0,
        access:
          [
            password ? 'console password' : '',
            keys > 0 ? `${keys} active access key${keys > 1 ? 's' : ''}` : '',
          ]
            .filter(Boolean)
            .join(' and ') || 'no password or active key',
        emails,
      });
    }
  }
  return { accounts, unreadable };
}

/**
 * Organization members and outside collaborators (people with access to some repositories without
 * membership): both are GitHub identities someone must own and offboard.
 */
export function githubAccounts(
  members: unknown,
  outsideCollaborators: unknown = [],
): { accounts: Account[]; unreadable: Unreadable[] } {
  const list = (value: unknown) =>
    Array.isArray(value) ? (value as { login?: string; role?: string }[]) : [];
  const account = (login: string, access: string): Account => ({
    system: 'github',
    resource: `github:${login}`,
    name: login,
    active: true,
    access,
    emails: [],
  });
  return {
    accounts: [
      ...list(members)
        .filter((m) => m.login)
        .map((m) => account(m.login!, m.role === 'admin' ? 'organization owner' : 'organization member')),
      ...list(outsideCollaborators)
        .filter((c) => c.login)
        .map((c) => account(c.login!, 'outside collaborator')),
    ],
    unreadable: [],
  };
}

export function googleAccounts(users: unknown): { accounts: Account[]; unreadable: Unreadable[] } {
  const list = Array.isArray(users)
    ? (users as {
        primaryEmail?: string;
        aliases?: unknown;
        suspended?: boolean;
        archived?: boolean;
        isAdmin?: boolean;
      }[])
    : [];
  return {
    accounts: list
      .filter((u) => u.primaryEmail)
      .map((u) => ({
        system: 'google',
        resource: `google:${u.primaryEmail!.toLowerCase()}`,
        name: u.primaryEmail!.toLowerCase(),
        active: !u.suspended && !u.archived,
        access: u.suspended ? 'suspended' : u.archived ? 'archived' : u.isAdmin ? 'active (admin)' : 'active',
        // Aliases reach the same mailbox: a roster row holding one of them is the same person.
        emails: [
          u.primaryEmail!.toLowerCase(),
          ...(Array.isArray(u.aliases)
            ? u.aliases.filter((a): a is string => typeof a === 'string')
            : []
          ).map((a) => a.toLowerCase()),
        ],
      })),
    unreadable: [],
  };
}

/** Which roster field ties an account to a person, if one does. */
function matchedBy(account: Account, person: Person, name: string): string | undefined {
  switch (account.system) {
    case 'aws':
      if (person.awsUser?.toLowerCase() === name) return 'aws_user';
      if (person.email === name) return 'email = user name';
      if (account.emails.includes(person.email)) return 'email tag';
      return undefined;
    case 'github':
      return person.github === name ? 'github' : undefined;
    case 'google':
      if (person.email === name) return 'email';
      if (account.emails.includes(person.email)) return 'email alias';
      return undefined;
    default:
      return account.emails.includes(person.email) ? 'email' : undefined;
  }
}

/**
 * The roster people an account belongs to, in roster order, each with the field that matched (the first
 * is its owner). People are indexed once by the values an account can match on, so a roster and a
 * directory of tens of thousands each are matched in linear time.
 */
export function rosterMatcher(
  people: readonly Person[],
): (account: Account) => Array<{ person: Person; by: string }> {
  const byValue = new Map<string, number[]>();
  people.forEach((person, index) => {
    for (const value of new Set([person.email, person.awsUser?.toLowerCase(), person.github])) {
      if (value === undefined) continue;
      const indexes = byValue.get(value);
      if (indexes) indexes.push(index);
      else byValue.set(value, [index]);
    }
  });
  return (account) => {
    const name = account.name.toLowerCase();
    const candidates = new Set<number>();
    for (const value of [name, ...account.emails])
      for (const index of byValue.get(value) ?? []) candidates.add(index);
    return [...candidates]
      .sort((x, y) => x - y)
      .flatMap((index) => {
        const person = people[index]!;
        const by = matchedBy(account, person, name);
        return by ? [{ person, by }] : [];
      });
  };
}

/** Glob-style allow-list match (`*` any run of characters), case-insensitive. */
export function allowListed(name: string, patterns: readonly string[]): string | undefined {
  return patterns.find((pattern) => {
    const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    return new RegExp(`^${escaped}$`, 'i').test(name);
  });
}

/**
 * Where a system's accounts come from: the data keys to read and how to list them. An access review
 * (`soc2 review start access`) freezes every registered source's accounts; a plugin adds its own.
 */
export interface AccountSource {
  system: IdentitySystem;
  requires: readonly string[];
  accounts(data: Readonly<Record<string, unknown>>): { accounts: Account[]; unreadable: Unreadable[] };
}

export const builtInAccountSources: AccountSource[] = [
  {
    system: AWS_IAM,
    requires: ['aws.iam.credentialReport', 'aws.iam.authorizationDetails'],
    accounts: (data) => awsAccounts(data['aws.iam.credentialReport'], data['aws.iam.authorizationDetails']),
  },
  {
    system: GITHUB_ORG,
    requires: ['github.members', 'github.outsideCollaborators'],
    accounts: (data) => githubAccounts(data['github.members'], data['github.outsideCollaborators']),
  },
  {
    system: GOOGLE_DIRECTORY,
    requires: ['google.users'],
    accounts: (data) => googleAccounts(data['google.users']),
  },
];
