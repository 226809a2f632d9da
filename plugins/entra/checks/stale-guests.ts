import { daysSince, defineCheck, type Finding, notChecked } from '../../../src/sdk/index.js';
import { dayCount, isGuest, lastSignIn, signInsById, userResource } from './helpers.js';

export default defineCheck({
  id: 'entra.stale-guests',
  title: 'No enabled guest keeps access it does not use',
  provider: 'entra',
  severity: 'medium',
  description:
    'Every enabled guest (B2B) account signed in within maxInactiveDays; a guest that never signed in (an invitation never redeemed, or redeemed and unused) fails once it is older than inviteGraceDays.',
  risk: "Guests are outside people whose departure nobody reports: a contractor's stale guest account keeps its access to Teams, SharePoint and apps for as long as it stays enabled.",
  remediation:
    'Remove or disable the listed guests, and set up access reviews for guests (Entra ID Governance) or a periodic review of guest sign-ins.',
  requires: ['entra.users', 'entra.signIns'],
  options: {
    schema: {
      maxInactiveDays: dayCount('Days without a sign-in after which a guest is stale.'),
      inviteGraceDays: dayCount('Days after the invitation within which a guest may not have signed in.'),
    },
    defaults: { maxInactiveDays: 90, inviteGraceDays: 30 },
  },
  evaluate(data, { maxInactiveDays, inviteGraceDays }, { now }) {
    const activity = signInsById(data['entra.signIns']);
    const guests = data['entra.users'].filter((u) => u.accountEnabled && isGuest(u));
    if (guests.length === 0)
      return [{ resource: 'entra:guests', status: 'pass', message: 'no enabled guest accounts' }];
    return guests.map((guest): Finding => {
      const resource = userResource(guest);
      const name = guest.mail ?? guest.userPrincipalName;
      if (!activity.has(guest.id))
        return notChecked(
          resource,
          { kind: 'not_found', message: 'no signInActivity for the guest' },
          'sign-in activity',
        );
      const last = lastSignIn(activity.get(guest.id));
      if (last) {
        const days = daysSince(last.at, now);
        const stale = days > maxInactiveDays;
        return {
          resource,
          status: stale ? 'fail' : 'pass',
          message: stale
            ? `guest ${name} is enabled but last signed in ${days} days ago (limit ${maxInactiveDays})`
            : `guest ${name} last signed in ${days} days ago`,
          details: { lastSignIn: last.at, field: last.field, days },
        };
      }
      const age = guest.createdDateTime ? daysSince(guest.createdDateTime, now) : undefined;
      const state = guest.externalUserState ? `, ${guest.externalUserState}` : '';
      const stale = age === undefined || age > inviteGraceDays;
      return {
        resource,
        status: stale ? 'fail' : 'pass',
        message: stale
          ? `guest ${name} has never signed in${age !== undefined ? ` since being invited ${age} days ago` : ''}${state}`
          : `guest ${name} was invited ${age} days ago and has not signed in yet${state}`,
        details: { createdDateTime: guest.createdDateTime, externalUserState: guest.externalUserState },
      };
    });
  },
});
