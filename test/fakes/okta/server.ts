import { randomUUID, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local Okta Management API with the read calls soc2 makes, built from Okta's documentation:
 * - Users https://developer.okta.com/docs/api/openapi/okta-management/management/tag/User/#tag/User/operation/listUsers
 *   (`limit` at most 200, `after` cursor, `Link: <...>; rel="next"`; DEPROVISIONED users only with a filter),
 * - UserFactor .../tag/UserFactor/#tag/UserFactor/operation/listFactors (an array, no paging),
 * - RoleAssignmentAUser .../tag/RoleAssignmentAUser/ (`/api/v1/iam/assignees/users`: `{ value, _links.next }`,
 *   `limit` default 100; `/api/v1/users/{id}/roles`: an array),
 * - Policy .../tag/Policy/#tag/Policy/operation/listPolicies (`type` required) and listPolicyRules,
 * - Application .../tag/Application/ (`limit` at most 200) and ApplicationUsers (`limit` at most 500),
 * - errors https://developer.okta.com/docs/reference/error-codes/ `{ errorCode, errorSummary, errorLink, errorId,
 *   errorCauses }`, rate limits https://developer.okta.com/docs/reference/rl-best-practices/ (X-Rate-Limit-Limit,
 *   -Remaining, -Reset in UTC epoch seconds; 429 E0000047),
 * - OAuth for service apps https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/
 *   (client credentials with a private_key_jwt assertion at /oauth2/v1/token).
 */

export type Json = Record<string, unknown>;

export interface FakeOrg {
  users: Json[];
  /** By user id. */
  factors: Record<string, Json[]>;
  /** By user id: the roles of each user holding one. */
  roles: Record<string, Json[]>;
  /** Policies with their rules under `rules` (served by the rules endpoint, not in the policy). */
  policies: (Json & { rules: Json[] })[];
  apps: Json[];
  /** By app id: its app users (`id` is the Okta user id). */
  appUsers: Record<string, Json[]>;
}

/** Which calls answer 403 E0000006, as for a token whose admin lacks the permission. */
export type Area = 'users' | 'factors' | 'roles' | 'policies' | 'apps' | 'appUsers';

export interface FakeOptions {
  /** The API token accepted as `SSWS <token>`. */
  token?: string;
  /** The most items a page holds whatever `limit` asks (small, to exercise paging). */
  pageSize?: number;
  denied?: Area[];
  /** Only these user or app ids are denied in `denied` areas keyed by one (factors, appUsers). */
  deniedKeys?: string[];
  /** Paths (pathname, exact) answering 429 E0000047 this many times before letting requests through. */
  rateLimited?: Record<string, number>;
  /**
   * A Classic Engine org: no app authentication policies, so `type=ACCESS_POLICY` is an invalid type
   * (answered 400 E0000001, as the API does for a type the org does not have).
   */
  classicEngine?: boolean;
  /** A service app allowed to get tokens: its client id, public key and granted scopes. */
  oauth?: { clientId: string; publicKey: KeyObject; scopes: string[] };
}

export interface RecordedRequest {
  path: string;
  query: Record<string, string>;
  status: number;
  at: number;
  authorization: string;
}

export interface FakeOkta {
  orgUrl: string;
  requests: RecordedRequest[];
  /** Requests to a rate-limited bucket that arrived before its X-Rate-Limit-Reset. */
  early: RecordedRequest[];
  close(): Promise<void>;
}

const MAX_LIMIT: Record<Area, number> = {
  users: 200,
  factors: 0,
  roles: 100,
  policies: 0,
  apps: 200,
  appUsers: 500,
};
const SCOPE: Record<Area, string> = {
  users: 'okta.users.read',
  factors: 'okta.factors.read',
  roles: 'okta.roles.read',
  policies: 'okta.policies.read',
  apps: 'okta.apps.read',
  appUsers: 'okta.apps.read',
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const oktaError = (errorCode: string, errorSummary: string) => ({
  errorCode,
  errorSummary,
  errorLink: errorCode,
  errorId: `oae${randomUUID().replaceAll('-', '').slice(0, 19)}`,
  errorCauses: [],
});

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Checks a private_key_jwt client assertion: signature, issuer, subject, audience and expiry. */
function validAssertion(jwt: string, clientId: string, audience: string, key: KeyObject): boolean {
  const [header, claims, signature] = jwt.split('.');
  if (!header || !claims || !signature) return false;
  const alg = (JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string }).alg;
  const ok = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key,
    Buffer.from(signature, 'base64url'),
  );
  const c = JSON.parse(Buffer.from(claims, 'base64url').toString()) as Json;
  return (
    ok && c.iss === clientId && c.sub === clientId && c.aud === audience && Number(c.exp) > Date.now() / 1000
  );
}

export async function startFakeOkta(org: FakeOrg, options: FakeOptions = {}): Promise<FakeOkta> {
  const requests: RecordedRequest[] = [];
  const early: RecordedRequest[] = [];
  const rateLimited = new Map(Object.entries(options.rateLimited ?? {}));
  const resetAt = new Map<string, number>();
  const accessTokens = new Map<string, string[]>();
  let origin = '';

  const page = (
    req: URL,
    items: Json[],
    area: Area,
    res: ServerResponse,
    key = (item: Json) => String(item.id),
  ) => {
    const asked = Number(req.searchParams.get('limit') ?? MAX_LIMIT[area]);
    const size = Math.min(asked, MAX_LIMIT[area], options.pageSize ?? Infinity);
    const after = req.searchParams.get('after');
    const start = after ? items.findIndex((item) => key(item) === after) + 1 : 0;
    const slice = items.slice(start, start + size);
    const links = [`<${origin}${req.pathname}${req.search}>; rel="self"`];
    if (start + size < items.length) {
      const next = new URL(req.href);
      next.searchParams.set('after', key(slice.at(-1)!));
      next.searchParams.set('limit', String(size));
      links.push(`<${origin}${next.pathname}${next.search}>; rel="next"`);
    }
    send(res, 200, slice, { link: links.join(', ') });
  };

  const route = (
    url: URL,
  ): { area: Area; answer: (res: ServerResponse) => void; key?: string } | undefined => {
    const parts = url.pathname.split('/').filter(Boolean);
    if (url.pathname === '/api/v1/users') {
      return {
        area: 'users',
        answer: (res) => {
          const filter = url.searchParams.get('filter');
          const match = filter ? /^status eq "([A-Z_]+)"$/.exec(filter) : null;
          if (filter && !match) return send(res, 400, oktaError('E0000031', 'Invalid search criteria.'));
          const users = match
            ? org.users.filter((u) => u.status === match[1])
            : org.users.filter((u) => u.status !== 'DEPROVISIONED');
          page(url, users, 'users', res);
        },
      };
    }
    if (parts.length === 5 && parts[2] === 'users' && parts[4] === 'factors') {
      const id = parts[3]!;
      return { area: 'factors', key: id, answer: (res) => send(res, 200, org.factors[id] ?? []) };
    }
    if (parts.length === 5 && parts[2] === 'users' && parts[4] === 'roles') {
      const id = parts[3]!;
      return { area: 'roles', key: id, answer: (res) => send(res, 200, org.roles[id] ?? []) };
    }
    if (url.pathname === '/api/v1/iam/assignees/users') {
      return {
        area: 'roles',
        answer: (res) => {
          const ids = Object.keys(org.roles).filter((id) => org.roles[id]!.length > 0);
          const size = Math.min(
            Number(url.searchParams.get('limit') ?? 100),
            100,
            options.pageSize ?? Infinity,
          );
          const after = url.searchParams.get('after');
          const start = after ? ids.indexOf(after) + 1 : 0;
          const slice = ids.slice(start, start + size);
          const next =
            start + size < ids.length
              ? `${origin}${url.pathname}?after=${slice.at(-1)}&limit=${size}`
              : undefined;
          send(res, 200, {
            value: slice.map((id) => ({ id, orn: `orn:okta:directory:00o1:users:${id}`, _links: {} })),
            _links: next ? { next: { href: next } } : {},
          });
        },
      };
    }
    if (url.pathname === '/api/v1/policies') {
      return {
        area: 'policies',
        answer: (res) => {
          const type = url.searchParams.get('type');
          if (!type || (type === 'ACCESS_POLICY' && options.classicEngine))
            return send(res, 400, oktaError('E0000001', 'Api validation failed: type'));
          send(
            res,
            200,
            org.policies.filter((p) => p.type === type).map(({ rules: _rules, ...policy }) => policy),
          );
        },
      };
    }
    if (parts.length === 5 && parts[2] === 'policies' && parts[4] === 'rules') {
      const policy = org.policies.find((p) => p.id === parts[3]);
      return {
        area: 'policies',
        answer: (res) =>
          policy
            ? send(res, 200, policy.rules)
            : send(res, 404, oktaError('E0000007', `Not found: Resource not found: ${parts[3]} (Policy)`)),
      };
    }
    if (url.pathname === '/api/v1/apps')
      return { area: 'apps', answer: (res) => page(url, org.apps, 'apps', res) };
    if (parts.length === 5 && parts[2] === 'apps' && parts[4] === 'users') {
      const id = parts[3]!;
      return {
        area: 'appUsers',
        key: id,
        answer: (res) => page(url, org.appUsers[id] ?? [], 'appUsers', res),
      };
    }
    return undefined;
  };

  const authorized = (authorization: string, area: Area): 'ok' | 'invalid' | 'scope' => {
    if (options.token && authorization === `SSWS ${options.token}`) return 'ok';
    const bearer = /^Bearer (.+)$/.exec(authorization)?.[1];
    const scopes = bearer ? accessTokens.get(bearer) : undefined;
    if (!scopes) return 'invalid';
    return scopes.includes(SCOPE[area]) ? 'ok' : 'scope';
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      const authorization = req.headers.authorization ?? '';
      const record = (status: number) => {
        const entry = {
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          status,
          at: Date.now(),
          authorization,
        };
        requests.push(entry);
        return entry;
      };
      if (req.method === 'POST' && url.pathname === '/oauth2/v1/token') {
        const form = new URLSearchParams(await readBody(req));
        const oauth = options.oauth;
        const assertion = form.get('client_assertion') ?? '';
        if (
          !oauth ||
          form.get('grant_type') !== 'client_credentials' ||
          form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' ||
          !validAssertion(assertion, oauth.clientId, `${origin}/oauth2/v1/token`, oauth.publicKey)
        ) {
          record(401);
          return send(res, 401, {
            error: 'invalid_client',
            error_description: 'The client_assertion token is invalid.',
          });
        }
        const asked = (form.get('scope') ?? '').split(' ').filter(Boolean);
        if (asked.some((s) => !oauth.scopes.includes(s))) {
          record(400);
          return send(res, 400, {
            error: 'invalid_scope',
            error_description: 'The following scopes are not allowed: ...',
          });
        }
        const token = `eyJ.fake-access-token.${randomUUID()}`;
        accessTokens.set(token, asked);
        record(200);
        return send(res, 200, {
          token_type: 'Bearer',
          expires_in: 3600,
          access_token: token,
          scope: asked.join(' '),
        });
      }
      const found = req.method === 'GET' ? route(url) : undefined;
      if (!found) {
        record(404);
        return send(
          res,
          404,
          oktaError('E0000022', `The endpoint does not support the provided HTTP method`),
        );
      }
      const now = Date.now();
      const bucketReset = resetAt.get(url.pathname);
      const remaining = rateLimited.get(url.pathname) ?? 0;
      if (bucketReset !== undefined && now < bucketReset * 1000) early.push(record(429));
      const headers = {
        'x-rate-limit-limit': '600',
        'x-rate-limit-remaining': remaining > 0 ? '0' : '599',
        'x-rate-limit-reset': String(bucketReset ?? Math.floor(now / 1000) + 60),
      };
      if (remaining > 0 || (bucketReset !== undefined && now < bucketReset * 1000)) {
        if (remaining > 0) {
          rateLimited.set(url.pathname, remaining - 1);
          const reset = Math.floor(now / 1000) + 1;
          resetAt.set(url.pathname, reset);
          headers['x-rate-limit-reset'] = String(reset);
          record(429);
        }
        return send(
          res,
          429,
          oktaError('E0000047', 'API call exceeded rate limit due to too many requests.'),
          headers,
        );
      }
      const auth = authorized(authorization, found.area);
      if (auth === 'invalid') {
        record(401);
        return send(res, 401, oktaError('E0000011', 'Invalid token provided'), headers);
      }
      const denied =
        auth === 'scope' ||
        (options.denied?.includes(found.area) &&
          (!found.key || !options.deniedKeys || options.deniedKeys.includes(found.key)));
      if (denied) {
        record(403);
        return send(
          res,
          403,
          oktaError('E0000006', 'You do not have permission to perform the requested action'),
          headers,
        );
      }
      record(200);
      res.setHeader('x-rate-limit-limit', headers['x-rate-limit-limit']);
      res.setHeader('x-rate-limit-remaining', headers['x-rate-limit-remaining']);
      res.setHeader('x-rate-limit-reset', headers['x-rate-limit-reset']);
      found.answer(res);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    orgUrl: origin,
    requests,
    early,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
