import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../core/config.js';
import { classify, errorFacts, GoogleApiError, GoogleDeniedError, missingIn } from './google-errors.js';
import type { GoogleConfig } from './settings.js';
import { detectGoogle } from './provider.js';
import { ALL_SCOPES, SCOPES } from './scopes.js';
import { createGoogleSession } from './session.js';

const withGoogle = (google?: GoogleConfig): Config => ({
  ...defaultConfig(),
  providers: google ? { google } : {},
});

describe('detectGoogle', () => {
  const empty = mkdtempSync(join(tmpdir(), 'soc2-google-'));
  it('is configured by an access token in the environment', () => {
    expect(detectGoogle(withGoogle(), { GOOGLE_OAUTH_ACCESS_TOKEN: 'x' })).toEqual({ configured: true });
  });
  it('is configured by a key file with a subject', () => {
    expect(detectGoogle(withGoogle({ credentials: '/k.json', subject: 'admin@example.com' }), {})).toEqual({
      configured: true,
    });
  });
  it('explains that a key file needs a subject', () => {
    const d = detectGoogle(withGoogle({ credentials: '/k.json' }), { HOME: empty });
    expect(d).toMatchObject({ configured: false, reason: expect.stringMatching(/subject/) });
  });
  it('is configured by GOOGLE_APPLICATION_CREDENTIALS', () => {
    expect(detectGoogle(withGoogle(), { GOOGLE_APPLICATION_CREDENTIALS: '/adc.json' }).configured).toBe(true);
  });
  it("uses gcloud's ADC file only when the config names Google Workspace", () => {
    const home = mkdtempSync(join(tmpdir(), 'soc2-gcloud-'));
    const file = join(home, 'application_default_credentials.json');
    writeFileSync(file, '{}');
    expect(detectGoogle(withGoogle(), { CLOUDSDK_CONFIG: home }).configured).toBe(false);
    expect(detectGoogle(withGoogle({ customer: 'my_customer' }), { CLOUDSDK_CONFIG: home }).configured).toBe(
      true,
    );
  });
  it('says how to configure it otherwise', () => {
    const d = detectGoogle(withGoogle(), { HOME: empty });
    expect(d).toMatchObject({
      configured: false,
      reason: expect.stringMatching(
        /GOOGLE_OAUTH_ACCESS_TOKEN.*GOOGLE_APPLICATION_CREDENTIALS.*docs\/google.md/,
      ),
    });
    expect(d).not.toHaveProperty('requested', true);
  });
  it('a providers.google block without credentials is requested: the scan is incomplete, not skipped', () => {
    const d = detectGoogle(withGoogle({ customer: 'my_customer', domain: 'acme.example' }), { HOME: empty });
    expect(d).toMatchObject({
      configured: false,
      requested: true,
      reason: expect.stringMatching(/^no Google/),
    });
    expect(detectGoogle(withGoogle({ credentials: '/k.json' }), { HOME: empty })).toMatchObject({
      requested: true,
    });
  });
});

const gaxiosError = (status: number, data: unknown, headers?: Record<string, string>) => ({
  status,
  response: { status, data, headers: new Headers(headers ?? {}) },
});
const googleError = (code: number, reason: string, message = 'm') => ({
  error: { code, message, errors: [{ reason, domain: 'global', message }], status: 'X' },
});

