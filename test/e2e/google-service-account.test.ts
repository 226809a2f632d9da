import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loginEventsCollector, usersCollector } from '../../src/collectors/google/collectors.js';
import { SCOPES, type Scope } from '../../src/collectors/google/scopes.js';
import { createGoogleSession, type GoogleSession } from '../../src/collectors/google/session.js';
import type { CollectContext } from '../../src/engine/collector.js';
import { defaultConfig } from '../../src/core/config.js';
import { SkipError } from '../../src/engine/errors.js';
import { lumenLedgerTenant } from '../fakes/google/lumen-ledger.js';
import { startFakeGoogle, type FakeGoogle } from '../fakes/google/server.js';

/**
 * The service-account path end to end: a real key, the JWT bearer grant signed by google-auth-library,
 * the delegation subject and one scope per token request. google-auth-library hard-codes its token URL,
 * so the test points the auth client's own HTTP transport at the fake with a request interceptor.
 */

let fake: FakeGoogle | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function keyFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-sa-'));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const file = join(dir, 'key.json');
  writeFileSync(
    file,
    JSON.stringify({
      type: 'service_account',
      project_id: 'lumen-soc2',
      private_key_id: '0123abcd',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }),
      client_email: 'soc2-scanner@lumen-soc2.iam.gserviceaccount.com',
      client_id: '104918273645019283746',
      token_uri: 'https://oauth2.googleapis.com/token',
    }),
  );
  return file;
}

interface Transported {
  transporter: {
    interceptors: { request: { add(i: { resolved: (o: { url: URL | string }) => Promise<unknown> }): void } };
  };
}

async function redirectTokenEndpoint(session: GoogleSession, scope: Scope, tokenUrl: string): Promise<void> {
  const auth = (
    session.directory(scope) as unknown as {
      context: { _options: { auth: { getClient(): Promise<Transported> } } };
    }
  ).context._options.auth;
  const client = await auth.getClient();
  client.transporter.interceptors.request.add({
    resolved: async (options) => {
      if (String(options.url).startsWith('https://oauth2.googleapis.com/token'))
        options.url = new URL(tokenUrl);
      return options;
    },
  });
}

function context(session: GoogleSession): CollectContext<GoogleSession> {
  return {
    config: defaultConfig(),
    env: {},
    signal: new AbortController().signal,
    session,
    need: () => Promise.reject(new Error('not needed')),
    limit: (task) => task(),
    progress: () => undefined,
    itemReady: () => undefined,
  };
}

describe('Google Workspace with a service account key and domain-wide delegation', () => {
  it('signs a JWT per scope with the subject, exchanges it, and lists users with the token', async () => {
    fake = await startFakeGoogle(lumenLedgerTenant(new Date()), { delegatedScopes: [SCOPES.users] });
    const config = {
      ...defaultConfig(),
      providers: {
        google: {
          credentials: keyFile(),
          subject: 'alice.nguyen@lumenledger.example',
          rootUrl: fake.rootUrl,
        },
      },
    };
    const session = createGoogleSession(config, {}, new AbortController().signal, {
      attempts: 2,
      baseDelayMs: 1,
      maxDelayMs: 2,
    });
    expect(session.authMode).toBe('service-account');
    await redirectTokenEndpoint(session, SCOPES.users, `${fake.rootUrl}token`);
    await redirectTokenEndpoint(session, SCOPES.reports, `${fake.rootUrl}token`);

    const users = await usersCollector.collect(context(session));
    expect(users).toHaveLength(25);
    expect(fake.tokenRequests).toEqual([
      {
        iss: 'soc2-scanner@lumen-soc2.iam.gserviceaccount.com',
        sub: 'alice.nguyen@lumenledger.example',
        scope: SCOPES.users,
      },
    ]);

    // The reports scope was not delegated: the token endpoint refuses, and only this key is skipped.
    const denied = await loginEventsCollector.collect(context(session)).catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(SkipError);
    expect((denied as Error).message).toMatch(
      /was denied \(401 unauthorized_client: Client is unauthorized .*\): grant the read-only scope https:\/\/www.googleapis.com\/auth\/admin.reports.audit.readonly to the service account's client ID 104918273645019283746 in domain-wide delegation \(acting as alice.nguyen@lumenledger.example\)/,
    );
    expect((denied as Error).message).not.toMatch(/PRIVATE KEY|eyJ/);
    expect(fake.requests.filter((r) => r.area === 'reports')).toHaveLength(0);
  });
});
