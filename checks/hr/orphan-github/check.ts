import { defineCheck } from '../../../src/engine/check.js';
import { githubAccounts, GITHUB_ORG } from '../accounts.js';
import { orphanFindings } from '../joins.js';

export default defineCheck({
  id: 'hr.orphan-github',
  title: 'Every active GitHub account belongs to a person in the HR roster',
  provider: 'hr',
  severity: 'medium',
  description:
    "Joins GitHub organization members and outside collaborators with the HR roster: a member or outside collaborator that matches nobody in the roster (by email, or the roster's github column) is an orphan, unless it is on the allow-list of service accounts.",
  risk: 'Accounts nobody owns are not reviewed, not offboarded and are a favourite foothold: shared logins, leftovers from tests, accounts of people who were never in HR (contractors, agencies).',
  remediation:
    "Add the owner to the roster (with the matching identity column), remove the account, or, for a service account, add it to this check's allow option with a reason in your access review.",
  requires: ['hr.roster', 'github.members', 'github.outsideCollaborators'],
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
      GITHUB_ORG,
      data['hr.roster'].people,
      githubAccounts(data['github.members'], data['github.outsideCollaborators']),
      options.allow,
    );
  },
});
