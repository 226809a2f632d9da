import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local Admin SDK (Directory v1 + Reports v1) speaking Google's JSON: list envelopes with `kind`,
 * `nextPageToken` pagination, and errors shaped {"error":{"code","message","errors":[{"reason"}],"status"}}.
 * Reached through providers.google.rootUrl with a bearer token; only the read calls soc2 makes exist.
 */

export type Json = Record<string, unknown>;

export interface FakeTenant {
  users: Json[];
  roles: Json[];
  roleAssignments: Json[];
  /** Keyed by user id or primary email. */
  tokens: Record<string, Json[]>;
  groups: Json[];
  /** Keyed by group id or email. */
  members: Record<string, Json[]>;
  domains: Json[];
  /** Reports API login activities. */
  loginActivities: Json[];
  /** Reports API admin activities (applicationName=admin), e.g. SUSPEND_USER with USER_EMAIL. */
  adminActivities?: Json[];
  /** asps.list items keyed by user id or primary email. */
  asps?: Record<string, Json[]>;
  /** orgunits.list organizationUnits, the root included (type=allIncludingParent). */
  orgUnits?: Json[];
  mobileDevices?: Json[];
  /** Cloud Identity v1 inboundSsoAssignments, inboundSamlSsoProfiles and policies. */
  ssoAssignments?: Json[];
  ssoProfiles?: Json[];
  policies?: Json[];
}

/** Which kinds of calls answer 403 insufficientPermissions, as when a scope was not granted. */
export type Area =
  | 'users'
  | 'roles'
  | 'roleassignments'
  | 'tokens'
  | 'groups'
  | 'members'
  | 'domains'
  | 'reports'
  | 'asps'
  | 'orgunits'
  | 'mobiledevices'
  | 'ssoassignments'
  | 'ssoprofiles'
  | 'policies';

/** Areas served by the Cloud Identity API, whose errors carry no `errors[]` (https://cloud.google.com/apis/design/errors). */
const CLOUD_IDENTITY: ReadonlySet<Area> = new Set(['ssoassignments', 'ssoprofiles', 'policies']);

export interface Fault {
  area: Area;
  status: number;
  reason: string;
  /**
   * Only requests for this user or group (tokens, members): its id or email, as the path names it or as
   * the tenant knows it. Faults are tried in order, so two for one key answer one after the other.
   */
  key?: string;
  /** How many times to answer with this fault before letting requests through (default 1; Infinity: always). */
  times?: number;
}

export interface FakeOptions {
  token?: string;
  /** The most items a page holds, whatever maxResults asks (Google may also return fewer). */
  maxPageSize?: Partial<Record<Area, number>>;
  denied?: Area[];
  faults?: Fault[];
  /**
   * Scopes domain-wide delegation grants at the OAuth token endpoint (POST /token, JWT bearer grant);
   * asking for any other answers 401 unauthorized_client, as Google does.
   */
  delegatedScopes?: string[];
  /**
   * The per-minute query quota, time-scaled: at most `perWindow` requests in any `windowMs`, more are
   * answered 429 rateLimitExceeded. Directory API: "2,400 queries per minute per user per Google Cloud
   * project" (https://developers.google.com/admin-sdk/directory/v1/limits).
   */
  quota?: { perWindow: number; windowMs: number };
}

export interface TokenRequest {
  iss: string;
  sub?: string;
  scope: string;
}

export interface RecordedRequest {
  method: string;
  area: Area | 'unknown';
  path: string;
  query: Record<string, string>;
  status: number;
}

export interface FakeGoogle {
  rootUrl: string;
  requests: RecordedRequest[];
  tokenRequests: TokenRequest[];
  /** Requests refused because the quota window was full. */
  quotaRefusals: number;
  close(): Promise<void>;
}

