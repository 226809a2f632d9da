/**
 * A local Microsoft identity platform token endpoint and Microsoft Graph v1.0, over HTTPS (MSAL accepts
 * no other authority), built from the documented wire formats:
 *
 * - OpenID configuration and the client credentials grant (client secret or certificate assertion):
 *   https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow,
 *   https://learn.microsoft.com/entra/identity-platform/certificate-credentials (errors: `{ error,
 *   error_description: "AADSTS7000215: ...", error_codes }`).
 * - Graph: `{ "@odata.context", value, "@odata.nextLink" }` pages capped by `$top`
 *   (https://learn.microsoft.com/graph/paging), `$select`, `$expand=principal`, errors as
 *   `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`
 *   (https://learn.microsoft.com/graph/errors), 429 with Retry-After
 *   (https://learn.microsoft.com/graph/throttling), 403 Authorization_RequestDenied for a permission the
 *   app lacks, 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant for signInActivity without
 *   Entra ID P1 (https://learn.microsoft.com/graph/api/resources/signinactivity), 400
 *   AadPremiumLicenseRequired for PIM without P2.
 */
import { constants, createVerify, randomUUID, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

const TLS_DIR = new URL('./tls/', import.meta.url);
export const FAKE_CA = readFileSync(new URL('server-cert.pem', TLS_DIR), 'utf8');
/** The app registration's certificate and private key (PEM), for ClientCertificateCredential. */
export const APP_CERTIFICATE_FILE = new URL('app.pem', TLS_DIR).pathname;

export type Json = Record<string, unknown>;

export interface FakeTenant {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Entra ID P1 (conditional access, signInActivity) and P2 (PIM). */
  licences: { p1: boolean; p2: boolean };
  /** Application permissions consented for the app (the token's roles). */
  permissions: string[];
  users: (Json & { id: string; signInActivity?: Json })[];
  registration: Json[];
  roleDefinitions: Json[];
  roleAssignments: Json[];
  roleEligibilitySchedules: Json[];
  groupMembers: Record<string, string[]>;
  conditionalAccessPolicies: Json[];
  securityDefaults: { isEnabled: boolean };
}

export interface FakeOptions {
  /** Largest page per collection path (after /v1.0), e.g. `{ '/users': 3 }`; 100 otherwise. */
  maxPageSize?: Record<string, number>;
  /** Answer the first `times` requests of a path with 429 and this Retry-After (seconds). */
  throttle?: { path: string; times: number; retryAfter: number };
  /** Ready-made access tokens Graph accepts (as MSGRAPH_ACCESS_TOKEN would be), with the tenant's permissions. */
  acceptTokens?: string[];
  /** Answer every request of a path with this status and Graph error code. */
  fail?: { path: string; status: number; code: string; message: string };
}

export interface FakeEntra {
  graphUrl: string;
  authorityHost: string;
  /** Every request: method, path (query included), and the Authorization and ConsistencyLevel headers. */
  requests: { method: string; path: string; authorization?: string; consistency?: string }[];
  tokensIssued: number;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

function graphError(res: ServerResponse, status: number, code: string, message: string, headers = {}) {
  const id = randomUUID();
  json(
    res,
    status,
    {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().slice(0, 19),
          'request-id': id,
          'client-request-id': id,
        },
      },
    },
    { 'request-id': id, ...headers },
  );
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A client assertion (RFC 7523) signed with the app certificate's key, for the token endpoint. */
function validAssertion(assertion: string, clientId: string, audience: string): boolean {
  const [head, payload, signature] = assertion.split('.');
  if (!head || !payload || !signature) return false;
  const cert = new X509Certificate(readFileSync(APP_CERTIFICATE_FILE));
  const header = JSON.parse(Buffer.from(head, 'base64url').toString()) as {
    alg?: string;
    x5t?: string;
    'x5t#S256'?: string;
  };
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
    iss?: string;
    sub?: string;
    aud?: string;
    exp?: number;
  };
  if (header.alg !== 'RS256' && header.alg !== 'PS256') return false;
  const verify = createVerify('RSA-SHA256').update(`${head}.${payload}`);
  const key =
    header.alg === 'PS256'
      ? { key: cert.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }
      : cert.publicKey;
  return (
    verify.verify(key, Buffer.from(signature, 'base64url')) &&
    claims.iss === clientId &&
    claims.sub === clientId &&
    claims.aud === audience &&
    (claims.exp ?? 0) * 1000 > Date.now()
  );
}

