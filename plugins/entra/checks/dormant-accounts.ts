import { daysSince, defineCheck, type Finding, notChecked } from '../../../src/sdk/index.js';
import { dayCount, enabledMembers, lastSignIn, signInsById, userResource } from './helpers.js';

export default defineCheck({
  id: 'entra.dormant-accounts',
  title: 'No enabled Entra ID member account is dormant',
  provider: 'entra',
  severity: 'medium',
  description:
    'Every enabled member account that has signed in did so within maxInactiveDays (signInActivity: the last successful sign-in, else the last interactive or non-interactive attempt). Accounts that never signed in are judged by entra.never-signed-in, guests by entra.stale-guests.',
  risk: 'An account nobody uses is nobody watching it: a leaver missed by offboarding, or a credential an attacker can use without anyone noticing the sign-ins.',
  remediation:
    'Disable the listed accounts (or document why each is needed, e.g. a break-glass account) and review sign-in activity in the quarterly access review.',
  requires: ['entra.users', 'entra.signIns'],
  options: {
    schema: {
      maxInactiveDays: dayCount('Days without a sign-in after which an enabled account is dormant.'),
    },
    defaults: { maxInactiveDays: 90 },
  },
  evaluate(data, { maxInactiveDays }, { now }) {
    const activity = signInsById(data['entra.signIns']);
    const findings: Finding[] = [];
    for (const user of enabledMembers(data['entra.users'])) {
      const resource = userResource(user);
      if (!activity.has(user.id)) {
        findings.push(
          notChecked(
            resource,
            { kind: 'not_found', message: 'no signInActivity for the user' },
            'sign-in activity',
          ),
        );
        continue;
      }
      const last = lastSignIn(activity.get(user.id));
      if (!last) continue;
      const days = daysSince(last.at, now);
      findings.push({
        resource,
        status: days > maxInactiveDays ? 'fail' : 'pass',
        message:
          days > maxInactiveDays
            ? `${user.userPrincipalName} is enabled but last signed in ${days} days ago (limit ${maxInactiveDays})`
            : `${user.userPrincipalName} last signed in ${days} days ago`,
        details: { lastSignIn: last.at, field: last.field, days },
      });
    }
    if (findings.length === 0)
      findings.push({
        resource: 'entra:directory',
        status: 'pass',
        message: 'no enabled member account with sign-in activity',
      });
    return findings;
  },
});
