import {
  causeOf,
  describeCause,
  requestTimeoutMs,
  skipIfAllDenied,
  SkipError,
  type Collector,
  type ProviderRuntime,
  type ScopeResult,
} from '../../src/sdk/index.js';
import { createAuthorization, OktaTokenError, type AuthMode } from './auth.js';
import {
  createOktaClient,
  DEFAULT_RETRY,
  OktaApiError,
  OktaNetworkError,
  type OktaClient,
} from './client.js';
import type { OktaAdmin, OktaApp, OktaFactor, OktaPolicy, OktaPolicyRule, OktaUser } from './data.js';
import { hasFactorsToRead } from './users.js';

/**
 * The Okta Management API calls behind each data key, with the `limit` maximum of each list endpoint
 * (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/User/#tag/User/operation/listUsers
 * and the matching pages for UserFactor, RoleAssignmentAUser, Policy and ApplicationUsers).
 */

export interface OktaSession {
  client: OktaClient;
  authMode: AuthMode;
}

type OktaCollector<K extends string> = Collector<K, OktaSession>;

/** The OAuth scope that reads each key, named when Okta refuses it. */
const GRANT: Record<string, string> = {
  'okta.users': 'okta.users.read',
  'okta.factors': 'okta.factors.read',
  'okta.admins': 'okta.roles.read',
  'okta.signOnPolicies': 'okta.policies.read',
  'okta.accessPolicies': 'okta.policies.read',
  'okta.mfaEnrollPolicies': 'okta.policies.read',
  'okta.passwordPolicies': 'okta.policies.read',
  'okta.apps': 'okta.apps.read',
};

/**
 * A refusal of a whole key is a missing grant: the key is skipped, naming it. Okta answers 403 E0000006
 * to a request its admin role does not allow, and invalid_scope to a token request for a scope the
 * service app was not granted.
 */
async function orSkip<T>(key: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof OktaApiError && error.status === 403) {
      throw new SkipError(
        `${describeCause(causeOf(error))}: the API token's admin needs the Read-only Administrator role ` +
          `(an OAuth service app the ${GRANT[key]} scope); see docs/okta.md`,
      );
    }
    if (error instanceof OktaTokenError && error.code === 'invalid_scope') {
      throw new SkipError(
        `${error.message}: grant the service app the ${error.scope} scope; see docs/okta.md`,
      );
    }
    throw error;
  }
}

/** A scope of a per-user or per-app key: read, or not with Okta's cause. */
async function scoped<T>(scope: string, read: () => Promise<T>): Promise<ScopeResult<T>> {
  try {
    return { scope, status: 'ok', value: await read() };
  } catch (error) {
    if (!(error instanceof OktaApiError || error instanceof OktaNetworkError)) throw error;
    return { scope, status: 'error', cause: causeOf(error) };
  }
}

/** The fields soc2 keeps of an API resource: Okta's answers carry links and profile data it does not need. */
function pick<T extends object, K extends keyof T>(resource: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, resource[key] ?? null])) as Pick<T, K>;
}

interface ApiUser {
  id: string;
  status: string;
  created: string;
  lastLogin?: string | null;
  statusChanged?: string | null;
  profile?: { login?: string; email?: string | null };
}

const toUser = (u: ApiUser): OktaUser => ({
  id: u.id,
  status: u.status,
  login: u.profile?.login ?? u.id,
  email: u.profile?.email ?? null,
  created: u.created,
  lastLogin: u.lastLogin ?? null,
  statusChanged: u.statusChanged ?? null,
});

const users: OktaCollector<'okta.users'> = {
  key: 'okta.users',
  async collect({ session, limit, progress }) {
    return orSkip('okta.users', async () => {
      progress('listing users');
      // Without a filter the list leaves out DEPROVISIONED users: they are asked for separately.
      const [current, deprovisioned] = await Promise.all([
        limit(() => session.client.list<ApiUser>('users', '/api/v1/users', { limit: '200' })),
        limit(() =>
          session.client.list<ApiUser>('deprovisioned users', '/api/v1/users', {
            limit: '200',
            filter: 'status eq "DEPROVISIONED"',
          }),
        ),
      ]);
      const byId = new Map([...current, ...deprovisioned].map((u) => [u.id, toUser(u)]));
      return [...byId.values()].sort((a, b) => a.login.localeCompare(b.login));
    });
  },
};

const factors: OktaCollector<'okta.factors'> = {
  key: 'okta.factors',
  async collect({ session, need, limit, progress }) {
    const all = (await need('okta.users')).filter((u) => hasFactorsToRead(u.status));
    progress(`reading the factors of ${all.length} users`);
    const read = (user: OktaUser) =>
      scoped(user.login, async () =>
        (
          await session.client.get<OktaFactor[]>(
            `factors of ${user.login}`,
            `/api/v1/users/${encodeURIComponent(user.id)}/factors`,
          )
        ).map((f) => pick(f, ['id', 'factorType', 'provider', 'status'])),
      );
    const results = await orSkip('okta.factors', () =>
      Promise.all(all.map((user) => limit(() => read(user)))),
    );
    skipIfAllDenied(results, 'okta.factors (grant okta.factors.read or the Read-only Administrator role)');
    return results;
  },
};

