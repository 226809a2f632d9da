import type { CheckResult, ControlResult, CriterionResult, ScanResult } from '../engine/result.js';
import { SEVERITIES, type ControlStatus } from '../engine/types.js';
import { evidencePathForKey } from '../evidence/scan-output.js';
import { escapeHtml } from './escape-html.js';
import type { ReportContext } from './index.js';
import { periodTables } from './populations.js';
import {
  causeText,
  CHECK_STATUS_LABEL,
  CONTROL_STATUS_LABEL,
  controlTypeLabel,
  criteriaWithRoles,
  displayTime,
  FINDINGS_SHOWN,
  NOT_AN_ATTESTATION,
  notCheckedFindings,
  replayBanner,
  scopeStatement,
} from './labels.js';
import { markdownToHtml } from './markdown-html.js';
import { failuresByRisk, TOP_FAILURES, type RankedFailure } from './risk.js';
import { TREND_SCANS_SHOWN, trendPoints, trendSvg } from './trend-svg.js';

export { escapeHtml };

const e = escapeHtml;

const STYLE = `
:root{--pass:#1a7f37;--fail:#cf222e;--partial:#9a6700;--manual:#0969da;--none:#6e7781;--critical:#82071e;--high:#cf222e;--medium:#bc4c00;--low:#9a6700;--info:#6e7781;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0}
main{max-width:1100px;margin:0 auto;padding:20px}h1{font-size:24px;margin:0 0 4px}h2{margin-top:32px;border-bottom:1px solid var(--line);padding-bottom:6px}
a{color:var(--manual)}.muted{color:var(--muted)}.notice{border-left:4px solid var(--manual);background:var(--soft);padding:8px 12px;margin:12px 0}
.banner{border:2px solid var(--fail);background:#ffebe9;padding:10px 14px;border-radius:6px;margin:12px 0}
.cards{display:flex;gap:10px;flex-wrap:wrap;margin:12px 0}.card{border:1px solid var(--line);border-radius:8px;padding:10px 14px;flex:1 1 180px}
.card b{display:block;font-size:26px}.scroll{overflow-x:auto}
.stack{display:flex;height:10px;min-width:120px;border-radius:5px;overflow:hidden;background:#eaeef2}.stack span{display:block;height:100%}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--soft)}.s{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px;font-weight:600;white-space:nowrap}
.s-pass{background:var(--pass)}.s-fail{background:var(--fail)}.s-partial{background:var(--partial)}.s-manual{background:var(--manual)}
.s-not_evaluated,.s-skipped{background:var(--none)}.s-error{background:#8250df}
.s-critical{background:var(--critical)}.s-high{background:var(--high)}.s-medium{background:var(--medium)}.s-low{background:var(--low)}.s-info{background:var(--info)}
.bg-pass{background:var(--pass)}.bg-fail{background:var(--fail)}.bg-partial{background:var(--partial)}.bg-manual{background:var(--manual)}.bg-not_evaluated{background:var(--none)}
ol.top{padding-left:0;list-style:none;counter-reset:top}ol.top>li{counter-increment:top;border:1px solid var(--line);border-left:6px solid var(--fail);border-radius:6px;padding:8px 12px;margin:8px 0}
ol.top>li.critical{border-left-color:var(--critical)}ol.top>li.medium{border-left-color:var(--medium)}ol.top>li.low,ol.top>li.info{border-left-color:var(--low)}
ol.top>li>div:first-child::before{content:counter(top) ". ";font-weight:700}.fix p{margin:4px 0;grid-column:2}.fix ul,.fix ol{margin:4px 0}
details{border:1px solid var(--line);border-radius:6px;padding:6px 12px;margin:6px 0}summary{cursor:pointer;font-weight:600}
details.crit{border-left:6px solid var(--none)}details.crit.pass{border-left-color:var(--pass)}details.crit.fail{border-left-color:var(--fail)}details.crit.partial{border-left-color:var(--partial)}details.crit.manual{border-left-color:var(--manual)}
code{background:var(--soft);padding:1px 4px;border-radius:4px;overflow-wrap:anywhere}ul.tree{margin:4px 0;padding-left:20px}
svg.trend{width:100%;max-width:560px;height:auto;display:block}
.glance{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:0 24px;align-items:start}.glance>section>h2{margin-top:16px}
@media (max-width:800px){.glance{display:block}}
.risk p{display:inline}.fix{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:0 8px}.fix>b{padding-top:4px}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--soft:#161b22;--manual:#4493f8}.banner{background:#3c1618}.stack{background:#262c36}}
`;

