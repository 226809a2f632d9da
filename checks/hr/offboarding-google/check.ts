import { defineCheck } from '../../../src/engine/check.js';
import { googleAccounts, GOOGLE_DIRECTORY } from '../accounts.js';
import { offboardingFindings } from '../joins.js';
import { dayCount } from '../people.js';

export default defineCheck({
  id: 'hr.offboarding-google',
  title: 'Terminated people have no active Google Workspace access',
  provider: 'hr',
  severity: 'high',
  description:
    'Joins the HR roster with Google Workspace users: every person with status terminated must have lost a Google Workspace account that is neither suspended nor archived within the offboarding deadline after their end date.',
  risk: 'A former employee or contractor who keeps access can read or change customer data long after leaving, and nobody is watching their account any more.',
  remediation:
    'Suspend the Google Workspace user (Admin console > Users > Suspend), transfer their data, then delete it, and make the HR termination trigger the offboarding checklist the same day.',
  requires: ['hr.roster', 'google.users'],
  options: {
    schema: { deadlineDays: dayCount('Days after end_date within which access must be removed.') },
    defaults: { deadlineDays: 1 },
  },
  evaluate(data, options, { now }) {
    return offboardingFindings(
      GOOGLE_DIRECTORY,
      data['hr.roster'].people,
      googleAccounts(data['google.users']),
      options.deadlineDays,
      now,
    );
  },
});
