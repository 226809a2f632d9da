import { defineCheck } from '../../../src/sdk/index.js';
import type { ConditionalAccessPolicy } from '../data.js';
import { forAllUsers, policyNames, unlicensed } from './helpers.js';

const LEGACY_CLIENTS = ['exchangeActiveSync', 'other'];

const blocksLegacy = (p: ConditionalAccessPolicy) =>
  forAllUsers(p) &&
  (p.conditions.applications?.includeApplications ?? []).includes('All') &&
  LEGACY_CLIENTS.every((client) => (p.conditions.clientAppTypes ?? []).includes(client)) &&
  (p.grantControls?.builtInControls ?? []).includes('block');

export default defineCheck({
  id: 'entra.legacy-auth-blocked',
  title: 'Legacy authentication is blocked',
  provider: 'entra',
  severity: 'high',
  description:
    'Security defaults are on, or an enabled conditional access policy blocks the legacy client app types (Exchange ActiveSync and other clients: IMAP, POP, SMTP AUTH, older Office) for all users and all cloud apps.',
  risk: 'Legacy protocols cannot do MFA: password spraying against IMAP or SMTP AUTH walks around every MFA policy.',
  remediation:
    'Create the conditional access policy "Block legacy authentication" from the Microsoft templates and switch it on (not report-only), or turn on security defaults.',
  requires: ['entra.conditionalAccess', 'entra.securityDefaults'],
  evaluate(data) {
    const resource = 'entra:legacy-authentication';
    if (data['entra.securityDefaults'].isEnabled)
      return [
        { resource, status: 'pass', message: 'security defaults are on: legacy authentication is blocked' },
      ];
    const ca = data['entra.conditionalAccess'];
    if (!ca.licensed) return [{ resource, status: 'fail', message: unlicensed(ca) }];
    const blocking = ca.policies.filter(blocksLegacy);
    const enforced = blocking.filter((p) => p.state === 'enabled');
    if (enforced.length > 0)
      return [
        { resource, status: 'pass', message: `legacy authentication is blocked by ${policyNames(enforced)}` },
      ];
    return [
      {
        resource,
        status: 'fail',
        message: `no enabled conditional access policy blocks legacy authentication for all users${blocking.length ? ` (${policyNames(blocking)} would, but is ${blocking.map((p) => p.state).join(', ')})` : ''}`,
      },
    ];
  },
});
