import { describe, expect, it } from 'vitest';
import type { Person } from '../../../src/collectors/hr/data.js';
import population from './population.js';

const context = {
  period: { from: '2026-07-01', to: '2026-09-30' },
  now: new Date('2026-10-05T00:00:00Z'),
  checkOptions: () => ({ withinDays: 30 }),
};
const person = (email: string, over: Partial<Person>): Person =>
  ({ email, name: email, status: 'active', line: 2, ...over }) as Person;

describe('hr.training population', () => {
  it('lists every hire of the period, and flags training late or missing past its deadline', () => {
    const people = [
      person('on-time@x.test', { startDate: '2026-07-01', securityTrainingDate: '2026-07-20' }),
      person('late@x.test', { startDate: '2026-07-01', securityTrainingDate: '2026-08-15' }),
      person('never@x.test', { startDate: '2026-08-01' }),
      person('not-due@x.test', { startDate: '2026-09-20' }),
      person('earlier@x.test', { startDate: '2026-05-01' }),
    ];
    const { items, deviations } = population.build(
      { 'hr.roster': { people, file: 'roster.csv', sha256: 'abc' } } as never,
      context,
    );
    expect(items.map((i) => [i.person, i.dueDate, i.trainedOn])).toEqual([
      ['on-time@x.test', '2026-07-31', '2026-07-20'],
      ['late@x.test', '2026-07-31', '2026-08-15'],
      ['never@x.test', '2026-08-31', null],
      ['not-due@x.test', '2026-10-20', null],
    ]);
    expect(deviations.map((d) => [d.item, d.rule])).toEqual([
      ['hire:late@x.test', 'trained-late'],
      ['hire:never@x.test', 'not-trained'],
    ]);
  });
});