const LIMITS: Record<Area, number> = {
  users: 500,
  roles: 100,
  roleassignments: 200,
  tokens: Infinity,
  groups: 200,
  members: 200,
  domains: Infinity,
  reports: 1000,
  asps: Infinity,
  orgunits: Infinity,
  mobiledevices: 100,
  ssoassignments: 100,
  ssoprofiles: 100,
  policies: 100,
};

const STATUS_TEXT: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** Google's messages for each reason, as its error bodies carry them (Directory API troubleshooting pages). */
const MESSAGES: Record<string, string> = {
  insufficientPermissions: 'Request had insufficient authentication scopes.',
  forbidden: 'Not Authorized to access this resource/api',
  badRequest: 'Bad Request',
  authError:
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
  rateLimitExceeded: 'Rate Limit Exceeded',
  userRateLimitExceeded: "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user'",
  quotaExceeded: 'Quota exceeded',
  backendError: 'Backend Error',
  notFound: 'Resource Not Found: userKey',
  PERMISSION_DENIED: 'The caller does not have permission',
};

function sendError(res: ServerResponse, code: number, reason: string, area?: Area): void {
  const message = MESSAGES[reason] ?? reason;
  const domain =
    reason.endsWith('LimitExceeded') || reason === 'accessNotConfigured' ? 'usageLimits' : 'global';
  const modern = area !== undefined && CLOUD_IDENTITY.has(area);
  const body = {
    error: {
      code,
      message,
      // The Cloud Identity API answers in the newer format: status and details, no errors[].
      ...(modern
        ? {}
        : {
            errors: [
              {
                message,
                domain,
                reason,
                ...(reason === 'authError' ? { location: 'Authorization', locationType: 'header' } : {}),
              },
            ],
          }),
      status: STATUS_TEXT[code] ?? 'UNKNOWN',
      ...(reason === 'insufficientPermissions'
        ? {
            details: [
              {
                '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
                reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
                domain: 'googleapis.com',
                metadata: {
                  service: modern ? 'cloudidentity.googleapis.com' : 'admin.googleapis.com',
                  method: 'fake',
                },
              },
            ],
          }
        : {}),
    },
  };
  res.writeHead(code, {
    'content-type': 'application/json; charset=UTF-8',
    ...(code === 401
      ? { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' }
      : {}),
  });
  res.end(JSON.stringify(body));
}

/** Splits a `fields=` list at the commas outside parentheses. */
function splitFields(fields: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < fields.length; i++) {
    if (fields[i] === '(') depth++;
    else if (fields[i] === ')') depth--;
    else if (fields[i] === ',' && depth === 0) {
      out.push(fields.slice(start, i));
      start = i + 1;
    }
  }
  out.push(fields.slice(start));
  return out.map((f) => f.trim()).filter(Boolean);
}

/**
 * Google's partial response (https://developers.google.com/workspace/admin/directory/v1/guides/performance#partial-response):
 * only the listed fields come back, `a/b` selects a sub-field, `a(b,c)` sub-fields of each item. A field
 * not listed, nextPageToken included, is dropped.
 */
export function partialResponse(value: unknown, fields: string): unknown {
  if (Array.isArray(value)) return value.map((item) => partialResponse(item, fields));
  if (!value || typeof value !== 'object') return value;
  const source = value as Json;
  const out: Json = {};
  for (const field of splitFields(fields)) {
    const paren = field.indexOf('(');
    const slash = field.indexOf('/');
    if (paren > 0 && (slash < 0 || paren < slash)) {
      const key = field.slice(0, paren);
      if (key in source) out[key] = partialResponse(source[key], field.slice(paren + 1, -1));
    } else if (slash > 0) {
      const key = field.slice(0, slash);
      if (key in source) {
        const picked = partialResponse(source[key], field.slice(slash + 1)) as Json;
        out[key] = { ...((out[key] as Json | undefined) ?? {}), ...picked };
      }
    } else if (field in source) out[field] = source[field];
  }
  return out;
}

