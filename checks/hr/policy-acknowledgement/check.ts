import { defineCheck } from '../../../src/engine/check.js';
import { dayCount, includeContractorsSchema, recurringDateFindings } from '../people.js';

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
    return recurringDateFindings(data['hr.roster'].people, options, now, {
      date: (p) => p.policyAckDate,
      detailKey: 'policyAckDate',
      done: 'acknowledged on',
      due: 'acknowledgement due by',
      lastDone: 'last acknowledged the policies on',
      missing: 'has no policy acknowledgement recorded',
      graceEvenWithDate: false,
    });
  },
});
