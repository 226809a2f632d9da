import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactEveryPattern, redactString } from '../../src/engine/redact.js';
import { SECRETS, secretMarkers, secretText, serviceAccountKey } from './secrets.js';

describe('redactString', () => {
  it('scrubs every kind of secret from free text', () => {
    const out = redactString(secretText());
    for (const marker of secretMarkers()) expect(out, marker).not.toContain(marker);
    expect(out).toContain('AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE');
    expect(out).toContain('db.lumenledger.example:5432/ledger');
  });

  it('scrubs every kind of secret from JSON text, keeping it valid JSON', () => {
    const json = JSON.stringify({ log: secretText(), key: serviceAccountKey(), password: SECRETS.password });
    const out = redactString(json);
    for (const marker of secretMarkers()) expect(out, marker).not.toContain(marker);
    const parsed = JSON.parse(out) as { key: Record<string, string> };
    expect(parsed.key.private_key).toContain(REDACTED);
    expect(parsed.key.client_email).toBe('soc2@lumen-ledger-prod.iam.gserviceaccount.com');
  });

  it.each([
    ['git SHA', 'commit 4f2b1c9d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c merged'],
    ['sha256', 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    ['ARN', 'arn:aws:iam::123456789012:policy/Team1/DeveloperAccessPolicyForTeamX'],
    ['role ARN', 'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1a2b'],
    ['UUID', 'id 123e4567-e89b-12d3-a456-426614174000'],
    ['access key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['metadata keys', 'password_enabled: true, token_last_used: 2026-01-01, password: false'],
    ['prose', 'Token authentication and bearer instruments. Basic information about authorization: managers'],
    ['plain URL', 'https://github.com/lumen-ledger/api/pull/12'],
    ['numbers', 'password_length: 14, max_password_age: 90'],
  ])('leaves %s alone', (_name, text) => {
    expect(redactString(text)).toBe(text);
  });
});

describe('the shortcut for strings with nothing secret-like', () => {
  const text = secretText();
  const samples = [
    ...Object.values(SECRETS),
    ...text.split('\n'),
    ...text.split('\n').map((line) => JSON.stringify(line)),
    // every 60-character window of the text, so each secret is also seen cut off and out of context
    ...Array.from({ length: Math.ceil(text.length / 5) }, (_, i) => text.slice(i * 5, i * 5 + 60)),
    ...Object.entries(SECRETS).map(([name, value]) => `${name}=${value}`),
  ];

  it('gives the same result as trying every pattern', () => {
    const changed = samples.filter((s) => redactEveryPattern(s) !== s);
    expect(changed.length).toBeGreaterThan(100);
    for (const sample of samples) expect(redactString(sample), sample).toBe(redactEveryPattern(sample));
  });
});

describe('redact', () => {
  it('copies only what holds a secret, and never changes its input', () => {
    const clean = { name: 'alice', groups: ['admins'], tags: { team: 'core' } };
    const dirty = { user: 'bob', keys: [{ id: 'k1', secret_key: 'hunter2hunter2' }, { id: 'k2' }] };
    const input = { clean, dirty, list: [clean, dirty] };
    const before = JSON.stringify(input);

    const out = redact(input);

    expect(JSON.stringify(input)).toBe(before);
    expect(out).not.toBe(input);
    expect(out.clean).toBe(clean);
    expect(out.list[0]).toBe(clean);
    expect(out.dirty).not.toBe(dirty);
    expect(out.dirty.keys[0]).toEqual({ id: 'k1', secret_key: REDACTED });
    expect(out.dirty.keys[1]).toBe(dirty.keys[1]);
    expect(Object.keys(out.dirty)).toEqual(['user', 'keys']);
    expect(out.list[1]).toEqual(out.dirty);
    expect(redact(clean)).toBe(clean);
  });

  it('scrubs by key name but keeps metadata about secrets', () => {
    const out = redact({
      password: 'x',
      client_secret: 'abc',
      refresh_token: 'r',
      SecretAccessKey: 'k',
      secret_key: 'sk',
      stripeSecretKey: 'sk2',
      secret_key_id: 'kid-1',
      password_enabled: 'true',
      token_last_used: '2026-01-01',
      secretScanning: 'enabled',
      nested: [{ apiKey: 'z', name: 'ok' }],
      sa: serviceAccountKey(),
    });
    expect(out).toMatchObject({
      password: REDACTED,
      client_secret: REDACTED,
      refresh_token: REDACTED,
      SecretAccessKey: REDACTED,
      secret_key: REDACTED,
      stripeSecretKey: REDACTED,
      secret_key_id: 'kid-1',
      password_enabled: 'true',
      token_last_used: '2026-01-01',
      secretScanning: 'enabled',
      nested: [{ apiKey: REDACTED, name: 'ok' }],
    });
    expect(out.sa.private_key).toBe(REDACTED);
    expect(out.sa.private_key_id).toBe(serviceAccountKey().private_key_id);
  });
});