/** The permission each Graph path needs (least privileged application permission, from each API's page). */
function permissionFor(path: string, select: string[]): string | undefined {
  if (path === '/users') return select.includes('signInActivity') ? 'AuditLog.Read.All' : 'User.Read.All';
  if (path === '/reports/authenticationMethods/userRegistrationDetails') return 'AuditLog.Read.All';
  if (path.startsWith('/roleManagement/directory/roleEligibilitySchedules'))
    return 'RoleEligibilitySchedule.Read.Directory';
  if (path.startsWith('/roleManagement/directory/')) return 'RoleManagement.Read.Directory';
  if (path.startsWith('/groups/')) return 'GroupMember.Read.All';
  if (path.startsWith('/identity/conditionalAccess/') || path.startsWith('/policies/'))
    return 'Policy.Read.All';
  return undefined;
}

/** Permissions that include another (RoleManagement.Read.Directory reads eligibility schedules too). */
const IMPLIED: Record<string, string[]> = {
  'RoleEligibilitySchedule.Read.Directory': ['RoleManagement.Read.Directory'],
  'User.Read.All': ['Directory.Read.All'],
  'GroupMember.Read.All': ['Directory.Read.All'],
  'RoleManagement.Read.Directory': ['Directory.Read.All'],
};

const project = (item: Json, select: string[]): Json =>
  select.length === 0
    ? item
    : Object.fromEntries(
        Object.entries(item).filter(([k]) => k === 'id' || k === '@odata.type' || select.includes(k)),
      );