describe('classify', () => {
  const verdict = (status: number, body: unknown) => classify(errorFacts(gaxiosError(status, body)));

  it.each([
    [429, 'rateLimitExceeded'],
    [403, 'userRateLimitExceeded'],
    [403, 'rateLimitExceeded'],
    [403, 'quotaExceeded'],
  ])('retries %i %s as throttling', (status, reason) => {
    expect(verdict(status, googleError(status, reason))).toMatchObject({
      retry: true,
      denied: false,
      cause: { kind: 'throttled', status, code: reason },
    });
  });
  it.each([500, 503])('retries %i as unavailable', (status) => {
    expect(verdict(status, googleError(status, 'backendError'))).toMatchObject({
      retry: true,
      cause: { kind: 'unavailable', status, code: 'backendError' },
    });
  });
  it('retries a quota answer whose reason is only in details[] (ErrorInfo)', () => {
    const body = {
      error: {
        code: 403,
        message: 'Quota exceeded',
        status: 'PERMISSION_DENIED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'RATE_LIMIT_EXCEEDED' }],
      },
    };
    expect(verdict(403, body)).toMatchObject({
      retry: true,
      denied: false,
      cause: { kind: 'throttled', code: 'RATE_LIMIT_EXCEEDED' },
    });
  });
  it('does not retry dailyLimitExceeded, and does not call it a denial', () => {
    expect(verdict(403, googleError(403, 'dailyLimitExceeded', 'Daily Limit Exceeded'))).toMatchObject({
      retry: false,
      denied: false,
      cause: { kind: 'throttled', status: 403, code: 'dailyLimitExceeded', message: 'Daily Limit Exceeded' },
    });
  });
  it.each([
    ['a missing scope', 403, googleError(403, 'insufficientPermissions'), 'insufficientPermissions', 'scope'],
    [
      'a missing scope (ErrorInfo only)',
      403,
      {
        error: {
          code: 403,
          message: 'scope',
          status: 'PERMISSION_DENIED',
          details: [{ reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' }],
        },
      },
      'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
      'scope',
    ],
    [
      'a scope not delegated (token endpoint)',
      401,
      { error: 'unauthorized_client', error_description: 'Client is unauthorized to retrieve access tokens' },
      'unauthorized_client',
      'scope',
    ],
    ['the API turned off', 403, googleError(403, 'accessNotConfigured'), 'accessNotConfigured', 'api'],
    [
      'an account not allowed to read the resource',
      403,
      googleError(403, 'forbidden', 'Not Authorized to access this resource/api'),
      'forbidden',
      'role',
    ],
    [
      'a refusal that names nothing',
      403,
      googleError(403, 'PERMISSION_DENIED'),
      'PERMISSION_DENIED',
      undefined,
    ],
  ])('denies %s without retrying, saying what is missing', (_name, status, body, code, missing) => {
    const v = verdict(status, body);
    expect(v).toMatchObject({ retry: false, denied: true, cause: { kind: 'permission', status, code } });
    expect(missingIn(v.cause)).toBe(missing);
  });
  it.each([
    [400, 'badRequest', 'invalid'],
    [401, 'authError', 'permission'],
    [404, 'notFound', 'not_found'],
  ])('fails %i %s as %s without retrying or skipping', (status, reason, kind) => {
    expect(verdict(status, googleError(status, reason))).toMatchObject({
      retry: false,
      denied: false,
      cause: { kind, status, code: reason },
    });
  });
  it('reads the body when gaxios left it as text, and Retry-After', () => {
    const facts = errorFacts(
      gaxiosError(429, JSON.stringify(googleError(429, 'rateLimitExceeded')), { 'retry-after': '3' }),
    );
    expect(facts).toMatchObject({ status: 429, reasons: ['rateLimitExceeded', 'X'], retryAfterMs: 3000 });
  });
  it('retries connection resets and fails other errors without an answer', () => {
    expect(classify(errorFacts({ code: 'ECONNRESET', message: 'socket hang up' }))).toMatchObject({
      retry: true,
      cause: { kind: 'network', code: 'ECONNRESET', message: 'socket hang up' },
    });
    expect(classify(errorFacts(new Error('boom')))).toEqual({
      retry: false,
      denied: false,
      cause: { kind: 'other', message: 'boom' },
    });
  });
});

describe('createGoogleSession', () => {
  const signal = new AbortController().signal;
  it('builds a service-account client per scope with domain-wide delegation subject', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-key-'));
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyFile = join(dir, 'key.json');
    writeFileSync(
      keyFile,
      JSON.stringify({
        type: 'service_account',
        client_email: 'soc2@acme.iam.gserviceaccount.com',
        client_id: '1234567890',
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }),
        private_key_id: 'abc',
      }),
    );
    const session = createGoogleSession(
      withGoogle({ credentials: keyFile, subject: 'admin@acme.example' }),
      {},
      signal,
    );
    expect(session.authMode).toBe('service-account');
    expect(session.customer).toBe('my_customer');
    const auth = (
      session.directory(SCOPES.users) as unknown as {
        context: { _options: { auth: { getClient(): Promise<unknown> } } };
      }
    ).context._options.auth;
    const client = (await auth.getClient()) as { subject?: string; scopes?: string[]; email?: string };
    expect(client).toMatchObject({
      subject: 'admin@acme.example',
      email: 'soc2@acme.iam.gserviceaccount.com',
    });
    expect(client.scopes).toEqual([SCOPES.users]);
  });
  it('names the key file, never its content, when it is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-key-'));
    const keyFile = join(dir, 'key.json');
    writeFileSync(keyFile, '-----BEGIN PRIVATE KEY-----\nsecretstuff');
    expect(() =>
      createGoogleSession(withGoogle({ credentials: keyFile, subject: 'a@b.c' }), {}, signal),
    ).toThrow(/^providers.google.credentials: .*key.json is not a JSON key file$/);
  });
  it('asks only for read-only scopes', () => {
    for (const scope of ALL_SCOPES) expect(scope).toMatch(/\.readonly$|admin\.directory\.user\.security$/);
  });
});

