import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { verify } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { answerGraphql } from './graphql.js';

/**
 * A local stand-in for the GitHub REST API (api.github.com, or GitHub Enterprise Server under
 * /api/v3), serving one organization from a fixture. It answers the way the REST docs describe:
 * JSON bodies, Link-header pagination with per_page/page (cursor `after` for the organization alert
 * listings), 404 "Branch not protected", 401 "Bad credentials", x-ratelimit-* headers, and injected
 * secondary rate limits (403/429 with retry-after).
 */

/** The REST API versions GitHub serves (REST API versions page). */
const SUPPORTED_API_VERSIONS = ['2022-11-28', '2026-03-10'];

export interface FakeMember {
  login: string;
  id: number;
  role: 'admin' | 'member';
  twoFactor: boolean;
}

export interface FakeRepo {
  name: string;
  visibility: 'public' | 'private' | 'internal';
  archived?: boolean;
  default_branch?: string;
  created_at?: string;
  pushed_at?: string;
  /** Empty repository: the default branch does not exist. */
  empty?: boolean;
  security_and_analysis?: Record<string, { status: 'enabled' | 'disabled' }>;
  /** Classic branch protection of the default branch; absent = "Branch not protected". */
  protection?: Record<string, unknown>;
  /** Answer branch protection and rules with 403 "Upgrade to GitHub Pro..." (private repo on GitHub Free). */
  protectionNeedsUpgrade?: boolean;
  /** Rules that apply to the default branch (GET /repos/{o}/{r}/rules/branches/{branch}). */
  rules?: Record<string, unknown>[];
  /** Repository rulesets by id (GET /repos/{o}/{r}/rulesets/{id}). */
  rulesets?: Record<number, Record<string, unknown>>;
  collaborators?: { login: string; id: number; role_name: string }[];
  keys?: { id: number; title: string; read_only: boolean; created_at: string; last_used?: string | null }[];
  hooks?: { id: number; name?: string; active: boolean; events: string[]; config: Record<string, unknown> }[];
  /** Paths of files that exist (for the contents API). */
  files?: string[];
  workflowPermissions?: 'read' | 'write';
  vulnerabilityAlerts?: boolean;
  codeScanning?: { defaultSetup: 'configured' | 'not-configured'; analyses: number } | 'unavailable';
  /** Pull requests, open and closed (GET /repos/{o}/{r}/pulls and the single, reviews, checks of its head). */
  pulls?: FakePull[];
}

/** A pull request as the fixture states it; the server renders the REST shapes. */
export interface FakePull {
  number: number;
  title: string;
  author: string;
  base?: string;
  state: 'open' | 'closed';
  created_at: string;
  updated_at: string;
  merged_at?: string | null;
  merged_by?: string | null;
  head_sha: string;
  reviews?: {
    user: string;
    state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
    submitted_at: string;
  }[];
  /** Check runs on the head commit: name and conclusion. */
  checkRuns?: { name: string; conclusion: 'success' | 'failure' | 'neutral' | 'skipped' | null }[];
  /** Commit statuses on the head commit: context and state. */
  statuses?: { context: string; state: 'success' | 'failure' | 'error' | 'pending' }[];
}

/** One organization audit log event (GitHub Enterprise Cloud). */
export interface FakeAuditEvent {
  action: string;
  actor: string;
  user?: string;
  /** ISO time; served as `@timestamp` and `created_at` in epoch milliseconds. */
  at: string;
}

export interface FakeOrg {
  login: string;
  id: number;
  name: string;
  /** Organization-level settings only an owner sees. */
  settings: Record<string, unknown>;
  members: FakeMember[];
  outsideCollaborators: { login: string; id: number }[];
  repos: FakeRepo[];
  rulesets?: Record<number, Record<string, unknown>>;
  workflowPermissions: 'read' | 'write';
  /** Organization webhooks (GET /orgs/{org}/hooks). */
  hooks?: FakeRepo['hooks'];
  dependabotAlerts?: Record<string, unknown>[];
  secretScanningAlerts?: Record<string, unknown>[];
  codeScanningAlerts?: Record<string, unknown>[];
  /**
   * The organization audit log; absent: GET /orgs/{org}/audit-log answers 404 as on plans without it
   * (the endpoint is GitHub Enterprise Cloud only).
   */
  auditLog?: FakeAuditEvent[];
}