export async function startFakeEntra(tenant: FakeTenant, options: FakeOptions = {}): Promise<FakeEntra> {
  const tokens = new Map<string, string[]>((options.acceptTokens ?? []).map((t) => [t, tenant.permissions]));
  const pages = new Map<
    string,
    { items: Json[]; context: string; path: string; top: number; offset: number }
  >();
  const throttled = new Map<string, number>();
  const requests: FakeEntra['requests'] = [];
  let origin = '';
  let tokensIssued = 0;

  const byId = (id: string): Json | undefined => {
    const user = tenant.users.find((u) => u.id === id);
    if (user)
      return {
        '@odata.type': '#microsoft.graph.user',
        id,
        userPrincipalName: user.userPrincipalName,
        displayName: user.displayName,
        accountEnabled: user.accountEnabled,
      };
    const group = tenant.roleAssignments
      .map((a) => a.principal as Json | undefined)
      .find((p) => p?.id === id);
    return group;
  };

  function collection(path: string, select: string[], expand: string | null): Json[] | undefined {
    const withPrincipal = (list: Json[]) =>
      list.map((a) =>
        expand === 'principal' ? { ...a, principal: a.principal ?? byId(String(a.principalId)) ?? null } : a,
      );
    switch (path) {
      case '/users':
        return tenant.users.map((u) => {
          const { signInActivity, ...rest } = u;
          return project(
            select.includes('signInActivity') ? { ...rest, signInActivity: signInActivity ?? null } : rest,
            select,
          );
        });
      case '/reports/authenticationMethods/userRegistrationDetails':
        return tenant.registration.map((r) => project(r, select));
      case '/roleManagement/directory/roleDefinitions':
        return tenant.roleDefinitions.map((r) => project(r, select));
      case '/roleManagement/directory/roleAssignments':
        return withPrincipal(tenant.roleAssignments.map(({ principal: _, ...a }) => a));
      case '/roleManagement/directory/roleEligibilitySchedules':
        return withPrincipal(tenant.roleEligibilitySchedules);
      case '/identity/conditionalAccess/policies':
        return tenant.conditionalAccessPolicies;
    }
    const members = /^\/groups\/([^/]+)\/transitiveMembers\/microsoft\.graph\.user$/.exec(path);
    if (members) {
      const ids = tenant.groupMembers[decodeURIComponent(members[1]!)];
      return ids?.map((id) => project(byId(id)!, select));
    }
    return undefined;
  }

  function page(res: ServerResponse, key: string) {
    const state = pages.get(key)!;
    const items = state.items.slice(state.offset, state.offset + state.top);
    const next = state.offset + state.top < state.items.length;
    let nextLink: string | undefined;
    if (next) {
      const token = randomUUID();
      pages.set(token, { ...state, offset: state.offset + state.top });
      nextLink = `${origin}/v1.0${state.path}?$skiptoken=${token}`;
    }
    json(res, 200, {
      '@odata.context': state.context,
      value: items,
      ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    });
  }

  async function token(req: IncomingMessage, res: ServerResponse, tenantId: string) {
    const form = new URLSearchParams(await body(req));
    const endpoint = `${origin}/${tenantId}/oauth2/v2.0/token`;
    const aadError = (status: number, error: string, code: number, description: string) =>
      json(res, status, {
        error,
        error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${randomUUID()}\r\nCorrelation ID: ${randomUUID()}\r\nTimestamp: ${new Date().toISOString()}`,
        error_codes: [code],
        timestamp: new Date().toISOString(),
        trace_id: randomUUID(),
        correlation_id: randomUUID(),
      });
    if (tenantId !== tenant.tenantId)
      return aadError(400, 'invalid_request', 90002, `Tenant '${tenantId}' not found.`);
    if (form.get('grant_type') !== 'client_credentials')
      return aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    if (form.get('client_id') !== tenant.clientId)
      return aadError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${form.get('client_id')}' was not found in the directory.`,
      );
    const assertion = form.get('client_assertion');
    const ok = assertion
      ? form.get('client_assertion_type') === 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' &&
        validAssertion(assertion, tenant.clientId, endpoint)
      : form.get('client_secret') === tenant.clientSecret;
    if (!ok)
      return assertion
        ? aadError(
            401,
            'invalid_client',
            700027,
            'The certificate with identifier used to sign the client assertion is not registered on application.',
          )
        : aadError(
            401,
            'invalid_client',
            7000215,
            `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${tenant.clientId}'.`,
          );
    if (!/\/\.default$/.test(form.get('scope') ?? ''))
      return aadError(
        400,
        'invalid_scope',
        1002012,
        'The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.',
      );
    const accessToken = `fake.${randomUUID()}`;
    tokens.set(accessToken, tenant.permissions);
    tokensIssued++;
    json(res, 200, {
      token_type: 'Bearer',
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: accessToken,
    });
  }

  const server = createServer(
    { key: readFileSync(new URL('server-key.pem', TLS_DIR)), cert: FAKE_CA },
    (req, res) => {
      void (async () => {
        const url = new URL(req.url ?? '/', origin);
        requests.push({
          method: req.method ?? 'GET',
          path: url.pathname + url.search,
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
          ...(req.headers.consistencylevel ? { consistency: String(req.headers.consistencylevel) } : {}),
        });
        const openid = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname);
        if (openid) {
          const t = openid[1]!;
          return json(res, 200, {
            token_endpoint: `${origin}/${t}/oauth2/v2.0/token`,
            token_endpoint_auth_methods_supported: [
              'client_secret_post',
              'private_key_jwt',
              'client_secret_basic',
            ],
            jwks_uri: `${origin}/${t}/discovery/v2.0/keys`,
            response_modes_supported: ['query', 'fragment', 'form_post'],
            subject_types_supported: ['pairwise'],
            id_token_signing_alg_values_supported: ['RS256'],
            response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
            scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
            issuer: `${origin}/${t}/v2.0`,
            request_uri_parameter_supported: false,
            userinfo_endpoint: `${origin}/oidc/userinfo`,
            authorization_endpoint: `${origin}/${t}/oauth2/v2.0/authorize`,
            device_authorization_endpoint: `${origin}/${t}/oauth2/v2.0/devicecode`,
            http_logout_supported: true,
            frontchannel_logout_supported: true,
            end_session_endpoint: `${origin}/${t}/oauth2/v2.0/logout`,
            claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat'],
            tenant_region_scope: 'EU',
            cloud_instance_name: 'microsoftonline.com',
            cloud_graph_host_name: 'graph.windows.net',
            msgraph_host: 'graph.microsoft.com',
          });
        }
        const tokenPath = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
        if (tokenPath && req.method === 'POST') return token(req, res, tokenPath[1]!);
        if (!url.pathname.startsWith('/v1.0/'))
          return graphError(res, 404, 'BadRequest', `Resource not found for the segment '${url.pathname}'.`);

        const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        const granted = bearer ? tokens.get(bearer) : undefined;
        if (!granted)
          return graphError(
            res,
            401,
            'InvalidAuthenticationToken',
            bearer ? 'Access token validation failure. Invalid audience.' : 'Access token is empty.',
          );
        const path = url.pathname.slice('/v1.0'.length);
        const throttle = options.throttle;
        if (throttle && path === throttle.path && (throttled.get(path) ?? 0) < throttle.times) {
          throttled.set(path, (throttled.get(path) ?? 0) + 1);
          return graphError(res, 429, 'TooManyRequests', 'Too many requests.', {
            'Retry-After': String(throttle.retryAfter),
          });
        }
        if (options.fail && path === options.fail.path)
          return graphError(res, options.fail.status, options.fail.code, options.fail.message);

        const skiptoken = url.searchParams.get('$skiptoken');
        if (skiptoken) {
          if (!pages.has(skiptoken))
            return graphError(
              res,
              400,
              'Directory_ExpiredPageToken',
              'The specified page token value has expired and can no longer be included in your request.',
            );
          return page(res, skiptoken);
        }
        const select = (url.searchParams.get('$select') ?? '').split(',').filter(Boolean);
        const permission = permissionFor(path, select);
        if (
          permission &&
          !granted.includes(permission) &&
          !(IMPLIED[permission] ?? []).some((p) => granted.includes(p))
        )
          return graphError(
            res,
            403,
            'Authorization_RequestDenied',
            'Insufficient privileges to complete the operation.',
          );
        if (path === '/users' && select.includes('signInActivity') && !tenant.licences.p1)
          return graphError(
            res,
            403,
            'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
            "Neither tenant is B2C or tenant doesn't have premium license",
          );
        if (path === '/identity/conditionalAccess/policies' && !tenant.licences.p1)
          return graphError(
            res,
            403,
            'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
            "Neither tenant is B2C or tenant doesn't have premium license",
          );
        if (path === '/roleManagement/directory/roleEligibilitySchedules' && !tenant.licences.p2)
          return graphError(
            res,
            400,
            'AadPremiumLicenseRequired',
            'The tenant needs to have Microsoft Entra ID P2 or Microsoft Entra ID Governance license.',
          );
        if (path === '/policies/identitySecurityDefaultsEnforcementPolicy')
          return json(res, 200, {
            '@odata.context': `${origin}/v1.0/$metadata#policies/identitySecurityDefaultsEnforcementPolicy/$entity`,
            id: '00000000-0000-0000-0000-000000000005',
            displayName: 'Security Defaults',
            description:
              'Security defaults is a set of basic identity security mechanisms recommended by Microsoft.',
            isEnabled: tenant.securityDefaults.isEnabled,
          });
        const items = collection(path, select, url.searchParams.get('$expand'));
        if (!items)
          return graphError(
            res,
            404,
            'Request_ResourceNotFound',
            `Resource '${path}' does not exist or one of its queried reference-property objects are not present.`,
          );
        const requested = Number(url.searchParams.get('$top') ?? 100);
        const cap = options.maxPageSize?.[path] ?? 100;
        if (!Number.isInteger(requested) || requested < 1 || requested > 999)
          return graphError(
            res,
            400,
            'Request_UnsupportedQuery',
            `Invalid page size specified: '${url.searchParams.get('$top')}'. Must be between 1 and 999 inclusive.`,
          );
        const key = randomUUID();
        pages.set(key, {
          items,
          context: `${origin}/v1.0/$metadata#${path.slice(1)}`,
          path,
          top: Math.min(requested, cap),
          offset: 0,
        });
        return page(res, key);
      })().catch((error: unknown) => graphError(res, 500, 'generalException', String(error)));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    graphUrl: origin,
    authorityHost: origin,
    requests,
    get tokensIssued() {
      return tokensIssued;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
