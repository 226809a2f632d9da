import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../core/config.js';
import { classify, errorFacts } from './google-errors.js';
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
  it.each([
    [429, 'rateLimitExceeded'],
    [403, 'userRateLimitExceeded'],
    [403, 'rateLimitExceeded'],
    [403, 'quotaExceeded'],
    [500, 'backendError'],
    [503, 'backendError'],
  ])('retries %i %s', (status, reason) => {
    expect(classify(errorFacts(gaxiosError(status, googleError(status, reason)))).action).toBe('retry');
  });
  it.each([
    [403, googleError(403, 'insufficientPermissions')],
    [403, googleError(403, 'forbidden', 'Not Authorized to access this resource/api')],
    [
      403,
      {
        error: {
          code: 403,
          message: 'scope',
          status: 'PERMISSION_DENIED',
          details: [{ reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' }],
        },
      },
    ],
    [
      401,
      { error: 'unauthorized_client', error_description: 'Client is unauthorized to retrieve access tokens' },
    ],
  ])('skips a %i permission answer', (status, body) => {
    expect(classify(errorFacts(gaxiosError(status, body))).action).toBe('skip');
  });
  it('fails on 401, 400 and 404 without retrying', () => {
    for (const status of [400, 401, 404])
      expect(classify(errorFacts(gaxiosError(status, googleError(status, 'x')))).action).toBe('fail');
  });
  it('reads the body when gaxios left it as text, and Retry-After', () => {
    const facts = errorFacts(
      gaxiosError(429, JSON.stringify(googleError(429, 'rateLimitExceeded')), { 'retry-after': '3' }),
    );
    expect(facts).toMatchObject({ status: 429, reason: 'rateLimitExceeded', retryAfterMs: 3000 });
  });
  it('retries connection resets and fails other errors without an answer', () => {
    expect(classify(errorFacts({ code: 'ECONNRESET', message: 'socket hang up' })).action).toBe('retry');
    expect(classify(errorFacts(new Error('boom')))).toEqual({ action: 'fail', why: 'boom' });
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
  it('says the acting account needs an admin role when Google answers "Not Authorized"', async () => {
    const s = session();
    const error = (await s
      .call('Directory users.list', SCOPES.users, () =>
        Promise.reject(
          gaxiosError(403, googleError(403, 'forbidden', 'Not Authorized to access this resource/api')),
        ),
      )
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(
      /admin.directory.user.readonly to the GOOGLE_OAUTH_ACCESS_TOKEN; the account it acts as also needs an admin role/,
    );
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
