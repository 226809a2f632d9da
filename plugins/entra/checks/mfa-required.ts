import { defineCheck, type Finding } from '../../../src/sdk/index.js';
import type { ConditionalAccessPolicy } from '../data.js';
import {
  appliesEverywhere,
  demandsMfa,
  exclusions,
  forAllUsers,
  policyNames,
  ROLE_TEMPLATES,
  unlicensed,
} from './helpers.js';

const excludesRole = (policy: ConditionalAccessPolicy, role: string) =>
  (policy.conditions.users?.excludeRoles ?? []).includes(role);
const includesRole = (policy: ConditionalAccessPolicy, role: string) =>
  (policy.conditions.users?.includeRoles ?? []).includes(role);

export default defineCheck({
  id: 'entra.mfa-required',
  title: 'Conditional access or security defaults require MFA for all users and for admins',
  provider: 'entra',
  severity: 'critical',
  description:
    'Security defaults are on, or an enabled conditional access policy for all cloud apps and all client apps, with no location, platform or risk condition, grants access only with MFA (or an authentication strength) to all users; and one such policy covers each administrator role in the adminRoles option. Report-only policies do not count.',
  risk: 'Registered MFA that is never demanded does not stop a phished or sprayed password: sign-ins go through with the password alone.',
  remediation:
    'Create the conditional access policies "Require multifactor authentication for all users" and "Require multifactor authentication for admins" from the Microsoft templates (Entra admin center > Protection > Conditional Access), exclude only break-glass accounts, and switch them from report-only to on; without Entra ID P1, turn on security defaults.',
  requires: ['entra.conditionalAccess', 'entra.securityDefaults'],
  options: {
    schema: {
      adminRoles: {
        type: 'array',
        items: { type: 'string', enum: Object.keys(ROLE_TEMPLATES) },
        minItems: 1,
        description: 'Administrator roles that must be covered by an MFA policy.',
      },
    },
    defaults: { adminRoles: Object.keys(ROLE_TEMPLATES) },
  },
  evaluate(data, { adminRoles }) {
    const all = 'entra:mfa-required/all-users';
    const admins = 'entra:mfa-required/admins';
    if (data['entra.securityDefaults'].isEnabled) {
      const message =
        'security defaults are on: every user registers and is prompted for MFA, admins at every sign-in';
      return [
        { resource: all, status: 'pass', message },
        { resource: admins, status: 'pass', message },
      ];
    }
    const ca = data['entra.conditionalAccess'];
    if (!ca.licensed) {
      const message = unlicensed(ca);
      return [
        { resource: all, status: 'fail', message },
        { resource: admins, status: 'fail', message },
      ];
    }
    const strict = ca.policies.filter((p) => appliesEverywhere(p) && demandsMfa(p));
    const forAll = strict.filter(forAllUsers);
    const weak = ca.policies.filter((p) => demandsMfa(p) && !strict.includes(p));
    const weakNote = weak.length
      ? `; not counted (report-only, off, or conditional): ${policyNames(weak)}`
      : '';
    const findings: Finding[] = [
      forAll.length > 0
        ? {
            resource: all,
            status: 'pass',
            message: `MFA is required for all users by ${policyNames(forAll)}${forAll.map(exclusions).some(Boolean) ? ` (excluding ${forAll.map(exclusions).filter(Boolean).join('; ')}: review these exclusions)` : ''}`,
          }
        : {
            resource: all,
            status: 'fail',
            message: `no enforced conditional access policy requires MFA for all users${weakNote}`,
          },
    ];
    const uncovered = adminRoles.filter((name) => {
      const role = ROLE_TEMPLATES[name]!;
      return !strict.some((p) => (forAllUsers(p) && !excludesRole(p, role)) || includesRole(p, role));
    });
    findings.push(
      uncovered.length === 0
        ? {
            resource: admins,
            status: 'pass',
            message: `MFA is required for ${adminRoles.length} administrator roles`,
          }
        : {
            resource: admins,
            status: 'fail',
            message: `no enforced conditional access policy requires MFA for ${uncovered.join(', ')}${weakNote}`,
            details: { uncovered },
          },
    );
    return findings;
  },
});