export interface Fault {
  /** Matched against `METHOD /path?query` (without the GHES prefix). */
  match: RegExp;
  status: 403 | 404 | 429 | 500;
  /**
   * 403/429 are a secondary rate limit unless `primary`: the hourly quota is spent
   * (x-ratelimit-remaining 0, reset in retryAfter seconds). `denied`: 403 or 404 as GitHub answers a
   * token without the permission (fine-grained: "Resource not accessible by personal access token";
   * 404 where it hides the resource).
   */
  kind?: 'secondary' | 'primary' | 'denied';
  /** How many matching requests fail before the endpoint recovers. */
  times: number;
  retryAfter?: number;
}

export interface FakeOptions {
  token: string;
  /** The token belongs to an organization owner (sees settings, the 2FA filter, security_and_analysis). */
  owner?: boolean;
  /** Organization alert listings answer 403 (no security manager role / permission). */
  alertsForbidden?: boolean;
  /** Serve under this prefix, as GitHub Enterprise Server does with /api/v3. */
  prefix?: string;
  faults?: Fault[];
  /**
   * Act as a GitHub App installation: POST /app/installations/{id}/access_tokens with a JWT signed by
   * the app's private key (RS256, iss = app id) returns `token` as the installation access token.
   */
  app?: { appId: number; installationId: number; publicKeyPem: string };
  /**
   * The hourly quota (default 5,000, a token's on github.com; 15,000 on GitHub Enterprise Cloud). Once
   * spent, every request is answered 403 "API rate limit exceeded" until the reset, as GitHub does.
   */
  rateLimit?: number;
  /** The GraphQL API's hourly points (default 5,000); each query here costs 1 point. */
  graphqlRateLimit?: number;
  /** Seconds from the first request to the reset of both windows (default 3,600), then every as long. */
  resetSeconds?: number;
  /** `Type.field`s the GraphQL schema lacks (an older GitHub Enterprise Server). */
  graphqlSchemaWithout?: string[];
}

