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
  id: 'hr.policy-acknowledgement',
  title: 'Staff acknowledged the security policies within the last 12 months',
  provider: 'hr',
  severity: 'low',
  description:
    'Every current person in the HR roster has a policy_ack_date (the date they last read and accepted the information security and acceptable use policies) no older than maxAgeDays. New hires have graceDays after start_date.',
  risk: 'People cannot follow policies they never read, and without a signed acknowledgement the company cannot hold anyone to them (CC1.1, CC2.2).',
  remediation:
    'Send the policy set for acknowledgement (e-signature or the HR system), record policy_ack_date and re-export the roster; repeat every year and on every major policy change.',
  requires: ['hr.roster'],
  options: {
    schema: {
      maxAgeDays: dayCount('An acknowledgement older than this many days is out of date.'),
      graceDays: dayCount('New hires have this many days after start_date to acknowledge.'),
      includeContractors: includeContractorsSchema,
    },
    defaults: { maxAgeDays: 365, graceDays: 30, includeContractors: true },
  },
  evaluate(data, options, { now }) {
    const findings: Finding[] = [];
    for (const person of currentPeople(data['hr.roster'].people, options.includeContractors)) {
      const resource = `hr:${person.email}`;
      const ack = person.policyAckDate;
      const age = ack ? daysSince(ack, now) : undefined;
      if (age !== undefined && age <= options.maxAgeDays) {
        findings.push({
          resource,
          status: 'pass',
          message: `${describePerson(person)} acknowledged on ${ack}`,
        });
      } else if (!ack && person.startDate && daysSince(person.startDate, now) <= options.graceDays) {
        findings.push({
          resource,
          status: 'pass',
          message: `${describePerson(person)} started on ${person.startDate}; acknowledgement due by ${addDays(person.startDate, options.graceDays)}`,
        });
      } else {
        findings.push({
          resource,
          status: 'fail',
          message: ack
            ? `${describePerson(person)} last acknowledged the policies on ${ack}, ${age} days ago (max ${options.maxAgeDays})`
            : `${describePerson(person)} has no policy acknowledgement recorded`,
          details: { policyAckDate: ack ?? null, ageDays: age ?? null },
        });
      }
    }
    return findings.length > 0
      ? findings
      : [{ resource: 'hr:roster', status: 'pass', message: 'no current staff in the roster' }];
  },
});
