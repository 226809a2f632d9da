import { defineCheck } from '../../../src/engine/check.js';
import { googleAccounts, GOOGLE_DIRECTORY } from '../accounts.js';
import { orphanFindings } from '../joins.js';

export default defineCheck({
  id: 'hr.orphan-google',
  title: 'Every active Google Workspace account belongs to a person in the HR roster',
  provider: 'hr',
  severity: 'medium',
  description:
    "Joins Google Workspace users with the HR roster: an account with a Google Workspace account that is neither suspended nor archived that matches nobody in the roster (by email, or the roster's email column) is an orphan, unless it is on the allow-list of service accounts.",
  risk: 'Accounts nobody owns are not reviewed, not offboarded and are a favourite foothold: shared logins, leftovers from tests, accounts of people who were never in HR (contractors, agencies).',
  remediation:
    "Add the owner to the roster (with the matching identity column), remove the account, or, for a service account, add it to this check's allow option with a reason in your access review.",
  requires: ['hr.roster', 'google.users'],
  options: {
    schema: {
      allow: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Service accounts that belong to no person; * matches any run of characters.',
      },
    },
    defaults: { allow: [] as string[] },
  },
  evaluate(data, options) {
    return orphanFindings(
      GOOGLE_DIRECTORY,
      data['hr.roster'].people,
      googleAccounts(data['google.users']),
      options.allow,
    );
  },
});
