import type { Account, IdentitySystem, ScopeResult } from '../../src/sdk/index.js';
import type { OktaFactor, OktaUser } from './data.js';

/**
 * Okta user lifecycle states (https://developer.okta.com/docs/reference/api/users/#user-status): ACTIVE,
 * PASSWORD_EXPIRED, LOCKED_OUT and RECOVERY users hold working credentials; STAGED and PROVISIONED ones
 * were never activated; SUSPENDED ones cannot sign in until unsuspended; DEPROVISIONED ones are gone.
 */
const SIGN_IN_STATES = new Set(['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY']);

/** A user who can sign in (or will, once a lockout or password reset clears). */
export const canSignIn = (status: string) => SIGN_IN_STATES.has(status);

/** The factors collector reads the users who can sign in: the only ones MFA checks judge. */
export const hasFactorsToRead = canSignIn;

export const signInUsers = (users: readonly OktaUser[]) => users.filter((u) => canSignIn(u.status));

export const OKTA_DIRECTORY: IdentitySystem = { id: 'okta', title: 'Okta user', scope: 'okta:directory' };

/** The user's addresses a roster email may match: login and primary email, lower-cased. */
export function emailsOf(user: OktaUser): string[] {
  return [
    ...new Set([user.login, user.email].filter((e): e is string => !!e).map((e) => e.trim().toLowerCase())),
  ];
}

/** Okta users as accounts for the HR joins: active unless DEPROVISIONED or SUSPENDED. */
export function oktaAccounts(users: readonly OktaUser[]): { accounts: Account[]; unreadable: [] } {
  return {
    accounts: users.map((u) => ({
      system: OKTA_DIRECTORY.id,
      resource: `okta:${u.login}`,
      name: u.login,
      active: u.status !== 'DEPROVISIONED' && u.status !== 'SUSPENDED',
      access:
        u.status === 'SUSPENDED'
          ? 'SUSPENDED (cannot sign in until unsuspended)'
          : u.status === 'DEPROVISIONED'
            ? 'DEPROVISIONED'
            : `${u.status}${u.lastLogin ? `, last sign-in ${u.lastLogin.slice(0, 10)}` : ', never signed in'}`,
      emails: emailsOf(u),
    })),
    unreadable: [],
  };
}

/** Factors that count as a second factor: active, and not a knowledge factor like the password itself. */
export function secondFactors(factors: readonly OktaFactor[], ignored: readonly string[]): OktaFactor[] {
  return factors.filter((f) => f.status === 'ACTIVE' && !ignored.includes(f.factorType));
}

/** Each user's factors by login, for the users whose factors were read. */
export function factorsByLogin(
  results: readonly ScopeResult<OktaFactor[]>[],
): Map<string, ScopeResult<OktaFactor[]>> {
  return new Map(results.map((r) => [r.scope, r]));
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
