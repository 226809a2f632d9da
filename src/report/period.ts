import type { ControlObservations, Observation, PeriodReport, ScanListing } from '../core/period.js';
import { escapeHtml as e } from './html.js';

/** Observations, not opinions: the tool reports what its scans saw; conclusions are the auditor's. */
export const OBSERVATION_LABEL: Record<Observation, string> = {
  passed: 'Passed in every complete scan',
  failed: 'Failed in some scans',
  not_tested: 'Not tested',
  design_only: 'Design evidence only',
};

const TITLE = 'SOC 2 monitoring observations';

export function renderPeriodJson(report: PeriodReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function scanMode(s: ScanListing): string {
  return s.replayed ? `${s.mode} (REPLAYED DATA)` : s.mode;
}

function intro(report: PeriodReport): string[] {
  const lines = [
    `Period ${report.period.from} to ${report.period.to} (UTC, both days included). ${report.scans.length} scan(s) in the period; scans expected at least every ${report.expectedIntervalDays} days, each control judged against the interval of its own frequency.`,
    `These are observations of automated scans and dated documents; conclusions about the controls are the auditor's.`,
    `Controls: ${report.summary.controls} · passed in every complete scan: ${report.summary.passed} · failed in some scans: ${report.summary.failed} · not tested: ${report.summary.not_tested} · design evidence only: ${report.summary.design_only}`,
  ];
  if (report.replayedScans > 0) {
    lines.unshift(
      `REPLAYED DATA: ${report.replayedScans} of ${report.scans.length} scans evaluated recorded (snapshot or demo) data, not data collected from the live systems at the time shown. Each is marked below.`,
    );
  }
  return lines;
}

const scanRow = (s: ScanListing) => [
  s.evaluatedAt,
  scanMode(s),
  s.complete ? 'complete' : 'incomplete',
  s.outputSha256 ?? 'not recorded',
];

function notEvaluatedText(c: ControlObservations): string[] {
  return c.notEvaluated.map(
    (n) =>
      `${n.check}: not evaluated in ${n.scans} scan(s) (${Object.entries(n.statuses)
        .map(([status, count]) => `${status} ${count}`)
        .join(', ')})`,
  );
}

function detailLines(c: ControlObservations): string[] {
  return [
    ...notEvaluatedText(c),
    ...c.gaps.map(
      (g) =>
        `No complete scan from ${g.from} to ${g.to} (${g.days} days; expected every ${c.expectedIntervalDays})`,
    ),
    ...c.evidence.map(
      (ev) =>
        `Manual evidence ${ev.id} (${ev.frequency}): ${ev.inPeriod.length > 0 ? `items dated ${ev.inPeriod.join(', ')}` : 'no item dated in the period'}${ev.intervalsWithout.length > 0 ? `; no item for ${ev.intervalsWithout.map((i) => `${i.from}..${i.to}`).join(', ')}` : ''}`,
    ),
  ];
}

const deviationRow = (d: ControlObservations['deviations'][number]) => [
  d.check,
  d.resource,
  d.firstSeen,
  d.lastSeen,
  String(d.scans),
  d.closed ?? 'not shown passing by a later complete scan',
];

const DEVIATION_HEAD = [
  'Check',
  'Resource',
  'First seen failing',
  'Last seen failing',
  'Scans failing',
  'Shown passing',
];
const SCAN_HEAD = ['Scan (data as of)', 'Mode', 'Completeness', 'Output SHA-256 (evidence/manifest.json)'];
const CONTROL_HEAD = ['Control', 'Frequency', 'Scans (complete)', 'Observation'];
const controlRow = (c: ControlObservations) => [
  `${c.id} ${c.title}`,
  c.frequency ?? '-',
  `${c.scans} (${c.completeScans})`,
  c.statement,
];

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
const mdTable = (head: string[], rows: string[][]) => [
  `| ${head.join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  '',
];
const htmlTable = (head: string[], rows: string[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((x) => `<td>${e(x)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

const detailed = (report: PeriodReport) =>
  report.controls.filter((c) => c.deviations.length > 0 || detailLines(c).length > 0);

export function renderPeriodMarkdown(report: PeriodReport): string {
  const out: string[] = [`# ${TITLE}: ${report.organization}`, ''];
  for (const line of intro(report)) out.push(line.startsWith('REPLAYED') ? `> **${line}**` : line, '');
  out.push('## Scans in the period', '');
  if (report.scans.length === 0) out.push('None.', '');
  else out.push(...mdTable(SCAN_HEAD, report.scans.map(scanRow)));
  out.push('## Gaps in monitoring', '');
  if (report.gaps.length === 0)
    out.push('None: no stretch without a scan was longer than the expected interval.', '');
  else out.push(...report.gaps.map((g) => `- ${g.from} to ${g.to}: ${g.days} days without a scan`), '');
  out.push('## Controls', '', ...mdTable(CONTROL_HEAD, report.controls.map(controlRow)));
  const details = detailed(report);
  if (details.length > 0) out.push('## Details per control', '');
  for (const c of details) {
    out.push(`### ${c.id} ${cell(c.title)}`, '', `${c.statement}. Criteria: ${c.criteria.join(', ')}`, '');
    if (c.deviations.length > 0) out.push(...mdTable(DEVIATION_HEAD, c.deviations.map(deviationRow)));
    const lines = detailLines(c);
    if (lines.length > 0) out.push(...lines.map((l) => `- ${cell(l)}`), '');
  }
  return out.join('\n');
}

export function renderPeriodHtml(report: PeriodReport): string {
  const details = detailed(report)
    .map((c) => {
      const lines = detailLines(c);
      return `<h3>${e(c.id)} ${e(c.title)}</h3><p>${e(c.statement)}. Criteria: ${e(c.criteria.join(', '))}</p>${
        c.deviations.length > 0 ? htmlTable(DEVIATION_HEAD, c.deviations.map(deviationRow)) : ''
      }${lines.length > 0 ? `<ul>${lines.map((l) => `<li>${e(l)}</li>`).join('')}</ul>` : ''}`;
    })
    .join('\n');
  const gaps =
    report.gaps.length === 0
      ? '<p>None: no stretch without a scan was longer than the expected interval.</p>'
      : `<ul>${report.gaps.map((g) => `<li>${e(g.from)} to ${e(g.to)}: ${g.days} days without a scan</li>`).join('')}</ul>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${TITLE}: ${e(report.organization)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:0 auto;padding:24px}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #d1d9e0;vertical-align:top}th{background:#f6f8fa}.banner{border:2px solid #9a6700;background:#fff8c5;padding:8px 12px}</style></head>
<body><main>
<h1>${TITLE}: ${e(report.organization)}</h1>
${intro(report)
  .map((line) =>
    line.startsWith('REPLAYED') ? `<p class="banner"><strong>${e(line)}</strong></p>` : `<p>${e(line)}</p>`,
  )
  .join('\n')}
<h2>Scans in the period</h2>
${report.scans.length === 0 ? '<p>None.</p>' : htmlTable(SCAN_HEAD, report.scans.map(scanRow))}
<h2>Gaps in monitoring</h2>
${gaps}
<h2>Controls</h2>
${htmlTable(CONTROL_HEAD, report.controls.map(controlRow))}
${details ? `<h2>Details per control</h2>\n${details}` : ''}
</main></body></html>
`;
}

export const periodRenderers: Record<string, { file: string; render: (r: PeriodReport) => string }> = {
  json: { file: 'period-report.json', render: renderPeriodJson },
  md: { file: 'period-report.md', render: renderPeriodMarkdown },
  html: { file: 'period-report.html', render: renderPeriodHtml },
};