const admins: OktaCollector<'okta.admins'> = {
  key: 'okta.admins',
  async collect({ session, limit, progress }) {
    return orSkip('okta.admins', async () => {
      progress('listing users with admin roles');
      const assignees = await limit(() =>
        session.client.list<{ id: string }>('users with role assignments', '/api/v1/iam/assignees/users', {
          limit: '100',
        }),
      );
      return Promise.all(
        assignees.map((a) =>
          limit(async (): Promise<OktaAdmin> => {
            const roles = await session.client.get<OktaAdmin['roles']>(
              `roles of user ${a.id}`,
              `/api/v1/users/${encodeURIComponent(a.id)}/roles`,
            );
            return {
              userId: a.id,
              roles: roles.map((r) => pick(r, ['id', 'type', 'label', 'status', 'assignmentType'])),
            };
          }),
        ),
      );
    });
  },
};

type ApiPolicy = Omit<OktaPolicy, 'rules'>;

/** A Classic org knows no ACCESS_POLICY type and answers 400 E0000001 to the list: it has none. */
const absentInClassic = (type: string, error: unknown) =>
  type === 'ACCESS_POLICY' && error instanceof OktaApiError && error.status === 400;

function policies(
  key: 'okta.signOnPolicies' | 'okta.accessPolicies' | 'okta.mfaEnrollPolicies' | 'okta.passwordPolicies',
  type: 'OKTA_SIGN_ON' | 'ACCESS_POLICY' | 'MFA_ENROLL' | 'PASSWORD',
): OktaCollector<typeof key> {
  return {
    key,
    async collect({ session, limit, progress }) {
      return orSkip(key, async () => {
        progress(`listing ${type} policies`);
        const list = await limit(() =>
          session.client
            .list<ApiPolicy>(`${type} policies`, '/api/v1/policies', { type })
            .catch((error: unknown) => {
              if (absentInClassic(type, error)) return [];
              throw error;
            }),
        );
        return Promise.all(
          list.map((p) =>
            limit(async (): Promise<OktaPolicy> => {
              const rules = await session.client.list<OktaPolicyRule>(
                `rules of ${type} policy ${p.name}`,
                `/api/v1/policies/${encodeURIComponent(p.id)}/rules`,
              );
              return {
                ...pick(p, ['id', 'name', 'type', 'status', 'priority', 'system', 'conditions', 'settings']),
                rules: rules
                  .map((r) =>
                    pick(r, ['id', 'name', 'status', 'priority', 'system', 'conditions', 'actions']),
                  )
                  .sort((a, b) => a.priority - b.priority),
              };
            }),
          ),
        ).then((read) => read.sort((a, b) => a.priority - b.priority));
      });
    },
  };
}

type ApiApp = Omit<OktaApp, 'assignments'>;

const apps: OktaCollector<'okta.apps'> = {
  key: 'okta.apps',
  async collect({ session, limit, progress }) {
    return orSkip('okta.apps', async () => {
      progress('listing apps');
      const list = await limit(() => session.client.list<ApiApp>('apps', '/api/v1/apps', { limit: '200' }));
      // An inactive app signs nobody in: only active apps' assignments are read.
      const active = list.filter((app) => app.status === 'ACTIVE');
      const results = await Promise.all(
        active.map((app) =>
          limit(() =>
            scoped(`${app.label} (${app.id})`, async (): Promise<OktaApp> => {
              const assigned = await session.client.list<{ id: string; scope: string; status: string }>(
                `users of app ${app.label}`,
                `/api/v1/apps/${encodeURIComponent(app.id)}/users`,
                { limit: '500' },
              );
              return {
                ...pick(app, ['id', 'label', 'name', 'status', 'signOnMode']),
                assignments: assigned.map((a) => ({ userId: a.id, scope: a.scope, status: a.status })),
              };
            }),
          ),
        ),
      );
      skipIfAllDenied(results, 'okta.apps (grant okta.apps.read or the Read-only Administrator role)');
      return results.sort((a, b) => a.scope.localeCompare(b.scope));
    });
  },
};

export const runtime: ProviderRuntime<OktaSession> = {
  async createSession(config, env, signal) {
    const okta = config.providers.okta!;
    const timeoutMs = requestTimeoutMs(env);
    const authorization = createAuthorization(okta, env, timeoutMs);
    const client = createOktaClient({
      orgUrl: okta.orgUrl,
      authorization: authorization.header,
      retry: { ...DEFAULT_RETRY, ...(okta.retry ?? {}) },
      timeoutMs,
      signal,
    });
    return { client, authMode: authorization.mode };
  },
  collectors: [
    users,
    factors,
    admins,
    policies('okta.signOnPolicies', 'OKTA_SIGN_ON'),
    policies('okta.accessPolicies', 'ACCESS_POLICY'),
    policies('okta.mfaEnrollPolicies', 'MFA_ENROLL'),
    policies('okta.passwordPolicies', 'PASSWORD'),
    apps,
  ],
  stats: (session) => ({ ...session.client.stats, auth: session.authMode }),
};
