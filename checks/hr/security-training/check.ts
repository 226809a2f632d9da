import { defineCheck } from '../../../src/engine/check.js';
import { dayCount, includeContractorsSchema, recurringDateFindings } from '../people.js';

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
    return recurringDateFindings(data['hr.roster'].people, options, now, {
      date: (p) => p.securityTrainingDate,
      detailKey: 'securityTrainingDate',
      done: 'trained on',
      due: 'training due by',
      lastDone: 'last trained on',
      missing: 'has no security training recorded',
      graceEvenWithDate: true,
    });
  },
});
