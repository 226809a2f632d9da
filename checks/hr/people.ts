import type { Person } from '../../src/collectors/hr/data.js';

const DAY = 86_400_000;

/** Whole days from a YYYY-MM-DD date (midnight UTC) to `now`; negative when the date is in the future. */
export function daysSince(date: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(`${date}T00:00:00Z`)) / DAY);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** People who currently work for the company: active or on leave. */
export function currentPeople(people: readonly Person[], includeContractors = true): Person[] {
  return people.filter(
    (p) => p.status !== 'terminated' && (includeContractors || p.employmentType === 'employee'),
  );
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
