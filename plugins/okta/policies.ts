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
