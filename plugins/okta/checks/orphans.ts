import { defineCheck, orphanFindings } from '../../../src/sdk/index.js';
import { OKTA_DIRECTORY, oktaAccounts } from '../users.js';

export default defineCheck({
  id: 'okta.orphans',
  title: 'Every active Okta user belongs to a person in the HR roster',
  provider: 'okta',
  severity: 'medium',
  description:
    'Joins Okta users that are neither DEPROVISIONED nor SUSPENDED with the HR roster on the login and the ' +
    'primary email: a user matching nobody is an orphan, unless allow-listed as a service account.',
  risk: 'Users nobody owns are not reviewed and not offboarded: shared logins, test users, accounts of people who were never in HR.',
  remediation:
    "Add the owner to the roster (with the email Okta knows them by), deactivate the user, or, for a service account, add it to this check's allow option with a reason in your access review.",
  requires: ['hr.roster', 'okta.users'],
  options: {
    schema: {
      allow: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Logins of service accounts that belong to no person; * matches any run of characters.',
      },
    },
    defaults: { allow: [] as string[] },
  },
  evaluate(data, { allow }) {
    return orphanFindings(OKTA_DIRECTORY, data['hr.roster'].people, oktaAccounts(data['okta.users']), allow);
  },
});
