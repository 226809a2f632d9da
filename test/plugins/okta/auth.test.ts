import { generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientAssertion, scopeFor } from '../../../plugins/okta/auth.js';

// private_key_jwt client assertions as Okta validates them
// (https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/#create-and-sign-the-jwt).

const decode = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;

describe('clientAssertion', () => {
  it.each([
    ['rsa', 'RS256', {}],
    ['ec', 'ES256', { dsaEncoding: 'ieee-p1363' as const }],
  ] as const)('signs with a %s key as %s, verifiable with its public key', (type, alg, verifyOptions) => {
    const { privateKey, publicKey } =
      type === 'rsa'
        ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const audience = 'https://acme.okta.com/oauth2/v1/token';
    const jwt = clientAssertion('0oaClient', audience, privateKey, 'kid-7');
    const [header, claims, signature] = jwt.split('.');
    expect(decode(header!)).toEqual({ alg, typ: 'JWT', kid: 'kid-7' });
    const body = decode(claims!);
    expect(body).toMatchObject({ iss: '0oaClient', sub: '0oaClient', aud: audience });
    expect(Number(body.exp) - Number(body.iat)).toBe(300);
    expect(typeof body.jti).toBe('string');
    const ok = verify(
      'sha256',
      Buffer.from(`${header}.${claims}`),
      { key: publicKey, ...verifyOptions },
      Buffer.from(signature!, 'base64url'),
    );
    expect(ok).toBe(true);
  });
});

describe('scopeFor', () => {
  it('names the read scope each endpoint needs', () => {
    expect(scopeFor('/api/v1/users')).toBe('okta.users.read');
    expect(scopeFor('/api/v1/users/00u1/factors')).toBe('okta.factors.read');
    expect(scopeFor('/api/v1/users/00u1/roles')).toBe('okta.roles.read');
    expect(scopeFor('/api/v1/iam/assignees/users')).toBe('okta.roles.read');
    expect(scopeFor('/api/v1/policies/00p1/rules')).toBe('okta.policies.read');
    expect(scopeFor('/api/v1/apps/0oa1/users')).toBe('okta.apps.read');
  });
});