export interface FakeGithub {
  url: string;
  /** Base URL to hand to the client (includes the prefix). */
  apiUrl: string;
  requests: string[];
  /** The X-GitHub-Api-Version header of each request ('' when absent), in order. */
  apiVersions: string[];
  faults: Fault[];
  /** Requests that arrived while their rate limit was spent (GitHub may ban an integration for them). */
  afterExhaustion: { core: number; graphql: number };
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';
const UPGRADE = {
  message: 'Upgrade to GitHub Pro or make this repository public to enable this feature.',
  documentation_url: DOCS,
  status: '403',
};

export async function startFakeGithub(org: FakeOrg, options: FakeOptions): Promise<FakeGithub> {
  const prefix = options.prefix ?? '';
  const requests: string[] = [];
  const apiVersions: string[] = [];
  const faults = (options.faults ?? []).map((f) => ({ ...f }));
  const resetSeconds = options.resetSeconds ?? 3600;
  const buckets = {
    core: { limit: options.rateLimit ?? 5000, used: 0 },
    graphql: { limit: options.graphqlRateLimit ?? 5000, used: 0 },
  };
  let reset = Math.floor(Date.now() / 1000) + resetSeconds;
  const afterExhaustion = { core: 0, graphql: 0 };
  // GHES serves GraphQL at /api/graphql next to /api/v3; api.github.com at /graphql.
  const graphqlPath = prefix ? prefix.replace(/\/v3$/, '/graphql') : '/graphql';
  const rateHeaders = (resource: 'core' | 'graphql') => {
    const b = buckets[resource];
    return {
      'x-ratelimit-limit': String(b.limit),
      'x-ratelimit-remaining': String(Math.max(0, b.limit - b.used)),
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-used': String(Math.min(b.used, b.limit)),
      'x-ratelimit-resource': resource,
    };
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) || '/' : url.pathname;
    const line = `${req.method} ${path}${url.search}`;
    requests.push(line);
    const version = String(req.headers['x-github-api-version'] ?? '');
    apiVersions.push(version);
    const baseHeaders: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': version || '2022-11-28',
      'x-github-request-id': `FAKE:${requests.length}`,
    };
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { ...baseHeaders, ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    // GitHub REST API versions: "If you specify an API version that is not supported, you will receive
    // a 400 error."
    if (version && !SUPPORTED_API_VERSIONS.includes(version)) {
      send(400, {
        message: `Unsupported 'X-GitHub-Api-Version' header value: ${version}`,
        documentation_url: 'https://docs.github.com/rest/about-the-rest-api/api-versions',
        status: '400',
      });
      return;
    }
    const auth = req.headers.authorization ?? '';
    const installation = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path);
    if (req.method === 'POST' && installation && options.app) {
      const jwt = auth.replace(/^bearer\s+/i, '');
      if (!validAppJwt(jwt, options.app) || Number(installation[1]) !== options.app.installationId) {
        send(401, {
          message: 'A JSON web token could not be decoded',
          documentation_url: DOCS,
          status: '401',
        });
        return;
      }
      send(201, {
        token: options.token,
        expires_at: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        permissions: { administration: 'read', members: 'read', metadata: 'read', contents: 'read' },
        repository_selection: 'all',
      });
      return;
    }
    const presented = auth.replace(/^(token|bearer)\s+/i, '');
    if (presented !== options.token) {
      send(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
      return;
    }
    if (Date.now() / 1000 >= reset) {
      buckets.core.used = 0;
      buckets.graphql.used = 0;
      reset = Math.floor(Date.now() / 1000) + resetSeconds;
    }
    // GET /rate_limit: "Accessing this endpoint does not count against your REST API rate limit."
    // (https://docs.github.com/en/rest/rate-limit/rate-limit)
    if (req.method === 'GET' && path === '/rate_limit') {
      const resource = (name: 'core' | 'graphql') => ({
        limit: buckets[name].limit,
        used: Math.min(buckets[name].used, buckets[name].limit),
        remaining: Math.max(0, buckets[name].limit - buckets[name].used),
        reset,
      });
      send(200, {
        resources: { core: resource('core'), graphql: resource('graphql') },
        rate: resource('core'),
      });
      return;
    }
    const resource = url.pathname === graphqlPath ? 'graphql' : 'core';
    const bucket = buckets[resource];
    const spent = bucket.used >= bucket.limit;
    if (spent) afterExhaustion[resource] += 1;
    else bucket.used += 1;
    Object.assign(baseHeaders, rateHeaders(resource));
    if (spent && resource === 'graphql') {
      // GraphQL: HTTP 200 with a RATE_LIMITED error (rate limits and query limits for the GraphQL API).
      send(200, {
        errors: [
          {
            type: 'RATE_LIMITED',
            message: 'API rate limit exceeded for user ID 1001.',
          },
        ],
      });
      return;
    }
    if (spent) {
      send(403, {
        message: `API rate limit exceeded for user ID 1001. If you reach out to GitHub Support for help, please include the request ID FAKE:${requests.length}.`,
        documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
        status: '403',
      });
      return;
    }
    const fault = faults.find((f) => f.times > 0 && f.match.test(line));
    if (fault) {
      fault.times -= 1;
      if (fault.status === 500) {
        send(500, { message: 'Server Error' });
        return;
      }
      if (fault.kind === 'denied' || fault.status === 404) {
        send(fault.status, {
          message: fault.status === 404 ? 'Not Found' : 'Resource not accessible by personal access token',
          documentation_url: DOCS,
          status: String(fault.status),
        });
        return;
      }
      if (fault.kind === 'primary') {
        send(
          fault.status,
          {
            message:
              'API rate limit exceeded for user ID 1001. If you reach out to GitHub Support for help, please include the request ID FAKE.',
            documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
            status: String(fault.status),
          },
          {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + (fault.retryAfter ?? 1)),
          },
        );
        return;
      }
      send(
        fault.status,
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE.',
          documentation_url:
            'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: String(fault.status),
        },
        fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
      );
      return;
    }
    if (req.method === 'POST' && url.pathname === graphqlPath) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
          query?: string;
          variables?: Record<string, unknown>;
        };
        answerGraphql(org, body, {
          owner: options.owner !== false,
          ...(options.graphqlSchemaWithout ? { schemaWithout: options.graphqlSchemaWithout } : {}),
        }).then(
          (answer) => send(200, answer),
          (error: unknown) => send(500, { message: String(error) }),
        );
      });
      return;
    }
    if (req.method !== 'GET') {
      send(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      return;
    }
    try {
      route(org, options, path, url, req, res, send);
    } catch (error) {
      send(500, { message: String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    apiUrl: `${base}${prefix}`,
    requests,
    apiVersions,
    faults,
    afterExhaustion,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function validAppJwt(jwt: string, app: { appId: number; publicKeyPem: string }): boolean {
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature) return false;
  const ok = verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    app.publicKeyPem,
    Buffer.from(signature, 'base64url'),
  );
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    iss?: unknown;
    exp?: number;
  };
  return ok && String(claims.iss) === String(app.appId) && (claims.exp ?? 0) * 1000 > Date.now();
}

type Send = (status: number, body: unknown, headers?: Record<string, string>) => void;

function notFound(send: Send, message = 'Not Found'): void {
  send(404, { message, documentation_url: DOCS, status: '404' });
}

/** Page-number pagination as the REST API does it: per_page (default 30, max 100), page, Link rel=next/last/prev/first. */
function pageOf<T>(items: T[], url: URL, req: IncomingMessage, send: Send): void {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (p: number, rel: string) => {
    const next = new URL(url.toString());
    next.host = req.headers.host ?? next.host;
    next.searchParams.set('page', String(p));
    return `<${next.toString()}>; rel="${rel}"`;
  };
  const links = [
    ...(page > 1 ? [link(page - 1, 'prev'), link(1, 'first')] : []),
    ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
  ];
  send(200, slice, links.length > 0 ? { link: links.join(', ') } : {});
}

/** Cursor pagination of the organization alert endpoints: per_page and `after`, Link rel=next only. */
function cursorPageOf<T>(items: T[], url: URL, req: IncomingMessage, send: Send): void {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30));
  const after = url.searchParams.get('after');
  const start = after ? Number(Buffer.from(after, 'base64url').toString('utf8').replace(/^i:/, '')) : 0;
  const slice = items.slice(start, start + perPage);
  const headers: Record<string, string> = {};
  if (start + perPage < items.length) {
    const next = new URL(url.toString());
    next.host = req.headers.host ?? next.host;
    next.searchParams.delete('page');
    next.searchParams.set('after', Buffer.from(`i:${start + perPage}`).toString('base64url'));
    headers.link = `<${next.toString()}>; rel="next"`;
  }
  send(200, slice, headers);
}

