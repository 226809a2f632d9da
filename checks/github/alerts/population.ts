import type { PeriodAlert } from '../../../src/collectors/github/period-data.js';
import { addDays } from '../../../src/engine/days.js';
import { definePopulation, inPeriod } from '../../../src/engine/population.js';

/** The SLA check whose slaDays option (days, or days per severity) judges each kind of alert. */
const SLA_CHECK: Record<PeriodAlert['kind'], string> = {
  dependabot: 'github.dependabot-alert-sla',
  'code-scanning': 'github.code-scanning-alert-sla',
  'secret-scanning': 'github.secret-scanning-alerts',
};

export default definePopulation({
  id: 'github.alerts',
  title: 'Vulnerability and secret alerts opened or closed in the period',
  provider: 'github',
  controls: ['CC7.1', 'CC7.4'],
  requires: ['github.periodAlerts'],
  build(data, { period, now, checkOptions }) {
    const items = [];
    const deviations = [];
    const today = now.toISOString().slice(0, 10);
    for (const alert of data['github.periodAlerts']) {
      const options = checkOptions(SLA_CHECK[alert.kind]);
      const sla = options.slaDays as number | Record<string, number | undefined>;
      // Secret scanning alerts have no severity: one SLA for all. Others: the days for their severity.
      const slaDays =
        typeof sla === 'number' ? sla : alert.severity !== null ? sla[alert.severity] : undefined;
      const opened = alert.created_at.slice(0, 10);
      const dueDate = slaDays !== undefined ? addDays(opened, slaDays) : null;
      const closed = alert.closed_at?.slice(0, 10) ?? null;
      const id = `${alert.kind}:${alert.repo}#${alert.number}`;
      const occurredAt = inPeriod(alert.created_at, period) ? alert.created_at : alert.closed_at!;
      const daysToClose = closed ? Math.round((Date.parse(closed) - Date.parse(opened)) / 86_400_000) : null;
      items.push({ id, occurredAt, ...alert, slaDays: slaDays ?? null, dueDate, daysToClose });
      if (!dueDate) continue;
      // Judged once its due date falls in the period: closed late, or still open after it.
      const lateClose = closed !== null && closed > dueDate && dueDate <= period.to;
      const stillOpen = closed === null && dueDate < (today < period.to ? today : period.to);
      if (lateClose)
        deviations.push({
          item: id,
          rule: 'closed-after-sla',
          occurredAt: alert.closed_at!,
          details: `${alert.severity ?? alert.kind} alert opened ${opened}, ${alert.state} ${closed}: ${daysToClose} days (SLA ${slaDays}, due ${dueDate})`,
        });
      else if (stillOpen)
        deviations.push({
          item: id,
          rule: 'open-past-sla',
          occurredAt: `${dueDate}T00:00:00Z`,
          details: `${alert.severity ?? alert.kind} alert opened ${opened} still open after its due date ${dueDate} (SLA ${slaDays})`,
        });
    }
    return {
      items,
      deviations,
      source: { githubAlerts: ['dependabot', 'code-scanning', 'secret-scanning'] },
    };
  },
});
