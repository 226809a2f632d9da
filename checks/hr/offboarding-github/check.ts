import { defineCheck } from '../../../src/engine/check.js';
import { githubAccounts, GITHUB_ORG } from '../accounts.js';
import { offboardingFindings } from '../joins.js';
import { dayCount } from '../people.js';

export default defineCheck({
  id: 'hr.offboarding-github',
  title: 'Terminated people have no active GitHub access',
  provider: 'hr',
  severity: 'high',
  description:
    'Joins the HR roster with GitHub organization members and outside collaborators: every person with status terminated must have lost membership in the GitHub organization, and any outside collaborator access, within the offboarding deadline after their end date.',
  risk: 'A former employee or contractor who keeps access can read or change customer data long after leaving, and nobody is watching their account any more.',
  remediation:
    'Remove the user from the GitHub organization (Organization settings > People > Remove from organization) or, for an outside collaborator, from every repository, and make the HR termination trigger the offboarding checklist the same day.',
  requires: ['hr.roster', 'github.members', 'github.outsideCollaborators'],
  options: {
    schema: { deadlineDays: dayCount('Days after end_date within which access must be removed.') },
    defaults: { deadlineDays: 1 },
  },
  evaluate(data, options, { now }) {
    return offboardingFindings(
      GITHUB_ORG,
      data['hr.roster'].people,
      githubAccounts(data['github.members'], data['github.outsideCollaborators']),
      options.deadlineDays,
      now,
    );
  },
});