function badge(status: string, label: string): string {
  return `<span class="s s-${e(status)}">${e(label)}</span>`;
}

function controlBadge(status: ControlStatus): string {
  return badge(status, CONTROL_STATUS_LABEL[status]);
}

/** Anchors: `#crit-CC6.1`, `#ctl-ACC-01`, `#chk-aws.iam-root-mfa`. */
const link = (prefix: string, id: string, text = id) => `<a href="#${prefix}-${e(id)}">${e(text)}</a>`;
const links = (prefix: string, ids: readonly string[]) => ids.map((id) => link(prefix, id)).join(', ');

/** Links to the redacted evidence files of a check's data keys, relative to the output folder. */
function evidenceLinks(check: CheckResult): string {
  if (check.data.length === 0) return '';
  return `<p class="muted">Evidence: ${check.data
    .map((key) => `<a href="${e(evidencePathForKey(key))}"><code>${e(evidencePathForKey(key))}</code></a>`)
    .join(' · ')}</p>`;
}

function header(result: ScanResult): string {
  return `<header><h1>SOC 2 readiness scan: ${e(result.organization)}</h1>
<p class="muted">Data collected ${e(displayTime(result.scan.evaluatedAt))} · report generated ${e(displayTime(result.scan.finishedAt))} · ${e(result.scan.mode)} scan · ${e(result.tool.name)} ${e(result.tool.version)}</p>
<p class="notice">${e(NOT_AN_ATTESTATION)}</p></header>${replayNotice(result)}`;
}

function replayNotice(result: ScanResult): string {
  const banner = replayBanner(result.scan);
  return banner ? `\n<p class="banner"><strong>${e(banner)}</strong></p>` : '';
}

function incompleteBanner(result: ScanResult): string {
  if (result.scan.complete) return '';
  const errors = result.checks.filter((c) => c.status === 'error').map((c) => c.id);
  const named =
    errors.length > 0
      ? ` Could not check: ${links('chk', errors.slice(0, 8))}${errors.length > 8 ? ', …' : ''}.`
      : '';
  return `<div class="banner" role="alert"><b>Incomplete scan.</b> Some checks could not be evaluated; a failure they would have found is not a pass.${named}</div>`;
}