function userJson(login: string, id: number): Record<string, unknown> {
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    url: `https://api.github.com/users/${login}`,
    html_url: `https://github.com/${login}`,
    type: 'User',
    site_admin: false,
  };
}

function repoJson(org: FakeOrg, repo: FakeRepo, index: number, owner: boolean): Record<string, unknown> {
  return {
    id: 9000 + index,
    node_id: `R_${9000 + index}`,
    name: repo.name,
    full_name: `${org.login}/${repo.name}`,
    private: repo.visibility !== 'public',
    owner: { login: org.login, id: org.id, type: 'Organization' },
    html_url: `https://github.com/${org.login}/${repo.name}`,
    description: null,
    fork: false,
    url: `https://api.github.com/repos/${org.login}/${repo.name}`,
    created_at: repo.created_at ?? '2024-01-15T10:00:00Z',
    updated_at: repo.pushed_at ?? '2026-10-30T10:00:00Z',
    pushed_at: repo.pushed_at ?? '2026-10-30T10:00:00Z',
    default_branch: repo.default_branch ?? 'main',
    visibility: repo.visibility,
    archived: Boolean(repo.archived),
    disabled: false,
    permissions: { admin: owner, maintain: owner, push: true, triage: true, pull: true },
    ...(owner && repo.security_and_analysis ? { security_and_analysis: repo.security_and_analysis } : {}),
  };
}

