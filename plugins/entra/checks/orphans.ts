import { defineCheck, orphanFindings } from '../../../src/sdk/index.js';
import { ENTRA_DIRECTORY, entraAccounts, isGuest } from './helpers.js';

export default defineCheck({
  id: 'entra.orphans',
  title: 'Every enabled Entra ID member account belongs to a person in the HR roster',
  provider: 'entra',
  severity: 'medium',
  description:
    "Joins enabled Entra ID member accounts with the HR roster by the account's mail, userPrincipalName and SMTP proxy addresses: an account that matches nobody is an orphan unless its userPrincipalName is on the allow-list (shared mailboxes, service accounts). Guests are outside people and are judged by entra.stale-guests.",
  risk: 'Accounts nobody owns are not reviewed or offboarded: shared logins, test accounts and leftovers are a favourite foothold.',
  remediation:
    "Add the owner to the roster, remove the account, or, for a service account or shared mailbox, add it to this check's allow option with a reason in your access review.",
  requires: ['hr.roster', 'entra.users'],
  options: {
    schema: {
      allow: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'userPrincipalNames that belong to no person; * matches any run of characters.',
      },
    },
    defaults: { allow: [] as string[] },
  },
  evaluate(data, { allow }) {
    const members = data['entra.users'].filter((user) => !isGuest(user));
    return orphanFindings(
      ENTRA_DIRECTORY,
      data['hr.roster'].people,
      { accounts: entraAccounts(members), unreadable: [] },
      allow,
    );
  },
});
