import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { currentPeople, describePerson, includeContractorsSchema, nobodyToCheck } from '../people.js';

export default defineCheck({
  id: 'hr.background-check',
  title: 'Employees have a background check on record',
  provider: 'hr',
  severity: 'medium',
  description:
    'Every current employee (active or on leave) in the HR roster has a background_check_date. Contractors are screened by their agency or under their contract unless includeContractors is set.',
  risk: 'Without screening the company cannot show it took reasonable care before giving someone access to customer data and financial systems (CC1.4).',
  remediation:
    'Run the background check through your screening provider (within the limits of local law), record its completion date in the HR system (background_check_date) and re-export the roster.',
  requires: ['hr.roster'],
  options: {
    schema: { includeContractors: includeContractorsSchema },
    defaults: { includeContractors: false },
  },
  evaluate(data, options) {
    const findings: Finding[] = currentPeople(data['hr.roster'].people, options.includeContractors).map(
      (person) =>
        person.backgroundCheckDate
          ? {
              resource: `hr:${person.email}`,
              status: 'pass',
              message: `${describePerson(person)} background check on ${person.backgroundCheckDate}`,
            }
          : {
              resource: `hr:${person.email}`,
              status: 'fail',
              message: `${describePerson(person)} (${person.employmentType}) has no background check recorded`,
              details: { employmentType: person.employmentType, startDate: person.startDate ?? null },
            },
    );
    return findings.length > 0
      ? findings
      : [nobodyToCheck(data['hr.roster'].people, 'no current employees in the roster')];
  },
});
