import type { ControlEffectiveness, PeriodReport } from '../core/period.js';
import { escapeHtml as e } from './html.js';
import { markdownText as cell } from './text.js';

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
const mttr = (c: ControlEffectiveness) =>
  c.meanTimeToRemediateDays === null ? '-' : `${c.meanTimeToRemediateDays} d`;
const CONCLUSION: Record<ControlEffectiveness['conclusion'], string> = {
  effective: 'Operated effectively',
  deviations: 'Deviations noted',
  not_tested: 'Not tested in period',
};

export function renderPeriodJson(report: PeriodReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function renderPeriodMarkdown(report: PeriodReport): string {
  const out: string[] = [
    `# SOC 2 operating effectiveness: ${cell(report.organization)}`,
    '',
    `Period ${report.period.from} to ${report.period.to} (UTC, both days included). ${report.scans} scan(s)${report.firstScan ? `, first ${report.firstScan}, last ${report.lastScan}` : ''}. Expected a scan at least every ${report.expectedIntervalDays} days.`,
    '',
    `Controls: ${report.summary.controls} · operated effectively: ${report.summary.effective} · deviations noted: ${report.summary.deviations} · not tested: ${report.summary.notTested}`,
    '',
    '## Gaps in monitoring',
    '',
  ];
  if (report.gaps.length === 0)
    out.push('None: no stretch without a scan was longer than the expected interval.', '');
  else {
    for (const g of report.gaps) out.push(`- ${g.from} to ${g.to}: ${g.days} days without a scan`);
    out.push('');
  }
  out.push(
    '## Controls',
    '',
    '| Control | Scans | Passing | Failure windows | Mean time to remediate | Gaps | Conclusion |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...report.controls.map(
      (c) =>
        `| ${cell(`${c.id} ${c.title}`)} | ${c.scans} | ${pct(c.passingShare)} | ${c.failureWindows.length} | ${mttr(c)} | ${c.gaps.length} | ${CONCLUSION[c.conclusion]} |`,
    ),
    '',
  );
  const withWindows = report.controls.filter((c) => c.failureWindows.length > 0 || c.gaps.length > 0);
  if (withWindows.length > 0) out.push('## Deviations', '');
  for (const c of withWindows) {
    out.push(`### ${c.id} ${cell(c.title)}`, '', `Criteria: ${c.criteria.join(', ')}`, '');
    if (c.failureWindows.length > 0) {
      out.push(
        '| First seen | Fixed | Days open | Failing checks |',
        '| --- | --- | --- | --- |',
        ...c.failureWindows.map(
          (w) =>
            `| ${w.firstSeen} | ${w.fixed ?? 'still open at period end'} | ${w.daysOpen} | ${cell(w.checks.join(', '))} |`,
        ),
        '',
      );
    }
    for (const g of c.gaps) out.push(`- Not scanned from ${g.from} to ${g.to} (${g.days} days)`);
    if (c.gaps.length > 0) out.push('');
  }
  return `${out.join('\n')}`;
}

export function renderPeriodHtml(report: PeriodReport): string {
  const rows = report.controls
    .map(
      (c) =>
        `<tr><td><b>${e(c.id)}</b> ${e(c.title)}</td><td>${c.scans}</td><td>${pct(c.passingShare)}</td><td>${c.failureWindows.length}</td><td>${e(mttr(c))}</td><td>${c.gaps.length}</td><td>${e(CONCLUSION[c.conclusion])}</td></tr>`,
    )
    .join('\n');
  const details = report.controls
    .filter((c) => c.failureWindows.length > 0 || c.gaps.length > 0)
    .map(
      (c) => `<h3>${e(c.id)} ${e(c.title)}</h3><p>Criteria: ${e(c.criteria.join(', '))}</p>
${
  c.failureWindows.length > 0
    ? `<table><thead><tr><th>First seen</th><th>Fixed</th><th>Days open</th><th>Failing checks</th></tr></thead><tbody>${c.failureWindows
        .map(
          (w) =>
            `<tr><td>${e(w.firstSeen)}</td><td>${e(w.fixed ?? 'still open at period end')}</td><td>${w.daysOpen}</td><td>${e(w.checks.join(', '))}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : ''
}${c.gaps.map((g) => `<p>Not scanned from ${e(g.from)} to ${e(g.to)} (${g.days} days)</p>`).join('')}`,
    )
    .join('\n');
  const gaps =
    report.gaps.length === 0
      ? '<p>None: no stretch without a scan was longer than the expected interval.</p>'
      : `<ul>${report.gaps.map((g) => `<li>${e(g.from)} to ${e(g.to)}: ${g.days} days without a scan</li>`).join('')}</ul>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>SOC 2 operating effectiveness: ${e(report.organization)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:0 auto;padding:24px}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #d1d9e0;vertical-align:top}th{background:#f6f8fa}</style></head>
<body><main>
<h1>SOC 2 operating effectiveness: ${e(report.organization)}</h1>
<p>Period ${e(report.period.from)} to ${e(report.period.to)} (UTC, both days included). ${report.scans} scan(s). Expected a scan at least every ${report.expectedIntervalDays} days.</p>
<p>Controls: ${report.summary.controls} · operated effectively: ${report.summary.effective} · deviations noted: ${report.summary.deviations} · not tested: ${report.summary.notTested}</p>
<h2>Gaps in monitoring</h2>
${gaps}
<h2>Controls</h2>
<table><thead><tr><th>Control</th><th>Scans</th><th>Passing</th><th>Failure windows</th><th>Mean time to remediate</th><th>Gaps</th><th>Conclusion</th></tr></thead><tbody>
${rows}
</tbody></table>
${details ? `<h2>Deviations</h2>\n${details}` : ''}
</main></body></html>
`;
}

export const periodRenderers: Record<string, { file: string; render: (r: PeriodReport) => string }> = {
  json: { file: 'period-report.json', render: renderPeriodJson },
  md: { file: 'period-report.md', render: renderPeriodMarkdown },
  html: { file: 'period-report.html', render: renderPeriodHtml },
};
