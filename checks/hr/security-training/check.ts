import { defineCheck } from '../../../src/core/check.js';
import type { Finding } from '../../../src/core/types.js';
import {
  addDays,
  currentPeople,
  dayCount,
  daysSince,
  describePerson,
  includeContractorsSchema,
} from '../people.js';

export default defineCheck({
  id: 'hr.security-training',
  title: 'Current staff completed security awareness training within the last 12 months',
  provider: 'hr',
  severity: 'medium',
  description:
    'Every active person (and anyone on leave) in the HR roster has a security_training_date no older than maxAgeDays. People who started less than graceDays ago are left to hr.new-hire-training.',
  risk: 'Phishing and mishandled data are the most common ways in; people who were never trained, or not for years, do not recognise them and do not know how to report them.',
  remediation:
    'Assign the annual security awareness course to everyone listed, record the completion date in the HR system (security_training_date) and re-export the roster.',
  requires: ['hr.roster'],
  options: {
    schema: {
      maxAgeDays: dayCount('Training older than this many days is out of date.'),
      graceDays: dayCount('New hires have this many days after start_date before this check applies.'),
      includeContractors: includeContractorsSchema,
    },
    defaults: { maxAgeDays: 365, graceDays: 30, includeContractors: true },
  },
  evaluate(data, options, { now }) {
    const findings: Finding[] = [];
    for (const person of currentPeople(data['hr.roster'].people, options.includeContractors)) {
      const resource = `hr:${person.email}`;
      const trained = person.securityTrainingDate;
      const age = trained ? daysSince(trained, now) : undefined;
      if (age !== undefined && age <= options.maxAgeDays) {
        findings.push({
          resource,
          status: 'pass',
          message: `${describePerson(person)} trained on ${trained}`,
        });
      } else if (person.startDate && daysSince(person.startDate, now) <= options.graceDays) {
        findings.push({
          resource,
          status: 'pass',
          message: `${describePerson(person)} started on ${person.startDate}; training due by ${addDays(person.startDate, options.graceDays)}`,
        });
      } else {
        findings.push({
          resource,
          status: 'fail',
          message: trained
            ? `${describePerson(person)} last trained on ${trained}, ${age} days ago (max ${options.maxAgeDays})`
            : `${describePerson(person)} has no security training recorded`,
          details: { securityTrainingDate: trained ?? null, ageDays: age ?? null },
        });
      }
    }
    return findings.length > 0
      ? findings
      : [{ resource: 'hr:roster', status: 'pass', message: 'no current staff in the roster' }];
  },
});
