import { defineCheck, offboardingFindings } from '../../../src/sdk/index.js';
import { OKTA_DIRECTORY, oktaAccounts } from '../users.js';

export default defineCheck({
  id: 'okta.offboarding',
  title: 'Terminated people have no active Okta user',
  provider: 'okta',
  severity: 'high',
  description:
    'Joins the HR roster with Okta users on the login and the primary email: every person with status ' +
    'terminated must have no Okta user that is neither DEPROVISIONED nor SUSPENDED (a suspended user cannot ' +
    'sign in) within `deadlineDays` after their end date.',
  risk: 'Okta is the door to every connected app: a leaver whose Okta user still works keeps access to all of them.',
  remediation:
    'Deactivate the Okta user (Directory > People > Deactivate), which also unassigns their apps, and make the ' +
    'HR termination trigger it the same day (HR-driven provisioning or a Workflow).',
  requires: ['hr.roster', 'okta.users'],
  options: {
    schema: {
      deadlineDays: {
        type: 'integer',
        minimum: 0,
        description: 'Days after end_date within which access must be removed.',
      },
    },
    defaults: { deadlineDays: 1 },
  },
  evaluate(data, { deadlineDays }, { now }) {
    return offboardingFindings(
      OKTA_DIRECTORY,
      data['hr.roster'].people,
      oktaAccounts(data['okta.users']),
      deadlineDays,
      now,
    );
  },
});
