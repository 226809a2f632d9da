import type { Person } from '../../src/collectors/hr/data.js';
import { addDays, daysSince } from '../../src/engine/days.js';
import type { Finding } from '../../src/engine/types.js';

/** People who currently work for the company: active or on leave. */
export function currentPeople(people: readonly Person[], includeContractors = true): Person[] {
  return people.filter(
    (p) => p.status !== 'terminated' && (includeContractors || p.employmentType === 'employee'),
  );
}

/**
 * The finding when a check found no one to look at: a roster with nobody in it proves nothing (an
 * export that went wrong, a header row only), so it fails; one whose people are out of scope passes.
 */
export function nobodyToCheck(people: readonly Person[], passMessage: string): Finding {
  return people.length === 0
    ? {
        resource: 'hr:roster',
        status: 'fail',
        message:
          'the HR roster lists nobody: an empty export proves nothing; check the export and its header row',
      }
    : { resource: 'hr:roster', status: 'pass', message: passMessage };
}

export function describePerson(p: Person): string {
  return `${p.name} <${p.email}>`;
}

/** Shared option schemas. */
export const dayCount = (description: string) => ({ type: 'integer', minimum: 0, description });
export const includeContractorsSchema = {
  type: 'boolean',
  description: 'Also evaluate contractors (employment_type contractor).',
};

export interface RecurringDateSpec {
  /** The roster date that must be recent, e.g. the last security training. */
  date: (p: Person) => string | undefined;
  detailKey: string;
  /** Message words: "<person> trained on <date>", "training due by", "last trained on", "has no ... recorded". */
  done: string;
  due: string;
  lastDone: string;
  missing: string;
  /** Whether a new hire who already has an (outdated) date is still within the grace period. */
  graceEvenWithDate: boolean;
}

/**
 * One finding per current person: pass when the date is at most maxAgeDays old or the person started
 * less than graceDays ago, fail otherwise.
 */
export function recurringDateFindings(
  people: readonly Person[],
  options: { maxAgeDays: number; graceDays: number; includeContractors: boolean },
  now: Date,
  spec: RecurringDateSpec,
): Finding[] {
  const findings: Finding[] = currentPeople(people, options.includeContractors).map((person) => {
    const resource = `hr:${person.email}`;
    const date = spec.date(person);
    const age = date ? daysSince(date, now) : undefined;
    if (age !== undefined && age <= options.maxAgeDays) {
      return { resource, status: 'pass', message: `${describePerson(person)} ${spec.done} ${date}` };
    }
    if (
      (spec.graceEvenWithDate || !date) &&
      person.startDate &&
      daysSince(person.startDate, now) <= options.graceDays
    ) {
      return {
        resource,
        status: 'pass',
        message: `${describePerson(person)} started on ${person.startDate}; ${spec.due} ${addDays(person.startDate, options.graceDays)}`,
      };
    }
    return {
      resource,
      status: 'fail',
      message: date
        ? `${describePerson(person)} ${spec.lastDone} ${date}, ${age} days ago (max ${options.maxAgeDays})`
        : `${describePerson(person)} ${spec.missing}`,
      details: { [spec.detailKey]: date ?? null, ageDays: age ?? null },
    };
  });
  return findings.length > 0 ? findings : [nobodyToCheck(people, 'no current staff in the roster')];
}
