import { describe, expect, it } from 'vitest';
import type { PeriodAlert } from '../../../src/collectors/github/period-data.js';
import population from './population.js';

const period = { from: '2026-07-01', to: '2026-09-30' };
const SLA: Record<string, Record<string, unknown>> = {
  'github.dependabot-alert-sla': { slaDays: { critical: 7, high: 30, medium: 90 } },
  'github.code-scanning-alert-sla': { slaDays: { critical: 7, high: 30, error: 30 } },
  'github.secret-scanning-alerts': { slaDays: 7 },
};
const context = {
  period,
  now: new Date('2026-10-05T00:00:00Z'),
  checkOptions: (id: string) => SLA[id] ?? {},
};
const alert = (over: Partial<PeriodAlert>): PeriodAlert => ({
  kind: 'dependabot',
  repo: 'acme/api',
  number: 1,
  state: 'fixed',
  severity: 'critical',
  title: 'lodash',
  html_url: 'https://github.com/acme/api/security/dependabot/1',
  created_at: '2026-07-01T00:00:00Z',
  closed_at: '2026-07-05T00:00:00Z',
  ...over,
});

const build = (alerts: PeriodAlert[]) =>
  population.build({ 'github.periodAlerts': alerts } as never, context);

describe('github.alerts population', () => {
  it('judges each alert against the SLA of its severity, or the single SLA of secret scanning', () => {
    const { items, deviations } = build([
      alert({ number: 1 }),
      alert({ number: 2, closed_at: '2026-08-15T00:00:00Z' }),
      alert({ number: 3, severity: 'high', closed_at: '2026-07-20T00:00:00Z' }),
      alert({ number: 4, severity: 'low', closed_at: null, state: 'open' }),
      alert({ kind: 'secret-scanning', number: 5, severity: null, closed_at: null, state: 'open' }),
    ]);
    expect(items.map((i) => [i.id, i.slaDays, i.dueDate])).toEqual([
      ['dependabot:acme/api#1', 7, '2026-07-08'],
      ['dependabot:acme/api#2', 7, '2026-07-08'],
      ['dependabot:acme/api#3', 30, '2026-07-31'],
      ['dependabot:acme/api#4', null, null],
      ['secret-scanning:acme/api#5', 7, '2026-07-08'],
    ]);
    expect(deviations.map((d) => [d.item, d.rule])).toEqual([
      ['dependabot:acme/api#2', 'closed-after-sla'],
      ['secret-scanning:acme/api#5', 'open-past-sla'],
    ]);
  });

  it('dates an alert closed in the period but opened before it by its closing', () => {
    const { items } = build([
      alert({ created_at: '2026-06-20T00:00:00Z', closed_at: '2026-07-02T00:00:00Z', severity: 'medium' }),
    ]);
    expect(items[0]).toMatchObject({ occurredAt: '2026-07-02T00:00:00Z', daysToClose: 12 });
  });
});