function route(
  org: FakeOrg,
  options: FakeOptions,
  path: string,
  url: URL,
  req: IncomingMessage,
  _res: ServerResponse,
  send: Send,
): void {
  const owner = options.owner !== false;
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const q = (name: string) => url.searchParams.get(name);

  if (parts[0] === 'orgs') {
    if (parts[1]?.toLowerCase() !== org.login.toLowerCase()) return notFound(send);
    const rest = parts.slice(2).join('/');
    if (rest === '') {
      return send(200, {
        login: org.login,
        id: org.id,
        node_id: `O_${org.id}`,
        url: `https://api.github.com/orgs/${org.login}`,
        name: org.name,
        html_url: `https://github.com/${org.login}`,
        type: 'Organization',
        public_repos: org.repos.filter((r) => r.visibility === 'public').length,
        ...(owner ? org.settings : {}),
      });
    }
    if (rest === 'members') {
      const filter = q('filter') ?? 'all';
      const role = q('role') ?? 'all';
      if (filter === '2fa_disabled' && !owner) {
        return send(422, {
          message: 'Only owners can use this filter.',
          documentation_url: DOCS,
          status: '422',
        });
      }
      const list = org.members
        .filter((m) => filter !== '2fa_disabled' || !m.twoFactor)
        .filter((m) => role === 'all' || m.role === role)
        .map((m) => userJson(m.login, m.id));
      return pageOf(list, url, req, send);
    }
    if (rest === 'outside_collaborators') {
      if (!owner)
        return send(403, {
          message: 'Must be an organization owner.',
          documentation_url: DOCS,
          status: '403',
        });
      return pageOf(
        org.outsideCollaborators.map((u) => userJson(u.login, u.id)),
        url,
        req,
        send,
      );
    }
    if (rest === 'repos') {
      return pageOf(
        org.repos.map((r, i) => repoJson(org, r, i, owner)),
        url,
        req,
        send,
      );
    }
    if (rest === 'hooks') {
      if (!owner) return notFound(send);
      return pageOf(
        (org.hooks ?? []).map((h) => ({
          type: 'Organization',
          name: 'web',
          created_at: '2025-03-01T00:00:00Z',
          updated_at: '2025-03-01T00:00:00Z',
          url: `https://api.github.com/orgs/${org.login}/hooks/${h.id}`,
          ping_url: `https://api.github.com/orgs/${org.login}/hooks/${h.id}/pings`,
          deliveries_url: `https://api.github.com/orgs/${org.login}/hooks/${h.id}/deliveries`,
          ...h,
        })),
        url,
        req,
        send,
      );
    }
    if (rest === 'actions/permissions/workflow') {
      if (!owner)
        return send(403, {
          message: 'Must have admin rights to Organization.',
          documentation_url: DOCS,
          status: '403',
        });
      return send(200, {
        default_workflow_permissions: org.workflowPermissions,
        can_approve_pull_request_reviews: false,
      });
    }
    if (parts[2] === 'rulesets' && parts[3]) {
      const ruleset = org.rulesets?.[Number(parts[3])];
      if (!ruleset) return notFound(send);
      return send(200, owner ? ruleset : { ...ruleset, bypass_actors: undefined });
    }
    const alerts: Record<string, Record<string, unknown>[] | undefined> = {
      'dependabot/alerts': org.dependabotAlerts,
      'secret-scanning/alerts': org.secretScanningAlerts,
      'code-scanning/alerts': org.codeScanningAlerts,
    };
    if (rest in alerts) {
      if (options.alertsForbidden || !owner) {
        return send(403, {
          message: 'Resource not accessible by personal access token',
          documentation_url: DOCS,
          status: '403',
        });
      }
      const state = q('state');
      const hideSecret = rest === 'secret-scanning/alerts' && q('hide_secret') === 'true';
      const list = (alerts[rest] ?? [])
        .filter((a) => !state || state.split(',').includes(String(a.state)))
        .map((a) => (hideSecret ? { ...a, secret: undefined } : a));
      return cursorPageOf(list, url, req, send);
    }
    if (rest === 'audit-log') {
      if (!org.auditLog || !owner) return notFound(send);
      return pageOf(auditLogEvents(org.auditLog, q('phrase') ?? '', q('order') ?? 'desc'), url, req, send);
    }
    return notFound(send);
  }

  if (parts[0] === 'repos') {
    if (parts[1]?.toLowerCase() !== org.login.toLowerCase()) return notFound(send);
    const index = org.repos.findIndex((r) => r.name.toLowerCase() === parts[2]?.toLowerCase());
    const repo = org.repos[index];
    if (!repo) return notFound(send);
    const rest = parts.slice(3);
    const branch = repo.default_branch ?? 'main';
    const admin = () => {
      if (owner) return true;
      send(403, { message: 'Must have admin rights to Repository.', documentation_url: DOCS, status: '403' });
      return false;
    };
    if (rest[0] === 'branches' && rest[2] === 'protection' && rest.length === 3) {
      if (rest[1] !== branch || repo.empty) return notFound(send, 'Branch not found');
      if (!admin()) return;
      if (repo.protectionNeedsUpgrade) return send(403, UPGRADE);
      if (!repo.protection) {
        return send(404, {
          message: 'Branch not protected',
          documentation_url: 'https://docs.github.com/rest/branches/branch-protection#get-branch-protection',
          status: '404',
        });
      }
      return send(200, {
        url: `https://api.github.com/repos/${org.login}/${repo.name}/branches/${branch}/protection`,
        ...repo.protection,
      });
    }
    if (rest[0] === 'branches' && rest.length === 2) {
      if (rest[1] !== branch || repo.empty) return notFound(send, 'Branch not found');
      const classic = Boolean(repo.protection);
      return send(200, {
        name: branch,
        commit: {
          sha: '7fd1a60b01f91b314f59955a4e4d4e80d8edf11d',
          url: `https://api.github.com/repos/${org.login}/${repo.name}/commits/7fd1a60b01f91b314f59955a4e4d4e80d8edf11d`,
        },
        _links: {
          self: `https://api.github.com/repos/${org.login}/${repo.name}/branches/${branch}`,
          html: `https://github.com/${org.login}/${repo.name}/tree/${branch}`,
        },
        // Classic protection or any active rule (rulesets) makes a branch protected.
        protected: classic || (repo.rules ?? []).length > 0,
        protection: {
          enabled: classic,
          required_status_checks: {
            enforcement_level: classic ? 'non_admins' : 'off',
            contexts: [],
            checks: [],
          },
        },
        protection_url: `https://api.github.com/repos/${org.login}/${repo.name}/branches/${branch}/protection`,
      });
    }
    if (rest[0] === 'rules' && rest[1] === 'branches') {
      if (repo.protectionNeedsUpgrade) return send(403, UPGRADE);
      return pageOf(repo.rules ?? [], url, req, send);
    }
    if (rest[0] === 'rulesets' && rest[1]) {
      const ruleset = repo.rulesets?.[Number(rest[1])];
      if (!ruleset) return notFound(send);
      return send(200, owner ? ruleset : { ...ruleset, bypass_actors: undefined });
    }
    if (rest[0] === 'collaborators' && rest.length === 1) {
      // affiliation: outside | direct | all (default all). The fixture's collaborators are direct.
      const outside = new Set(org.outsideCollaborators.map((u) => u.login.toLowerCase()));
      const affiliation = q('affiliation') ?? 'all';
      const list = (repo.collaborators ?? [])
        .filter((c) => affiliation !== 'outside' || outside.has(c.login.toLowerCase()))
        .map((c) => ({
          ...userJson(c.login, c.id),
          role_name: c.role_name,
          permissions: {
            admin: c.role_name === 'admin',
            maintain: ['admin', 'maintain'].includes(c.role_name),
            push: ['admin', 'maintain', 'write'].includes(c.role_name),
            triage: c.role_name !== 'read',
            pull: true,
          },
        }));
      return pageOf(list, url, req, send);
    }
    if (rest[0] === 'keys' && rest.length === 1) {
      if (!admin()) return;
      return pageOf(
        (repo.keys ?? []).map((k) => ({
          ...k,
          key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyMaterial',
          verified: true,
        })),
        url,
        req,
        send,
      );
    }
    if (rest[0] === 'hooks' && rest.length === 1) {
      if (!admin()) return;
      return pageOf(
        (repo.hooks ?? []).map((h) => ({
          type: 'Repository',
          name: 'web',
          created_at: '2025-03-01T00:00:00Z',
          updated_at: '2025-03-01T00:00:00Z',
          url: `https://api.github.com/repos/${org.login}/${repo.name}/hooks/${h.id}`,
          ...h,
        })),
        url,
        req,
        send,
      );
    }
    if (rest[0] === 'contents') {
      if (repo.empty) return notFound(send, 'This repository is empty.');
      const file = rest.slice(1).join('/');
      if (!(repo.files ?? []).includes(file)) return notFound(send);
      return send(200, {
        type: 'file',
        encoding: 'base64',
        size: 24,
        name: file.split('/').pop(),
        path: file,
        content: Buffer.from('* @lumen-ledger/eng\n').toString('base64'),
        sha: '3d21ec53a331a6f037a91c368710b99387d012c1',
      });
    }
    if (rest.join('/') === 'actions/permissions/workflow') {
      if (!admin()) return;
      return send(200, {
        default_workflow_permissions: repo.workflowPermissions ?? org.workflowPermissions,
        can_approve_pull_request_reviews: false,
      });
    }
    if (rest.join('/') === 'vulnerability-alerts') {
      if (!admin()) return;
      if (repo.vulnerabilityAlerts) return send(204, undefined);
      return notFound(send);
    }
    if (rest[0] === 'pulls') return pulls(org, repo, rest.slice(1), url, req, send);
    if (rest[0] === 'commits' && rest[1] && (rest[2] === 'check-runs' || rest[2] === 'status'))
      return commitChecks(repo, rest[1], rest[2], url, req, send);
    if (rest.join('/') === 'code-scanning/default-setup') {
      const cs = repo.codeScanning ?? { defaultSetup: 'not-configured', analyses: 0 };
      if (cs === 'unavailable') {
        return send(403, {
          message: 'Code Security must be enabled for this repository to use code scanning.',
          documentation_url: DOCS,
          status: '403',
        });
      }
      return send(200, {
        state: cs.defaultSetup,
        languages: cs.defaultSetup === 'configured' ? ['javascript-typescript'] : [],
        query_suite: 'default',
        updated_at: '2026-09-01T00:00:00Z',
        schedule: cs.defaultSetup === 'configured' ? 'weekly' : null,
      });
    }
    if (rest.join('/') === 'code-scanning/analyses') {
      const cs = repo.codeScanning ?? { defaultSetup: 'not-configured', analyses: 0 };
      if (cs === 'unavailable') {
        return send(403, {
          message: 'Code Security must be enabled for this repository to use code scanning.',
          documentation_url: DOCS,
          status: '403',
        });
      }
      if (cs.analyses === 0) return notFound(send, 'no analysis found');
      const all = Array.from({ length: cs.analyses }, (_, i) => ({
        id: 100 + i,
        ref: `refs/heads/${branch}`,
        tool: { name: 'CodeQL' },
        created_at: '2026-10-01T00:00:00Z',
      }));
      return pageOf(all, url, req, send);
    }
    return notFound(send);
  }
  return notFound(send);
}

