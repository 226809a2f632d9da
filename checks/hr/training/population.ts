import { addDays } from '../../../src/engine/days.js';
import { definePopulation, inPeriod } from '../../../src/engine/population.js';

/**
 * Every hire in the period with security training against hr.new-hire-training's deadline (withinDays
 * after the start date). The roster holds each person's latest training date only (docs/people.md).
 */
export default definePopulation({
  id: 'hr.training',
  title: 'New hires and their security training',
  provider: 'hr',
  controls: ['CC1.4', 'CC2.2'],
  requires: ['hr.roster'],
  build(data, { period, now, checkOptions }) {
    const withinDays = checkOptions('hr.new-hire-training').withinDays as number;
    const today = now.toISOString().slice(0, 10);
    const items = [];
    const deviations = [];
    for (const person of data['hr.roster'].people) {
      if (!inPeriod(person.startDate, period)) continue;
      const start = person.startDate!;
      const due = addDays(start, withinDays);
      const trained = person.securityTrainingDate ?? null;
      const id = `hire:${person.email}`;
      items.push({
        id,
        occurredAt: start,
        person: person.email,
        name: person.name,
        rosterLine: person.line,
        dueDate: due,
        trainedOn: trained,
      });
      if (trained && trained > due)
        deviations.push({
          item: id,
          rule: 'trained-late',
          occurredAt: trained,
          details: `started ${start}, trained ${trained}, due ${due}`,
        });
      else if (!trained && due < today)
        deviations.push({
          item: id,
          rule: 'not-trained',
          occurredAt: due,
          details: `started ${start}, no training recorded, due ${due}`,
        });
    }
    return {
      items,
      deviations,
      source: { hrRoster: data['hr.roster'].file, rosterSha256: data['hr.roster'].sha256 },
      limitations: [
        'The roster keeps the latest training date: a hire retrained since shows the later date.',
      ],
    };
  },
});