describe('GoogleSession.call', () => {
  const session = () =>
    createGoogleSession(
      withGoogle({}),
      { GOOGLE_OAUTH_ACCESS_TOKEN: 'secret-token' },
      new AbortController().signal,
      {
        attempts: 3,
        baseDelayMs: 1,
        maxDelayMs: 2,
      },
    );
  const refused = (s: ReturnType<typeof session>, body: unknown) =>
    s
      .call('Directory users.list', SCOPES.users, () => Promise.reject(gaxiosError(403, body)))
      .catch((e: unknown) => e) as Promise<GoogleDeniedError>;

  it('says the acting account needs an admin role, not a scope, when Google answers forbidden', async () => {
    const error = await refused(
      session(),
      googleError(403, 'forbidden', 'Not Authorized to access this resource/api'),
    );
    expect(error).toBeInstanceOf(GoogleDeniedError);
    expect(error.message).toBe(
      "Directory users.list was denied (403 forbidden: Not Authorized to access this resource/api): the scope is not what is missing: the access token's account is not allowed to read this data and needs an admin role with the privilege to read it",
    );
    expect(error.failure).toEqual({
      kind: 'permission',
      status: 403,
      code: 'forbidden',
      message: 'Not Authorized to access this resource/api',
    });
  });
  it('names the scope to grant only when the answer says a scope is missing', async () => {
    const error = await refused(
      session(),
      googleError(403, 'insufficientPermissions', 'Insufficient scopes'),
    );
    expect(error.message).toMatch(
      /\(403 insufficientPermissions: Insufficient scopes\): grant the read-only scope https:\/\/www.googleapis.com\/auth\/admin.directory.user.readonly to the GOOGLE_OAUTH_ACCESS_TOKEN$/,
    );
    const other = await refused(session(), googleError(403, 'PERMISSION_DENIED', 'Denied'));
    expect(other.message).toBe('Directory users.list was denied (403 PERMISSION_DENIED: Denied)');
  });
  it('names the Cloud Identity API when it is turned off, and the super admin need of the Policy API', async () => {
    const s = session();
    const off = (await s
      .call('Cloud Identity inboundSsoAssignments.list', SCOPES.sso, () =>
        Promise.reject(gaxiosError(403, googleError(403, 'accessNotConfigured'))),
      )
      .catch((e: unknown) => e)) as GoogleDeniedError;
    expect(off.message).toMatch(/enable the Cloud Identity API in the credentials' Google Cloud project/);
    // The Policy API refuses callers who are not super admins with a bare PERMISSION_DENIED
    // (https://cloud.google.com/identity/docs/concepts/overview-policies: only super admins may use it).
    const bare = {
      error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' },
    };
    const policies = (await s
      .call('Cloud Identity policies.list', SCOPES.policies, () => Promise.reject(gaxiosError(403, bare)))
      .catch((e: unknown) => e)) as GoogleDeniedError;
    expect(policies.message).toBe(
      "Cloud Identity policies.list was denied (403 PERMISSION_DENIED: The caller does not have permission): the Cloud Identity Policy API answers super admins only: the access token's account must be one",
    );
  });
  it('asks again after a per-resource refusal, but not after a missing scope', async () => {
    for (const [reason, requests] of [
      ['forbidden', 2],
      ['insufficientPermissions', 1],
    ] as const) {
      const s = session();
      await refused(s, googleError(403, reason));
      await refused(s, googleError(403, reason));
      expect(s.stats.requests, reason).toBe(requests);
    }
  });
  it('classifies a 404 that follows a 503 from the final answer', async () => {
    const s = session();
    const answers = [
      gaxiosError(503, googleError(503, 'backendError', 'Backend Error')),
      gaxiosError(404, googleError(404, 'notFound', 'Resource Not Found: userKey')),
    ];
    const error = (await s
      .call('Directory tokens.list', SCOPES.tokens, () => Promise.reject(answers.shift()))
      .catch((e: unknown) => e)) as GoogleApiError;
    expect(error).toBeInstanceOf(GoogleApiError);
    expect(error.message).toBe(
      'Directory tokens.list failed after 2 attempts: 404 notFound: Resource Not Found: userKey',
    );
    expect(error.failure).toEqual({
      kind: 'not_found',
      status: 404,
      code: 'notFound',
      message: 'Resource Not Found: userKey',
    });
    expect(s.stats).toEqual({ requests: 2, retries: 1, throttled: 0 });
  });
  it('stops after the configured attempts and counts retries', async () => {
    const s = session();
    let calls = 0;
    const error = (await s
      .call('Directory users.list', SCOPES.users, () => {
        calls++;
        return Promise.reject(gaxiosError(503, googleError(503, 'backendError', 'Backend Error')));
      })
      .catch((e: unknown) => e)) as Error;
    expect(calls).toBe(3);
    expect(error.message).toBe(
      'Directory users.list failed after 3 attempts: 503 backendError: Backend Error',
    );
    expect(s.stats).toEqual({ requests: 3, retries: 2, throttled: 0 });
  });
  it('stops waiting when the scan is interrupted', async () => {
    const controller = new AbortController();
    const s = createGoogleSession(withGoogle({}), { GOOGLE_OAUTH_ACCESS_TOKEN: 't' }, controller.signal, {
      attempts: 5,
      baseDelayMs: 60_000,
      maxDelayMs: 60_000,
    });
    const pending = s.call('Directory users.list', SCOPES.users, () =>
      Promise.reject(gaxiosError(429, googleError(429, 'rateLimitExceeded'))),
    );
    setTimeout(() => controller.abort('SIGINT'), 10);
    await expect(pending).rejects.toBe('SIGINT');
    expect(s.stats.requests).toBe(1);
  });
});
