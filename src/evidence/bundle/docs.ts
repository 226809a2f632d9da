import type { CheckResult, ScanResult } from '../../engine/result.js';
import type { ControlStatus } from '../../engine/types.js';
import { escapeHtml as e } from '../../report/html.js';
import {
  CHECK_STATUS_LABEL,
  CONTROL_STATUS_LABEL,
  controlTypeLabel,
  replayBanner,
} from '../../report/labels.js';
import { markdownText as md } from '../../report/text.js';
import { csvTable } from './csv.js';
import type { BundleLayout, ControlEvidence } from './layout.js';

/** Passing findings listed per check in a control README; failing and excepted ones are always listed. */
const PASSING_SHOWN = 100;

const link = (text: string, to: string) => `[${md(text)}](${encodeURI(to)})`;
const statusLabel = (status: string) => CONTROL_STATUS_LABEL[status as ControlStatus] ?? status;

/** Newest of a control's evidence times: its data keys' collection and its manual evidence dates. */
export function lastCollected(entry: ControlEvidence): string {
  const times = [
    ...entry.automated.map((a) => a.collectedAt),
    ...entry.manual.map((m) => m.evidence.collectedAt),
  ].filter((t): t is string => Boolean(t));
  return times.sort().at(-1) ?? '';
}

export function evidencePaths(entry: ControlEvidence): string[] {
  return [
    ...entry.automated.map((a) => a.path),
    ...entry.registers.map((r) => r.path),
    ...entry.manual.flatMap((m) => m.files.flatMap((f) => (f.path ? [f.path] : []))),
  ];
}

function checkSection(check: CheckResult, folder: string, evidence: ControlEvidence): string[] {
  const lines = [
    `### ${md(check.title)} (\`${check.id}\`) - ${CHECK_STATUS_LABEL[check.status] ?? check.status}`,
    '',
    `Severity: ${check.severity}. ${check.description ?? ''}`,
  ];
  if (check.reason) lines.push('', `Reason: ${md(check.reason)}`);
  const data = evidence.automated.filter((a) => (check.data ?? []).includes(a.key));
  if (data.length > 0) {
    lines.push('', `Evidence: ${data.map((a) => link(a.key, a.path.slice(folder.length + 1))).join(', ')}`);
  }
  const findings = check.findings ?? [];
  const failing = findings.filter((f) => f.status === 'fail');
  const passing = findings.filter((f) => f.status === 'pass');
  if (findings.length > 0) {
    lines.push('', '| Resource | Result | Message |', '| --- | --- | --- |');
    for (const f of failing) {
      const result = f.exception ? `Excepted: ${f.exception.reason}` : 'Fail';
      lines.push(`| ${md(f.resource)} | ${md(result)} | ${md(f.message)} |`);
    }
    for (const f of passing.slice(0, PASSING_SHOWN)) {
      lines.push(`| ${md(f.resource)} | Pass | ${md(f.message)} |`);
    }
    if (passing.length > PASSING_SHOWN) {
      lines.push('', `${passing.length - PASSING_SHOWN} more passing findings are in report/report.json.`);
    }
  }
  if (check.status === 'fail') lines.push('', `Remediation: ${check.remediation ?? ''}`);
  return [...lines, ''];
}