/**
 * The audit log search phrase, as far as the collector uses it: `action:NAME` and `created:FROM..TO`
 * (https://docs.github.com/organizations/keeping-your-organization-secure/managing-security-settings-for-your-organization/reviewing-the-audit-log-for-your-organization#searching-the-audit-log).
 * Events carry `@timestamp` and `created_at` in epoch milliseconds, `action`, `actor`, `user`, `org`
 * (https://docs.github.com/enterprise-cloud@latest/rest/orgs/orgs#get-the-audit-log-for-an-organization).
 */
function auditLogEvents(events: FakeAuditEvent[], phrase: string, order: string): Record<string, unknown>[] {
  const action = /(?:^|\s)action:(\S+)/.exec(phrase)?.[1];
  const created = /(?:^|\s)created:(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})/.exec(phrase);
  const list = events
    .filter((e) => !action || e.action === action)
    .filter((e) => !created || (e.at.slice(0, 10) >= created[1]! && e.at.slice(0, 10) <= created[2]!))
    .sort((a, b) => (a.at < b.at ? -1 : 1));
  if (order !== 'asc') list.reverse();
  return list.map((e) => ({
    '@timestamp': Date.parse(e.at),
    created_at: Date.parse(e.at),
    _document_id: `doc-${Date.parse(e.at)}`,
    action: e.action,
    actor: e.actor,
    ...(e.user ? { user: e.user } : {}),
    org: 'org',
  }));
}