function cards(result: ScanResult, failures: readonly RankedFailure[]): string {
  const { summary } = result;
  const bySeverity = SEVERITIES.map(
    (s) => [s, failures.filter((f) => f.check.severity === s).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(' · ');
  const notChecked = summary.checks.error + summary.checks.skipped;
  return `<section class="cards">
<div class="card"><span class="muted">Failing checks</span><b>${failures.length}</b><span class="muted">${e(bySeverity || 'none at scan time')}</span></div>
<div class="card"><span class="muted">Controls with failing checks</span><b>${summary.controls.fail} <small class="muted">of ${summary.controls.total}</small></b></div>
${summary.checks.pass_with_exceptions > 0 ? `<div class="card"><span class="muted">Checks passed with exceptions</span><b>${summary.checks.pass_with_exceptions}</b><span class="muted">approved exceptions cover their failures</span></div>\n` : ''}<div class="card"><span class="muted">Controls with no gaps found</span><b>${summary.controls.pass} <small class="muted">of ${summary.controls.total}</small></b><span class="muted">checks passed at scan time, evidence on file</span></div>
<div class="card"><span class="muted">Checks not evaluated</span><b>${notChecked}</b><span class="muted">${summary.checks.error} could not check · ${summary.checks.skipped} skipped${summary.findings.error > 0 ? ` · ${summary.findings.error} scope(s) unread` : ''}</span></div>
<div class="card"><span class="muted">Manual evidence open</span><b>${summary.manualEvidence.outstanding + summary.manualEvidence.stale}</b><span class="muted">of ${summary.manualEvidence.total} requests</span></div>
</section>`;
}

function topFailure({ check, resources, owners }: RankedFailure): string {
  return `<li class="${e(check.severity)}"><div>${badge(check.severity, check.severity)} ${link('chk', check.id, check.title)} <span class="muted">${e(check.id)}</span></div>
<div class="muted">${resources} failing resource(s) · controls ${links('ctl', check.controls)} · criteria ${links('crit', check.criteria)} · owner ${e(owners.join(', ') || 'not named')}</div>
<div class="fix"><b>Fix</b>${markdownToHtml(check.remediation)}</div></li>`;
}

function topFailures(failures: readonly RankedFailure[]): string {
  if (failures.length === 0)
    return '<section><h2 id="top">Top failures</h2><p>No failing checks at scan time.</p></section>';
  const more =
    failures.length > TOP_FAILURES
      ? `<p class="muted">${failures.length - TOP_FAILURES} more failing check(s) under <a href="#failing">Failing checks</a>.</p>`
      : '';
  return `<section><h2 id="top">Top failures, highest risk first</h2><p class="muted">Ordered by severity, then by failing resources and the controls and criteria affected.</p>
<ol class="top">${failures.slice(0, TOP_FAILURES).map(topFailure).join('\n')}</ol>${more}</section>`;
}

function trend(context: ReportContext): string {
  if (!context.history) return '';
  const points = trendPoints(context.history);
  if (points.length < 2)
    return '<section><h2 id="trend">Trend</h2><p class="muted">One scan recorded in the history so far: the trend appears from the second.</p></section>';
  const first = points[Math.max(0, points.length - TREND_SCANS_SHOWN)]!;
  const last = points.at(-1)!;
  return `<section><h2 id="trend">Trend</h2>${trendSvg(points)}
<p class="muted">Controls with no gaps found: ${first.controlsWithoutGaps} of ${first.controls} on ${e(first.evaluatedAt.slice(0, 10))}, ${last.controlsWithoutGaps} of ${last.controls} on ${e(last.evaluatedAt.slice(0, 10))}${points.length > TREND_SCANS_SHOWN ? ` (latest ${TREND_SCANS_SHOWN} of ${points.length} scans shown)` : ''}.</p></section>`;
}

const STATUS_ORDER: ControlStatus[] = ['pass', 'fail', 'partial', 'manual', 'not_evaluated'];

function statusStack(counts: Record<ControlStatus, number>, total: number): string {
  const title = STATUS_ORDER.map((s) => `${counts[s]} ${CONTROL_STATUS_LABEL[s].toLowerCase()}`).join(', ');
  return `<div class="stack" title="${e(title)}">${STATUS_ORDER.filter((s) => counts[s] > 0)
    .map((s) => `<span class="bg-${s}" style="width:${Math.round((counts[s] / total) * 1000) / 10}%"></span>`)
    .join('')}</div>`;
}

function categoryTable(result: ScanResult): string {
  const rows = result.summary.categories.map((category) => {
    const mine = result.criteria.filter((c) => c.category === category.id);
    const counts = Object.fromEntries(
      STATUS_ORDER.map((s) => [s, mine.filter((c) => c.status === s).length]),
    ) as Record<ControlStatus, number>;
    return `<tr><td>${e(category.title)}</td><td>${mine.length}</td>${STATUS_ORDER.map((s) => `<td>${counts[s]}</td>`).join('')}<td>${statusStack(counts, Math.max(1, mine.length))}</td></tr>`;
  });
  return `<div class="scroll"><table><thead><tr><th>Category</th><th>Criteria</th>${STATUS_ORDER.map((s) => `<th>${e(CONTROL_STATUS_LABEL[s])}</th>`).join('')}<th></th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function checkLine(check: CheckResult): string {
  const counts =
    check.counts.fail > 0
      ? `${check.counts.fail} failing of ${check.counts.fail + check.counts.pass + check.counts.excepted}`
      : check.status === 'pass'
        ? `${check.counts.pass} passing`
        : '';
  return `<li>${link('chk', check.id)} ${badge(check.status, CHECK_STATUS_LABEL[check.status])} <span class="muted">${e(check.severity)}${counts ? ` · ${counts}` : ''}</span></li>`;
}

function controlBranch(control: ControlResult, checksById: Map<string, CheckResult>): string {
  const checks = control.checks.flatMap((id) => checksById.get(id) ?? []);
  const evidence = control.evidence.map(
    (x) => `<li>${e(x.title)} <span class="muted">(manual evidence, ${e(x.status)})</span></li>`,
  );
  return `<li>${link('ctl', control.id)} ${e(control.title)} ${controlBadge(control.status)} <span class="muted">owner ${e(control.owner)}</span>
<ul class="tree">${checks.map(checkLine).join('')}${evidence.join('')}</ul></li>`;
}

function criterionDrillDown(
  criterion: CriterionResult,
  controlsById: Map<string, ControlResult>,
  checksById: Map<string, CheckResult>,
): string {
  const controls = criterion.controls.flatMap((id) => controlsById.get(id) ?? []);
  const body =
    controls.length === 0
      ? '<p class="muted">No selected control supports this criterion.</p>'
      : `<ul class="tree">${controls.map((c) => controlBranch(c, checksById)).join('\n')}</ul>`;
  return `<details class="crit ${e(criterion.status)}" id="crit-${e(criterion.id)}"><summary>${e(criterion.id)} ${controlBadge(criterion.status)} <span class="muted">${e(criterion.title)}</span></summary>
${body}</details>`;
}

function criteria(result: ScanResult): string {
  const controlsById = new Map(result.controls.map((c) => [c.id, c]));
  const checksById = new Map(result.checks.map((c) => [c.id, c]));
  const parts = [
    '<h2 id="criteria">Criteria</h2><p class="muted">Each criterion opens onto the controls that support it, their checks and manual evidence; each check links to its findings and evidence files.</p>',
    categoryTable(result),
  ];
  for (const category of result.summary.categories) {
    parts.push(`<h3>${e(category.title)}</h3>`);
    for (const c of result.criteria.filter((x) => x.category === category.id))
      parts.push(criterionDrillDown(c, controlsById, checksById));
  }
  return parts.join('\n');
}

function failingCheck({ check, owners }: RankedFailure): string {
  const failing = check.findings.filter((f) => f.status === 'fail' && !f.exception);
  const rows = failing
    .slice(0, FINDINGS_SHOWN)
    .map(
      (f) =>
        `<tr><td><code>${e(f.resource)}</code></td><td>${e(f.message)}${f.baseline === 'new' ? ' <b>(new)</b>' : ''}</td></tr>`,
    )
    .join('');
  const more =
    failing.length > FINDINGS_SHOWN
      ? `<p class="muted">… and ${failing.length - FINDINGS_SHOWN} more in report.json</p>`
      : '';
  return `<details id="chk-${e(check.id)}"><summary>${badge(check.severity, check.severity)} ${e(check.title)} <span class="muted">(${e(check.id)} · ${failing.length} failing)</span></summary>
${check.status === 'error' ? `<p>${badge('error', CHECK_STATUS_LABEL.error)} ${e(check.reason ?? '')}</p>` : ''}<div class="risk"><b>Risk</b> ${markdownToHtml(check.risk)}</div><div class="fix"><b>Fix</b>${markdownToHtml(check.remediation)}</div>
<p class="muted">Owner ${e(owners.join(', ') || 'not named')} · controls ${links('ctl', check.controls)} · criteria ${links('crit', check.criteria)}</p>
<div class="scroll"><table><thead><tr><th>Resource</th><th>Finding</th></tr></thead><tbody>${rows}</tbody></table></div>${more}${evidenceLinks(check)}</details>`;
}

function otherChecks(result: ScanResult): string {
  const others = result.checks.filter((c) => c.counts.fail === 0);
  if (others.length === 0) return '';
  const rows = others.map(
    (c) =>
      `<tr id="chk-${e(c.id)}"><td>${e(c.title)}<br><code>${e(c.id)}</code></td><td>${badge(c.status, CHECK_STATUS_LABEL[c.status])}</td><td>${e(c.reason ?? `${c.counts.pass} passing${c.counts.excepted > 0 ? `, ${c.counts.excepted} excepted` : ''}`)}${evidenceLinks(c)}</td></tr>`,
  );
  return `<h2 id="other-checks">Checks without failing findings (${others.length})</h2><p class="muted">Passed at scan time, or not evaluated: a check that could not run is neither passing nor failing.</p>
<div class="scroll"><table><thead><tr><th>Check</th><th>Status</th><th>Detail</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function notCheckedScopes(result: ScanResult): string {
  const notChecked = notCheckedFindings(result);
  if (notChecked.length === 0) return '';
  const limit = FINDINGS_SHOWN * 4;
  const rows = notChecked
    .slice(0, limit)
    .map(
      ({ check, finding }) =>
        `<tr><td>${link('chk', check.id)}</td><td><code>${e(finding.resource)}</code></td><td>${e(causeText(finding))}</td></tr>`,
    );
  return `<h2>Not checked (${notChecked.length})</h2><p class="muted">These scopes could not be read. They are neither passing nor failing.</p><div class="scroll"><table><thead><tr><th>Check</th><th>Scope</th><th>Cause</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>${notChecked.length > limit ? `<p class="muted">… and ${notChecked.length - limit} more in report.json</p>` : ''}`;
}

function exceptions(result: ScanResult): string {
  const excepted = result.checks.flatMap((c) =>
    c.findings.filter((f) => f.exception).map((f) => ({ check: c, f })),
  );
  const allowed = result.exceptions.allowLists ?? [];
  if (excepted.length === 0 && result.exceptions.expired.length === 0 && allowed.length === 0) return '';
  const parts = [`<h2>Exceptions (${excepted.length})</h2>`];
  if (allowed.length > 0)
    parts.push(
      `<p><b>Allow-listed in check options, with no approval record:</b></p><ul>${allowed
        .map(
          (a) => `<li><code>${e(a.check)}</code> ${e(a.option)}: ${e(a.entries.map(String).join(', '))}</li>`,
        )
        .join('')}</ul>`,
    );
  if (excepted.length > 0) {
    parts.push(
      '<div class="scroll"><table><thead><tr><th>Check</th><th>Resource</th><th>Finding</th><th>Reason</th><th>Approved by</th><th>Approved at</th><th>Expires</th></tr></thead><tbody>',
      ...excepted.map(
        ({ check, f }) =>
          `<tr><td>${link('chk', check.id)}<br>${badge(check.status, CHECK_STATUS_LABEL[check.status])}</td><td><code>${e(f.resource)}</code></td><td>${e(f.message)}</td><td>${e(f.exception!.reason)}</td><td>${e(f.exception!.approved_by ?? '')}</td><td>${e(f.exception!.approved_at ?? '')}</td><td>${e(f.exception!.expires ?? '')}</td></tr>`,
      ),
      '</tbody></table></div>',
    );
  }
  if (result.exceptions.expired.length > 0) {
    parts.push(
      `<p><b>Expired exceptions, no longer applied:</b></p><ul>${result.exceptions.expired
        .map(
          (x) =>
            `<li>${e(x.expires)}: <code>${e(x.check)}</code> on <code>${e(x.resource)}</code> (${e(x.reason)})</li>`,
        )
        .join('')}</ul>`,
    );
  }
  return parts.join('\n');
}

/** What the scan was scoped to, and what it left out of every verdict. */
function scopeSection(result: ScanResult): string {
  if (!result.scope.declared) return '';
  const { criteria, resources } = result.outOfScope;
  const parts = [
    '<h2 id="scope">Scope</h2>',
    `<ul>${scopeStatement(result)
      .map((line) => `<li>${e(line)}</li>`)
      .join('')}</ul>`,
    `<p>Out of scope, left out of every verdict: ${criteria.length} criteria${criteria.length > 0 ? ` (${e(criteria.map((c) => c.id).join(', '))})` : ''}, ${resources.length} resource finding(s).</p>`,
  ];
  if (resources.length > 0)
    parts.push(
      `<div class="scroll"><table><thead><tr><th>Check</th><th>Resource</th><th>Rule</th></tr></thead><tbody>${resources
        .slice(0, FINDINGS_SHOWN)
        .map(
          (x) =>
            `<tr><td><code>${e(x.check ?? '(not collected)')}</code></td><td><code>${e(x.resource)}</code></td><td>${e(x.rule)}</td></tr>`,
        )
        .join('')}</tbody></table></div>`,
    );
  return parts.join('\n');
}

/** Type II: each period population and the deviations found in it. */
function periodSections(result: ScanResult): string {
  return periodTables(result)
    .map(
      (section) =>
        `<h2>${e(section.title)}</h2><div class="scroll"><table><thead><tr>${section.headers.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${section.rows.map((row) => `<tr>${row.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`,
    )
    .join('\n');
}

function manualEvidence(result: ScanResult): string {
  const needed = result.controls.flatMap((c) =>
    c.evidence.filter((x) => x.status !== 'satisfied').map((x) => ({ c, x })),
  );
  if (needed.length === 0) return '<h2>Manual evidence still needed (0)</h2><p>None.</p>';
  const rows = needed.map(
    ({ c, x }) =>
      `<tr><td>${link('ctl', c.id)}</td><td>${e(x.title)}</td><td>${e(x.owner)}</td><td>${e(x.frequency)}</td><td>${badge(x.status === 'stale' ? 'partial' : 'manual', x.status)}</td></tr>`,
  );
  return `<h2>Manual evidence still needed (${needed.length})</h2><div class="scroll"><table><thead><tr><th>Control</th><th>Evidence</th><th>Owner</th><th>Frequency</th><th>Status</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function controls(result: ScanResult): string {
  const rows = result.controls.map(
    (c) =>
      `<tr id="ctl-${e(c.id)}"><td><b>${e(c.id)}</b> ${e(c.title)}<br><span class="muted">${e(c.description)}</span><br><span class="muted">${e(controlTypeLabel(c))} · tested by: ${e(c.testProcedure ?? '')}</span></td><td>${controlBadge(c.status)}</td><td>${links('crit', c.criteria)}${c.criteria.some((id) => c.roles?.[id] === 'supports') ? `<br><span class="muted">${e(criteriaWithRoles(c))}</span>` : ''}</td><td>${links('chk', c.checks)}</td><td>${e(c.owner)}</td></tr>`,
  );
  return `<h2 id="controls">Controls</h2><div class="scroll"><table><thead><tr><th>Control</th><th>Status</th><th>Criteria</th><th>Checks</th><th>Owner</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/**
 * One self-contained page (inline styles and SVG; no script, no network): the highest-risk failures
 * first, then a drill-down from each criterion to its controls, checks, findings and evidence files.
 */
export function renderHtml(result: ScanResult, context: ReportContext = {}): string {
  const failures = failuresByRisk(result);
  const parts = [
    header(result),
    incompleteBanner(result),
    cards(result, failures),
    context.history
      ? `<div class="glance">${topFailures(failures)}\n${trend(context)}</div>`
      : topFailures(failures),
    scopeSection(result),
    criteria(result),
    `<h2 id="failing">Failing checks (${failures.length}), highest risk first</h2>`,
    failures.length === 0 ? '<p>None at scan time.</p>' : failures.map(failingCheck).join('\n'),
    otherChecks(result),
    notCheckedScopes(result),
    exceptions(result),
    periodSections(result),
    manualEvidence(result),
    controls(result),
    `<footer><p class="notice">${e(NOT_AN_ATTESTATION)}</p></footer>`,
  ].filter(Boolean);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>SOC 2 readiness scan: ${e(result.organization)}</title><style>${STYLE}</style></head>
<body><main>
${parts.join('\n')}
</main></body></html>
`;
}
