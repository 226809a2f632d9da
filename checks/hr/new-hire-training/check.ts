import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { addDays, daysSince } from '../../../src/engine/days.js';
import {
  currentPeople,
  dayCount,
  describePerson,
  includeContractorsSchema,
  nobodyToCheck,
} from '../people.js';

export default defineCheck({
  id: 'hr.new-hire-training',
  title: 'New hires complete security training within 30 days of starting',
  provider: 'hr',
  severity: 'medium',
  description:
    'For everyone who started within the last lookbackDays, security_training_date is no later than withinDays after start_date. A new hire still inside the window passes with the due date.',
  risk: 'New staff receive access on day one; until they are trained they are the easiest people to phish and the likeliest to mishandle data.',
  remediation:
    'Make the security awareness course part of onboarding (first week), track completion in the HR system and follow up with anyone past the deadline.',
  requires: ['hr.roster'],
  options: {
    schema: {
      withinDays: dayCount('Days after start_date by which a new hire must be trained.'),
      lookbackDays: dayCount('Only people who started within this many days are new hires.'),
      includeContractors: includeContractorsSchema,
    },
    defaults: { withinDays: 30, lookbackDays: 365, includeContractors: true },
  },
  evaluate(data, options, { now }) {
    const findings: Finding[] = [];
    const since = addDays(now.toISOString().slice(0, 10), -options.lookbackDays);
    const hires = currentPeople(data['hr.roster'].people, options.includeContractors).filter(
      (p) => p.startDate && p.startDate >= since,
    );
    for (const person of hires) {
      const start = person.startDate!;
      const due = addDays(start, options.withinDays);
      const resource = `hr:${person.email}`;
      const trained = person.securityTrainingDate;
      const details = { startDate: start, dueDate: due, securityTrainingDate: trained ?? null };
      if (trained && trained <= due) {
        findings.push({
          resource,
          status: 'pass',
          message: `${describePerson(person)} started ${start}, trained ${trained}`,
        });
      } else if (trained) {
        findings.push({
          resource,
          status: 'fail',
          message: `${describePerson(person)} started ${start} but was trained only on ${trained} (due ${due})`,
          details,
        });
      } else if (daysSince(start, now) > options.withinDays) {
        findings.push({
          resource,
          status: 'fail',
          message: `${describePerson(person)} started ${start} (${daysSince(start, now)} days ago) and has no security training recorded (due ${due})`,
          details,
        });
      } else {
        findings.push({
          resource,
          status: 'pass',
          message: `${describePerson(person)} started ${start}; training due by ${due}`,
        });
      }
    }
    return findings.length > 0
      ? findings
      : [nobodyToCheck(data['hr.roster'].people, `nobody in the roster started on or after ${since}`)];
  },
});