function sendJson(res: ServerResponse, body: unknown, fields?: string): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(fields ? partialResponse(body, fields) : body));
}

/** One page of `items`: pageToken is the offset, as opaque to the client as Google's. */
function page(items: Json[], area: Area, query: Record<string, string>, options: FakeOptions) {
  const asked = query.maxResults ?? query.pageSize;
  const requested = asked ? Number(asked) : 100;
  const size = Math.min(requested, LIMITS[area], options.maxPageSize?.[area] ?? Infinity);
  const start = query.pageToken ? Number(Buffer.from(query.pageToken, 'base64url').toString()) : 0;
  const slice = items.slice(start, start + size);
  const next =
    start + size < items.length ? Buffer.from(String(start + size)).toString('base64url') : undefined;
  return { slice, next };
}

function route(path: string): { area: Area; params: string[] } | undefined {
  const patterns: [Area, RegExp][] = [
    ['users', /^\/admin\/directory\/v1\/users$/],
    ['tokens', /^\/admin\/directory\/v1\/users\/([^/]+)\/tokens$/],
    ['roles', /^\/admin\/directory\/v1\/customer\/([^/]+)\/roles$/],
    ['roleassignments', /^\/admin\/directory\/v1\/customer\/([^/]+)\/roleassignments$/],
    ['domains', /^\/admin\/directory\/v1\/customer\/([^/]+)\/domains$/],
    ['groups', /^\/admin\/directory\/v1\/groups$/],
    ['members', /^\/admin\/directory\/v1\/groups\/([^/]+)\/members$/],
    ['reports', /^\/admin\/reports\/v1\/activity\/users\/([^/]+)\/applications\/([^/]+)$/],
    ['asps', /^\/admin\/directory\/v1\/users\/([^/]+)\/asps$/],
    ['orgunits', /^\/admin\/directory\/v1\/customer\/([^/]+)\/orgunits$/],
    ['mobiledevices', /^\/admin\/directory\/v1\/customer\/([^/]+)\/devices\/mobile$/],
    ['ssoassignments', /^\/v1\/inboundSsoAssignments$/],
    ['ssoprofiles', /^\/v1\/inboundSamlSsoProfiles$/],
    ['policies', /^\/v1\/policies$/],
  ];
  for (const [area, re] of patterns) {
    const m = re.exec(path);
    if (m) return { area, params: m.slice(1).map(decodeURIComponent) };
  }
  return undefined;
}

