import { defineCheck, offboardingFindings } from '../../../src/sdk/index.js';
import { dayCount, ENTRA_DIRECTORY, entraAccounts } from './helpers.js';

export default defineCheck({
  id: 'entra.offboarding',
  title: 'Terminated people have no enabled Entra ID account',
  provider: 'entra',
  severity: 'high',
  description:
    "Joins the HR roster with Entra ID users (members and guests), matching the roster email to each account's mail, userPrincipalName and SMTP proxy addresses (aliases): every person with status terminated must have no enabled account after the offboarding deadline.",
  risk: 'A former employee or contractor who keeps an enabled account keeps Microsoft 365 mail, files and every app that signs in with Entra ID.',
  remediation:
    'Block sign-in for the account (and revoke sessions), then convert or delete it per the offboarding checklist; have the HR termination trigger it the same day.',
  requires: ['hr.roster', 'entra.users'],
  options: {
    schema: { deadlineDays: dayCount('Days after end_date within which access must be removed.') },
    defaults: { deadlineDays: 1 },
  },
  evaluate(data, { deadlineDays }, { now }) {
    return offboardingFindings(
      ENTRA_DIRECTORY,
      data['hr.roster'].people,
      { accounts: entraAccounts(data['entra.users']), unreadable: [] },
      deadlineDays,
      now,
    );
  },
});
