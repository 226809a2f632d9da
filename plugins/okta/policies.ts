import type { OktaPolicy, OktaPolicyRule } from './data.js';

/**
 * Readers for the policy fields the checks judge, from the Policy API's documented shapes
 * (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/Policy/). Policy settings
 * and rule actions differ by policy type, so they are stored as Okta returns them and read here.
 */

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {});

export const activePolicies = (policies: readonly OktaPolicy[]) =>
  policies.filter((p) => p.status === 'ACTIVE');
export const activeRules = (policy: OktaPolicy) => policy.rules.filter((r) => r.status === 'ACTIVE');

/** OKTA_SIGN_ON rule actions.signon: whether it lets people in, and whether it asks for a factor. */
export function signOnAction(rule: OktaPolicyRule): { access: string; requireFactor: boolean } {
  const signon = obj(obj(rule.actions).signon);
  return {
    access: typeof signon.access === 'string' ? signon.access : 'ALLOW',
    requireFactor: signon.requireFactor === true,
  };
}

/**
 * ACCESS_POLICY (app authentication policy) rule actions.appSignOn: whether it denies access, or allows
 * it with one factor or with two. An ASSURANCE verification method says so in factorMode; an
 * AUTH_METHOD_CHAIN asks for two when every chain has a next step.
 */
export function appSignOn(rule: OktaPolicyRule): 'deny' | '1FA' | '2FA' {
  const signOn = obj(obj(rule.actions).appSignOn);
  if (signOn.access === 'DENY') return 'deny';
  const method = obj(signOn.verificationMethod);
  if (method.type === 'AUTH_METHOD_CHAIN') {
    const chains = Array.isArray(method.chains) ? method.chains.map(obj) : [];
    return chains.length > 0 && chains.every((c) => Array.isArray(c.next) && c.next.length > 0)
      ? '2FA'
      : '1FA';
  }
  return method.factorMode === '2FA' ? '2FA' : '1FA';
}

/** PASSWORD policy settings.password and the authentication provider it governs. */
export function passwordSettings(policy: OktaPolicy): {
  provider: string;
  minLength: number;
  excludesCommon: boolean;
  maxAttempts: number;
  historyCount: number;
} {
  const password = obj(obj(policy.settings).password);
  const complexity = obj(password.complexity);
  const lockout = obj(password.lockout);
  const age = obj(password.age);
  const num = (value: unknown) => (typeof value === 'number' ? value : 0);
  return {
    provider: String(obj(obj(policy.conditions).authProvider).provider ?? 'OKTA'),
    minLength: num(complexity.minLength),
    excludesCommon: obj(obj(complexity.dictionary).common).exclude === true,
    maxAttempts: num(lockout.maxAttempts),
    historyCount: num(age.historyCount),
  };
}

/**
 * MFA_ENROLL policy: the factors (Classic, settings.factors) or authenticators (Identity Engine,
 * settings.authenticators) whose enrollment is REQUIRED.
 */
export function requiredEnrollments(policy: OktaPolicy): string[] {
  const settings = obj(policy.settings);
  if (Array.isArray(settings.authenticators)) {
    return settings.authenticators
      .map(obj)
      .filter((a) => obj(a.enroll).self === 'REQUIRED')
      .map((a) => String(a.key));
  }
  return Object.entries(obj(settings.factors))
    .filter(([, factor]) => obj(obj(factor).enroll).self === 'REQUIRED')
    .map(([key]) => key);
}

/** MFA_ENROLL rule actions.enroll.self: CHALLENGE or LOGIN prompt enrollment, NEVER does not. */
export const enrollAction = (rule: OktaPolicyRule) =>
  String(obj(obj(rule.actions).enroll).self ?? 'CHALLENGE');