export async function startFakeGoogle(tenant: FakeTenant, options: FakeOptions = {}): Promise<FakeGoogle> {
  const token = options.token ?? 'test-token';
  const requests: RecordedRequest[] = [];
  /** Start times of the requests in the current quota window. */
  const recent: number[] = [];
  const fakeState = { quotaRefusals: 0 };
  const faults = (options.faults ?? []).map((f) => ({ ...f, left: f.times ?? 1 }));

  const tokenRequests: TokenRequest[] = [];
  /** The id and email of the user or group a path names. */
  const namesOf = (area: Area, key: string | undefined): string[] => {
    const list =
      area === 'tokens' || area === 'asps' ? tenant.users : area === 'members' ? tenant.groups : [];
    const found = list.find((x) => x.id === key || x.primaryEmail === key || x.email === key);
    return [key, found?.id, found?.primaryEmail, found?.email].filter(
      (x): x is string => typeof x === 'string',
    );
  };

  /** The OAuth token endpoint for the JWT bearer grant a service account uses. */
  const handleToken = (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const assertion = form.get('assertion') ?? '';
      const claims = JSON.parse(
        Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString() || '{}',
      ) as TokenRequest;
      tokenRequests.push({ iss: claims.iss, sub: claims.sub, scope: claims.scope });
      const scopes = String(claims.scope ?? '').split(' ');
      const allowed = options.delegatedScopes;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer' || !claims.iss) {
        res.writeHead(400);
        return res.end(JSON.stringify({ error: 'invalid_grant', error_description: 'Invalid JWT' }));
      }
      if (allowed && !scopes.every((x) => allowed.includes(x))) {
        res.writeHead(401);
        return res.end(
          JSON.stringify({
            error: 'unauthorized_client',
            error_description:
              'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
          }),
        );
      }
      res.writeHead(200);
      res.end(JSON.stringify({ access_token: token, expires_in: 3599, token_type: 'Bearer' }));
    });
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method === 'POST' && url.pathname === '/token') return handleToken(req, res);
    const query = Object.fromEntries(url.searchParams);
    const matched = route(url.pathname);
    const record = (status: number) =>
      requests.push({
        method: req.method ?? 'GET',
        area: matched?.area ?? 'unknown',
        path: url.pathname,
        query,
        status,
      });

    if (req.headers.authorization !== `Bearer ${token}`) {
      record(401);
      return sendError(res, 401, 'authError');
    }
    if (options.quota) {
      const { perWindow, windowMs } = options.quota;
      const now = Date.now();
      while (recent.length > 0 && recent[0]! <= now - windowMs) recent.shift();
      if (recent.length >= perWindow) {
        fakeState.quotaRefusals++;
        record(429);
        return sendError(res, 429, 'rateLimitExceeded');
      }
      recent.push(now);
    }
    if (!matched || req.method !== 'GET') {
      record(404);
      return sendError(res, 404, 'notFound');
    }
    const { area, params } = matched;
    if (options.denied?.includes(area)) {
      record(403);
      return sendError(res, 403, 'insufficientPermissions', area);
    }
    const fault = faults.find(
      (f) =>
        f.area === area && f.left > 0 && (f.key === undefined || namesOf(area, params[0]).includes(f.key)),
    );
    if (fault) {
      fault.left--;
      record(fault.status);
      return sendError(res, fault.status, fault.reason, area);
    }
    record(200);
    /** One page of a Directory list, honouring `fields=` as Google does. */
    const sendPage = (kind: string, listName: string, items: Json[]) => {
      const { slice, next } = page(items, area, query, options);
      const body = { kind, etag: '"fake"', [listName]: slice, ...(next ? { nextPageToken: next } : {}) };
      sendJson(res, body, query.fields);
    };

    switch (area) {
      case 'users': {
        if (!query.customer && !query.domain) return sendError(res, 400, 'Bad Request');
        return sendPage('admin#directory#users', 'users', tenant.users);
      }
      case 'roles': {
        const { slice, next } = page(tenant.roles, area, query, options);
        return sendJson(res, {
          kind: 'admin#directory#roles',
          etag: '"fake"',
          items: slice,
          ...(next ? { nextPageToken: next } : {}),
        });
      }
      case 'roleassignments': {
        const { slice, next } = page(tenant.roleAssignments, area, query, options);
        return sendJson(res, {
          kind: 'admin#directory#roleAssignments',
          etag: '"fake"',
          items: slice,
          ...(next ? { nextPageToken: next } : {}),
        });
      }
      case 'tokens': {
        const key = params[0]!;
        const user = tenant.users.find((u) => u.id === key || u.primaryEmail === key);
        if (!user) return sendError(res, 404, 'notFound');
        const items = tenant.tokens[String(user.id)] ?? tenant.tokens[String(user.primaryEmail)] ?? [];
        return sendJson(res, { kind: 'admin#directory#tokenList', etag: '"fake"', items });
      }
      case 'groups': {
        const { slice, next } = page(tenant.groups, area, query, options);
        return sendJson(res, {
          kind: 'admin#directory#groups',
          etag: '"fake"',
          groups: slice,
          ...(next ? { nextPageToken: next } : {}),
        });
      }
      case 'members': {
        const key = params[0]!;
        const group = tenant.groups.find((g) => g.id === key || g.email === key);
        if (!group) return sendError(res, 404, 'notFound');
        const all = tenant.members[String(group.id)] ?? tenant.members[String(group.email)] ?? [];
        const { slice, next } = page(all, area, query, options);
        return sendJson(res, {
          kind: 'admin#directory#members',
          etag: '"fake"',
          members: slice,
          ...(next ? { nextPageToken: next } : {}),
        });
      }
      case 'domains':
        return sendJson(res, {
          kind: 'admin#directory#domainsList',
          etag: '"fake"',
          domains: tenant.domains,
        });
      case 'reports': {
        const [userKey, application] = params;
        const start = query.startTime ? Date.parse(query.startTime) : 0;
        const end = query.endTime ? Date.parse(query.endTime) : Infinity;
        const items = [...tenant.loginActivities, ...(tenant.adminActivities ?? [])].filter((a) => {
          const id = a.id as { time: string; applicationName: string };
          const actor = a.actor as { email?: string };
          const events = a.events as { name: string }[];
          return (
            id.applicationName === application &&
            (userKey === 'all' || actor.email === userKey) &&
            Date.parse(id.time) >= start &&
            Date.parse(id.time) <= end &&
            (!query.eventName || events.some((e) => e.name === query.eventName))
          );
        });
        const { slice, next } = page(items, area, query, options);
        return sendJson(res, {
          kind: 'admin#reports#activities',
          etag: '"fake"',
          items: slice,
          ...(next ? { nextPageToken: next } : {}),
        });
      }
      case 'asps': {
        const key = params[0]!;
        const user = tenant.users.find((u) => u.id === key || u.primaryEmail === key);
        if (!user) return sendError(res, 404, 'notFound');
        const items = tenant.asps?.[String(user.id)] ?? tenant.asps?.[String(user.primaryEmail)] ?? [];
        return sendJson(res, { kind: 'admin#directory#asps', etag: '"fake"', items });
      }
      case 'orgunits': {
        // type=allIncludingParent includes the root; all (the default) leaves it out.
        const units = (tenant.orgUnits ?? []).filter(
          (o) => query.type === 'allIncludingParent' || o.orgUnitPath !== '/',
        );
        return sendJson(res, { kind: 'admin#directory#org_units', etag: '"fake"', organizationUnits: units });
      }
      case 'mobiledevices': {
        return sendPage('admin#directory#mobiledevices', 'mobiledevices', tenant.mobileDevices ?? []);
      }
      case 'ssoassignments':
      case 'ssoprofiles':
      case 'policies': {
        // Cloud Identity list filters (https://cloud.google.com/identity/docs/reference/rest/v1/policies/list):
        // the customer clause is required here, and policies may narrow by setting.type.matches('<regex>').
        const filter = query.filter ?? '';
        if (!/customer\s*==\s*"customers\/[^"]+"/.test(filter))
          return sendError(res, 400, 'INVALID_ARGUMENT', area);
        let items =
          area === 'ssoassignments'
            ? (tenant.ssoAssignments ?? [])
            : area === 'ssoprofiles'
              ? (tenant.ssoProfiles ?? [])
              : (tenant.policies ?? []);
        const matches = /setting\.type\.matches\('([^']*)'\)/.exec(filter);
        if (area === 'policies' && matches) {
          const re = new RegExp(matches[1]!.replace(/\\\\/g, '\\'));
          items = items.filter((p) => re.test(String((p.setting as Json | undefined)?.type ?? '')));
        }
        const { slice, next } = page(items, area, query, options);
        const listName =
          area === 'ssoassignments'
            ? 'inboundSsoAssignments'
            : area === 'ssoprofiles'
              ? 'inboundSamlSsoProfiles'
              : 'policies';
        return sendJson(res, { [listName]: slice, ...(next ? { nextPageToken: next } : {}) });
      }
    }
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    requests,
    tokenRequests,
    get quotaRefusals() {
      return fakeState.quotaRefusals;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
