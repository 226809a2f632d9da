import { daysSince, defineCheck, type Finding } from '../../../src/sdk/index.js';
import { signInUsers } from '../users.js';

export default defineCheck({
  id: 'okta.dormant-users',
  title: 'Okta users who can sign in have signed in recently',
  provider: 'okta',
  severity: 'medium',
  description:
    'Fails each user who can sign in whose lastLogin is more than `maxInactiveDays` (default 90) before ' +
    'collection, or who never signed in although created more than `maxInactiveDays` ago.',
  risk: 'Dormant accounts usually belong to people who left or changed roles; nobody notices when they are taken over.',
  remediation:
    'Confirm with the manager or HR whether each listed person still needs access; suspend or deactivate ' +
    'the user when not (Directory > People), or automate it with an inactivity automation (Workflow > Automations).',
  requires: ['okta.users'],
  options: {
    schema: { maxInactiveDays: { type: 'integer', minimum: 1 } },
    defaults: { maxInactiveDays: 90 },
  },
  evaluate(data, { maxInactiveDays }, { now }) {
    const users = signInUsers(data['okta.users']);
    if (users.length === 0)
      return [{ resource: 'okta:directory', status: 'pass', message: 'no Okta users can sign in' }];
    return users.map((user): Finding => {
      if (!user.lastLogin) {
        const age = daysSince(user.created, now);
        const details = { lastLogin: null, created: user.created, daysSinceCreated: age, maxInactiveDays };
        return age > maxInactiveDays
          ? {
              resource: user.login,
              status: 'fail',
              message: `${user.login} never signed in, created ${age} days ago (limit ${maxInactiveDays})`,
              details,
            }
          : {
              resource: user.login,
              status: 'pass',
              message: `${user.login} has not signed in yet, created ${age} days ago`,
              details,
            };
      }
      const days = daysSince(user.lastLogin, now);
      const details = { lastLogin: user.lastLogin, daysSinceLastLogin: days, maxInactiveDays };
      return days > maxInactiveDays
        ? {
            resource: user.login,
            status: 'fail',
            message: `${user.login} last signed in ${days} days ago (limit ${maxInactiveDays})`,
            details,
          }
        : {
            resource: user.login,
            status: 'pass',
            message: `${user.login} last signed in ${days} days ago`,
            details,
          };
    });
  },
});