export function controlReadme(entry: ControlEvidence, report: ScanResult): string {
  const { control, folder } = entry;
  const up = '../..';
  const lines = [
    `# ${control.id}: ${md(control.title)}`,
    '',
    `Status: **${statusLabel(control.status)}**  `,
    `Owner: ${md(control.owner ?? '')}  `,
    `Frequency: ${md(String(control.frequency ?? ''))}  `,
    `Type: ${controlTypeLabel(control) || 'n/a'}  `,
    `Criteria: ${(control.criteria ?? []).map((c) => link(c, `${up}/criteria/README.md#${c.toLowerCase().replace(/\./g, '')}`)).join(', ')}  `,
    `Last collected: ${lastCollected(entry) || 'n/a'}  `,
    `Scan: ${report.scan?.mode ?? ''} scan of ${md(report.organization ?? '')}, data as of ${report.scan?.evaluatedAt ?? ''}`,
    '',
    ...bannerLines(report),
    control.description ?? '',
    '',
  ];
  if (control.population || control.testProcedure) {
    lines.push(
      '## How an auditor tests it',
      '',
      `Population: ${md(control.population ?? '')}`,
      '',
      `Test procedure: ${md(control.testProcedure ?? '')}`,
      '',
    );
  }
  const rationale = Object.entries(control.rationale ?? {});
  if (rationale.length > 0) {
    lines.push('## How this control meets its criteria', '');
    for (const [criterion, why] of rationale) {
      const role =
        control.roles?.[criterion] === 'supports' ? ' (supports: its findings do not fail it)' : '';
      lines.push(`- **${criterion}**${role}: ${md(why)}`);
    }
    lines.push('');
  }
  const checks = report.checks.filter((c) => control.checks.includes(c.id));
  lines.push('## Automated checks', '');
  if (checks.length === 0) lines.push('None: this control relies on manual evidence.', '');
  for (const check of checks) lines.push(...checkSection(check, folder, entry));

  if (entry.registers.length > 0) {
    lines.push(
      '## Registers',
      '',
      ...entry.registers.map(
        (r) =>
          `- ${link(r.name, r.path.slice(folder.length + 1))}: the file \`${r.key}\` was read from, as the scan read it`,
      ),
      '',
    );
  }

  const excepted = checks.flatMap((c) =>
    (c.findings ?? []).filter((f) => f.exception).map((f) => ({ check: c.id, finding: f })),
  );
  lines.push('## Exceptions', '');
  if (excepted.length === 0) lines.push('None applied.', '');
  else {
    lines.push('| Check | Resource | Reason | Approved by | Expires |', '| --- | --- | --- | --- | --- |');
    for (const { check, finding } of excepted) {
      const x = finding.exception!;
      lines.push(
        `| \`${check}\` | ${md(finding.resource)} | ${md(x.reason)} | ${md(x.approved_by ?? '')} | ${md(x.expires ?? '')} |`,
      );
    }
    lines.push('');
  }

  lines.push('## Manual evidence', '');
  if (entry.manual.length === 0) lines.push('None requested.', '');
  for (const { evidence, files } of entry.manual) {
    lines.push(
      `- **${md(evidence.title)}** (\`${evidence.id}\`): ${evidence.status}; owner ${md(evidence.owner ?? '')}, ${evidence.frequency}` +
        (evidence.collectedAt ? `, collected ${evidence.collectedAt}` : '') +
        (evidence.note ? `. ${md(evidence.note)}` : ''),
    );
    for (const f of files) {
      lines.push(
        f.path
          ? `  - ${link(f.name, f.path.slice(folder.length + 1))}`
          : `  - ${md(f.name)} (${md(f.problem ?? '')})`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
}

function bannerLines(report: ScanResult): string[] {
  const banner = replayBanner(report.scan ?? {});
  return banner ? [`> **${md(banner)}**`, ''] : [];
}

export function criteriaReadme(layout: BundleLayout): string {
  const { report } = layout;
  const folderOf = new Map(layout.controls.map((c) => [c.control.id, c.folder]));
  const lines = [
    '# Trust Services Criteria',
    '',
    ...bannerLines(report),
    `Each criterion of the 2017 Trust Services Criteria in scope, its status and the controls that support it.`,
    '',
  ];
  for (const criterion of report.criteria ?? []) {
    lines.push(
      `## ${criterion.id}`,
      '',
      `${md(criterion.title)}`,
      '',
      `Status: **${statusLabel(criterion.status)}**`,
      '',
    );
    const controls = criterion.controls ?? [];
    if (controls.length === 0) lines.push('No control in scope supports this criterion.');
    for (const id of controls) {
      const control = report.controls.find((c) => c.id === id);
      const folder = folderOf.get(id);
      const title = control ? `${id}: ${control.title}` : id;
      lines.push(
        `- ${folder ? link(title, `../${folder}/README.md`) : md(title)}` +
          (control ? ` (${statusLabel(control.status)})` : ''),
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function controlMatrix(layout: BundleLayout): string {
  const rows: string[][] = [
    ['control_id', 'title', 'criteria', 'owner', 'frequency', 'status', 'evidence_files', 'last_collected'],
  ];
  for (const entry of layout.controls) {
    const { control } = entry;
    rows.push([
      control.id,
      control.title ?? '',
      (control.criteria ?? []).join('; '),
      control.owner ?? '',
      String(control.frequency ?? ''),
      control.status,
      evidencePaths(entry).join('; '),
      lastCollected(entry),
    ]);
  }
  return csvTable(rows);
}

/** The bundle's front page: plain HTML with inline styles, no scripts, no network (CSP forbids it). */
export function indexHtml(layout: BundleLayout): string {
  const { report } = layout;
  const badge = (status: string) => `<span class="s s-${e(status)}">${e(statusLabel(status))}</span>`;
  const controlRows = layout.controls
    .map((entry) => {
      const { control, folder } = entry;
      const files = evidencePaths(entry);
      return `<tr><td><a href="${e(encodeURI(`${folder}/README.md`))}">${e(control.id)}</a></td><td>${e(control.title ?? '')}</td><td>${badge(control.status)}</td><td>${e((control.criteria ?? []).join(', '))}</td><td>${e(control.owner ?? '')}</td><td>${files.length}</td><td>${e(lastCollected(entry))}</td></tr>`;
    })
    .join('\n');
  const criteriaRows = (report.criteria ?? [])
    .map(
      (c) =>
        `<tr><td>${e(c.id)}</td><td>${e(c.title)}</td><td>${badge(c.status)}</td><td>${(c.controls ?? [])
          .map((id) => {
            const folder = layout.controls.find((x) => x.control.id === id)?.folder;
            return folder ? `<a href="${e(encodeURI(`${folder}/README.md`))}">${e(id)}</a>` : e(id);
          })
          .join(', ')}</td></tr>`,
    )
    .join('\n');
  const summary = report.summary;
  const banner = replayBanner(report.scan ?? {});
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SOC 2 evidence bundle: ${e(report.organization ?? '')}</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328}main{max-width:1200px;margin:0 auto;padding:24px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #d1d9e0;vertical-align:top}th{background:#f6f8fa}
.s{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px;font-weight:600;white-space:nowrap;background:#6e7781}
.banner{border:2px solid #9a6700;background:#fff8c5;padding:8px 12px}.s-pass{background:#1a7f37}.s-fail{background:#cf222e}.s-partial{background:#9a6700}.s-manual{background:#0969da}.muted{color:#59636e}
</style>
</head>
<body><main>
<h1>SOC 2 evidence bundle: ${e(report.organization ?? '')}</h1>
${banner ? `<p class="banner"><strong>${e(banner)}</strong></p>\n` : ''}<p class="muted">${e(report.scan?.mode ?? '')} scan, data as of ${e(report.scan?.evaluatedAt ?? '')}; written by ${e(report.tool?.name ?? 'soc2')} ${e(report.tool?.version ?? '')}.
Readiness ${e(String(summary?.readiness ?? ''))}% of ${e(String(summary?.controls?.total ?? layout.controls.length))} controls.</p>
<p>Start here: <a href="control-matrix.csv">control-matrix.csv</a> (one row per control),
<a href="criteria/README.md">criteria/README.md</a> (criterion to controls),
<a href="report/report.html">report/report.html</a> (the full gap report) and
<a href="manifest.json">manifest.json</a> (SHA-256 and size of every file).
Check the bundle with <code>soc2 verify</code>, or with coreutils: <code>sha256sum -c SHA256SUMS</code> in the extracted folder.</p>
<h2>Controls</h2>
<table><thead><tr><th>Control</th><th>Title</th><th>Status</th><th>Criteria</th><th>Owner</th><th>Evidence files</th><th>Last collected</th></tr></thead>
<tbody>
${controlRows}
</tbody></table>
<h2>Criteria</h2>
<table><thead><tr><th>Criterion</th><th>Title</th><th>Status</th><th>Controls</th></tr></thead>
<tbody>
${criteriaRows}
</tbody></table>
</main></body>
</html>
`;
}
