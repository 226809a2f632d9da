import { daysSince, defineCheck, type Finding } from '../../../src/sdk/index.js';
import { dayCount, enabledMembers, lastSignIn, signInsById, userResource } from './helpers.js';

export default defineCheck({
  id: 'entra.never-signed-in',
  title: 'No enabled Entra ID member account stays unused long after creation',
  provider: 'entra',
  severity: 'medium',
  description:
    'An enabled member account that has no recorded sign-in fails once it is older than graceDays (createdDateTime); newer ones pass while their owner starts.',
  risk: 'An account created and never used is often a provisioning mistake, a no-show hire or a shared login; nobody notices when someone else starts using it.',
  remediation:
    'Disable or delete the listed accounts, or find their owner and have them sign in and register MFA.',
  requires: ['entra.users', 'entra.signIns'],
  options: {
    schema: { graceDays: dayCount('Days after creation within which a new account may be unused.') },
    defaults: { graceDays: 30 },
  },
  evaluate(data, { graceDays }, { now }) {
    const activity = signInsById(data['entra.signIns']);
    const findings: Finding[] = [];
    for (const user of enabledMembers(data['entra.users'])) {
      if (!activity.has(user.id) || lastSignIn(activity.get(user.id))) continue;
      const resource = userResource(user);
      const age = user.createdDateTime ? daysSince(user.createdDateTime, now) : undefined;
      const late = age === undefined || age > graceDays;
      findings.push({
        resource,
        status: late ? 'fail' : 'pass',
        message: late
          ? `${user.userPrincipalName} has never signed in${age !== undefined ? ` since it was created ${age} days ago` : ''} (grace ${graceDays} days)`
          : `${user.userPrincipalName} was created ${age} days ago and has not signed in yet`,
        details: { createdDateTime: user.createdDateTime, days: age ?? null },
      });
    }
    if (findings.length === 0)
      findings.push({
        resource: 'entra:directory',
        status: 'pass',
        message: 'every enabled member account has signed in',
      });
    return findings;
  },
});
