import type { ScanResult } from '../engine/result.js';

/** The Type II section of the reports: one table of populations, one of deviations, as plain cells. */
export function periodTables(result: ScanResult): { title: string; headers: string[]; rows: string[][] }[] {
  if (!result.populations) return [];
  const period = result.populations[0]?.period;
  return [
    {
      title: `Populations${period ? ` ${period.from}..${period.to}` : ''}`,
      headers: ['Population', 'Criteria', 'Items', 'Complete', 'Deviations', 'File', 'SHA-256'],
      rows: result.populations.map((p) => [
        `${p.title} (${p.id})`,
        p.controls.join(', '),
        p.status === 'ok' ? String(p.size) : `${p.status}: ${p.reason ?? ''}`,
        p.complete ? 'yes' : 'no',
        String((result.deviations ?? []).filter((d) => d.population === p.id).length),
        p.file,
        p.sha256.slice(0, 16),
      ]),
    },
    {
      title: `Deviations (${result.deviations?.length ?? 0})`,
      headers: ['Population', 'Item', 'Rule', 'When', 'Details'],
      rows: (result.deviations ?? []).map((d) => [d.population, d.item, d.rule, d.occurredAt, d.details]),
    },
  ];
}