function pullJson(org: FakeOrg, repo: FakeRepo, pull: FakePull, full: boolean): Record<string, unknown> {
  const base = `https://api.github.com/repos/${org.login}/${repo.name}`;
  const ref = (branch: string, sha: string) => ({
    label: `${org.login}:${branch}`,
    ref: branch,
    sha,
    repo: { name: repo.name, full_name: `${org.login}/${repo.name}` },
  });
  return {
    url: `${base}/pulls/${pull.number}`,
    id: 70000 + pull.number,
    html_url: `https://github.com/${org.login}/${repo.name}/pull/${pull.number}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userJson(pull.author, 5000 + pull.author.length),
    body: null,
    created_at: pull.created_at,
    updated_at: pull.updated_at,
    closed_at: pull.state === 'closed' ? (pull.merged_at ?? pull.updated_at) : null,
    merged_at: pull.merged_at ?? null,
    merge_commit_sha: pull.merged_at ? `m${pull.head_sha.slice(1)}` : null,
    head: ref(`feature-${pull.number}`, pull.head_sha),
    base: ref(pull.base ?? repo.default_branch ?? 'main', '0000000000000000000000000000000000000000'),
    draft: false,
    // The list omits these; the single pull request has them (GET /repos/{o}/{r}/pulls/{n}).
    ...(full
      ? {
          merged: Boolean(pull.merged_at),
          merged_by: pull.merged_by ? userJson(pull.merged_by, 5000 + pull.merged_by.length) : null,
          mergeable: null,
          comments: 0,
          review_comments: 0,
          commits: 1,
          additions: 1,
          deletions: 0,
          changed_files: 1,
        }
      : {}),
  };
}

/**
 * GET /repos/{o}/{r}/pulls (state open|closed|all, default open; base; sort created|updated|popularity|
 * long-running, default created; direction default desc), /pulls/{n}, /pulls/{n}/reviews
 * (https://docs.github.com/rest/pulls/pulls#list-pull-requests, https://docs.github.com/rest/pulls/reviews).
 */
function pulls(
  org: FakeOrg,
  repo: FakeRepo,
  rest: string[],
  url: URL,
  req: IncomingMessage,
  send: Send,
): void {
  const all = repo.pulls ?? [];
  if (rest.length === 0) {
    const state = url.searchParams.get('state') ?? 'open';
    const base = url.searchParams.get('base');
    const sort = url.searchParams.get('sort') ?? 'created';
    const key = sort === 'updated' ? 'updated_at' : 'created_at';
    const asc = (url.searchParams.get('direction') ?? 'desc') === 'asc';
    const list = all
      .filter((p) => state === 'all' || p.state === state)
      .filter((p) => !base || (p.base ?? repo.default_branch ?? 'main') === base)
      .sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0) * (asc ? 1 : -1))
      .map((p) => pullJson(org, repo, p, false));
    return pageOf(list, url, req, send);
  }
  const pull = all.find((p) => p.number === Number(rest[0]));
  if (!pull) return notFound(send);
  if (rest.length === 1) return send(200, pullJson(org, repo, pull, true));
  if (rest[1] === 'reviews' && rest.length === 2) {
    return pageOf(
      (pull.reviews ?? []).map((r, i) => ({
        id: 80000 + i,
        user: userJson(r.user, 5000 + r.user.length),
        body: '',
        state: r.state,
        html_url: `https://github.com/${org.login}/${repo.name}/pull/${pull.number}#pullrequestreview-${80000 + i}`,
        submitted_at: r.submitted_at,
        commit_id: pull.head_sha,
        author_association: 'MEMBER',
      })),
      url,
      req,
      send,
    );
  }
  return notFound(send);
}

/**
 * GET /repos/{o}/{r}/commits/{ref}/check-runs ({ total_count, check_runs }, paged) and
 * /commits/{ref}/status ({ state, statuses, sha, total_count })
 * (https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference,
 * https://docs.github.com/rest/commits/statuses#get-the-combined-status-for-a-specific-reference).
 */
function commitChecks(
  repo: FakeRepo,
  ref: string,
  what: string,
  url: URL,
  req: IncomingMessage,
  send: Send,
): void {
  const pull = (repo.pulls ?? []).find((p) => p.head_sha === ref);
  if (what === 'status') {
    const statuses = (pull?.statuses ?? []).map((s, i) => ({
      id: 90000 + i,
      state: s.state,
      context: s.context,
      description: null,
      target_url: null,
      created_at: pull!.updated_at,
      updated_at: pull!.updated_at,
    }));
    const state = statuses.some((s) => s.state === 'failure' || s.state === 'error')
      ? 'failure'
      : statuses.every((s) => s.state === 'success') && statuses.length > 0
        ? 'success'
        : 'pending';
    return send(200, {
      state,
      statuses,
      sha: ref,
      total_count: statuses.length,
      repository: { name: repo.name },
    });
  }
  const runs = (pull?.checkRuns ?? []).map((r, i) => ({
    id: 95000 + i,
    head_sha: ref,
    name: r.name,
    status: r.conclusion === null ? 'in_progress' : 'completed',
    conclusion: r.conclusion,
    started_at: pull!.created_at,
    completed_at: r.conclusion === null ? null : pull!.updated_at,
    app: { slug: 'github-actions' },
  }));
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
  const slice = runs.slice((page - 1) * perPage, page * perPage);
  const headers: Record<string, string> = {};
  if (page * perPage < runs.length) {
    const next = new URL(url.toString());
    next.host = req.headers.host ?? next.host;
    next.searchParams.set('page', String(page + 1));
    headers.link = `<${next.toString()}>; rel="next"`;
  }
  send(200, { total_count: runs.length, check_runs: slice }, headers);
}
