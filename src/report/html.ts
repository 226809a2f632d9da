import type { CheckResult, ScanResult } from '../engine/result.js';
import type { ControlStatus } from '../engine/types.js';
import { periodTables } from './populations.js';
import {
  causeText,
  CHECK_STATUS_LABEL,
  checksWithFailures,
  CONTROL_STATUS_LABEL,
  FINDINGS_SHOWN,
  notCheckedFindings,
} from './labels.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const e = escapeHtml;

const STYLE = `
:root{--pass:#1a7f37;--fail:#cf222e;--partial:#9a6700;--manual:#0969da;--none:#6e7781;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0}
main{max-width:1100px;margin:0 auto;padding:24px}h1{font-size:26px;margin:0 0 4px}h2{margin-top:36px;border-bottom:1px solid var(--line);padding-bottom:6px}
.muted{color:var(--muted)}.banner{border:2px solid var(--fail);background:#ffebe9;padding:12px 16px;border-radius:6px;margin:16px 0}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}.card{border:1px solid var(--line);border-radius:8px;padding:12px 16px;min-width:150px}
.card b{display:block;font-size:28px}.bar{height:10px;background:#eaeef2;border-radius:5px;overflow:hidden}.bar span{display:block;height:100%;background:var(--pass)}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#f6f8fa}.s{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px;font-weight:600;white-space:nowrap}
.s-pass{background:var(--pass)}.s-fail{background:var(--fail)}.s-partial{background:var(--partial)}.s-manual{background:var(--manual)}
.s-not_evaluated,.s-skipped{background:var(--none)}.s-error{background:#8250df}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:8px}.crit{border:1px solid var(--line);border-left:6px solid var(--none);border-radius:6px;padding:8px}
.crit.pass{border-left-color:var(--pass)}.crit.fail{border-left-color:var(--fail)}.crit.partial{border-left-color:var(--partial)}.crit.manual{border-left-color:var(--manual)}
details{border:1px solid var(--line);border-radius:6px;padding:8px 12px;margin:8px 0}summary{cursor:pointer;font-weight:600}code{background:#f6f8fa;padding:1px 4px;border-radius:4px}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d}th,code{background:#161b22}.banner{background:#3c1618}.bar{background:#262c36}}
`;

function badge(status: string, label: string): string {
  return `<span class="s s-${e(status)}">${e(label)}</span>`;
}

function controlBadge(status: ControlStatus): string {
  return badge(status, CONTROL_STATUS_LABEL[status]);
}

function failingCheck(check: CheckResult): string {
  const failing = check.findings.filter((f) => f.status === 'fail' && !f.exception);
  const rows = failing
    .slice(0, FINDINGS_SHOWN)
    .map((f) => `<tr><td><code>${e(f.resource)}</code></td><td>${e(f.message)}</td></tr>`)
    .join('');
  const more =
    failing.length > FINDINGS_SHOWN
      ? `<p class="muted">… and ${failing.length - FINDINGS_SHOWN} more in report.json</p>`
      : '';
  return `<details open><summary>${e(check.title)} <span class="muted">(${e(check.id)} · ${e(check.severity)} · ${failing.length} failing)</span></summary>
<p>${e(check.risk)}</p><p><b>Remediation:</b> ${e(check.remediation)}</p>
<p class="muted">Controls: ${e(check.controls.join(', '))} · Criteria: ${e(check.criteria.join(', '))}</p>
<table><thead><tr><th>Resource</th><th>Finding</th></tr></thead><tbody>${rows}</tbody></table>${more}</details>`;
}

/** One self-contained page: inline styles, no scripts, no network. */
export function renderHtml(result: ScanResult): string {
  const { summary } = result;
  const parts: string[] = [];
  parts.push(`<header><h1>SOC 2 readiness: ${e(result.organization)}</h1>
<p class="muted">${e(result.tool.name)} ${e(result.tool.version)} · generated ${e(result.scan.finishedAt)} · data as of ${e(result.scan.evaluatedAt)} · ${e(result.scan.mode)} scan</p></header>`);
  if (!result.scan.complete) {
    parts.push(
      '<div class="banner" role="alert"><b>Incomplete scan.</b> Some checks could not be evaluated; missing failures are not passes.</div>',
    );
  }
  parts.push(`<section class="cards">
<div class="card"><span class="muted">Readiness</span><b>${summary.readiness}%</b><span class="muted">of controls</span></div>
<div class="card"><span class="muted">Criteria passing</span><b>${summary.criteria.pass}/${summary.criteria.total}</b></div>
<div class="card"><span class="muted">Controls failing</span><b>${summary.controls.fail}</b></div>
<div class="card"><span class="muted">Checks</span><b>${summary.checks.pass}/${summary.checks.total}</b><span class="muted">pass · ${summary.checks.fail} fail · ${summary.checks.error} error · ${summary.checks.skipped} skipped</span></div>
${summary.findings.error > 0 ? `<div class="card"><span class="muted">Scopes not checked</span><b>${summary.findings.error}</b><span class="muted">could not be read</span></div>\n` : ''}<div class="card"><span class="muted">Manual evidence open</span><b>${summary.manualEvidence.outstanding + summary.manualEvidence.stale}</b></div>
</section>`);

  parts.push(
    '<h2>Readiness by category</h2><table><thead><tr><th>Category</th><th>Criteria</th><th>Passing</th><th style="width:40%">Readiness</th></tr></thead><tbody>',
  );
  for (const c of summary.categories) {
    parts.push(
      `<tr><td>${e(c.title)}</td><td>${c.criteria}</td><td>${c.pass}</td><td><div class="bar" title="${c.readiness}%"><span style="width:${c.readiness}%"></span></div>${c.readiness}%</td></tr>`,
    );
  }
  parts.push('</tbody></table>');

  parts.push('<h2>Criteria</h2>');
  for (const category of summary.categories) {
    parts.push(`<h3>${e(category.title)}</h3><div class="grid">`);
    for (const c of result.criteria.filter((x) => x.category === category.id)) {
      parts.push(
        `<div class="crit ${e(c.status)}" id="crit-${e(c.id)}"><b>${e(c.id)}</b> ${controlBadge(c.status)}<br><span>${e(c.title)}</span><br><span class="muted">${e(c.controls.join(', '))}</span></div>`,
      );
    }
    parts.push('</div>');
  }

  const failing = checksWithFailures(result);
  parts.push(`<h2>Failing checks (${failing.length})</h2>`);
  parts.push(failing.length === 0 ? '<p>None.</p>' : failing.map(failingCheck).join('\n'));

  const incomplete = result.checks.filter((c) => c.status === 'error' || c.status === 'skipped');
  if (incomplete.length > 0) {
    parts.push(
      `<h2>Checks not evaluated (${incomplete.length})</h2><table><thead><tr><th>Check</th><th>Status</th><th>Reason</th></tr></thead><tbody>`,
    );
    for (const c of incomplete) {
      parts.push(
        `<tr><td>${e(c.title)}<br><code>${e(c.id)}</code></td><td>${badge(c.status, CHECK_STATUS_LABEL[c.status])}</td><td>${e(c.reason ?? '')}</td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }

  const notChecked = notCheckedFindings(result);
  if (notChecked.length > 0) {
    parts.push(
      `<h2>Not checked (${notChecked.length})</h2><p class="muted">These scopes could not be read. They are neither passing nor failing.</p><table><thead><tr><th>Check</th><th>Scope</th><th>Cause</th></tr></thead><tbody>`,
    );
    for (const { check, finding } of notChecked.slice(0, FINDINGS_SHOWN * 4)) {
      parts.push(
        `<tr><td><code>${e(check.id)}</code></td><td><code>${e(finding.resource)}</code></td><td>${e(causeText(finding))}</td></tr>`,
      );
    }
    parts.push('</tbody></table>');
    if (notChecked.length > FINDINGS_SHOWN * 4)
      parts.push(`<p class="muted">… and ${notChecked.length - FINDINGS_SHOWN * 4} more in report.json</p>`);
  }

  const excepted = result.checks.flatMap((c) =>
    c.findings.filter((f) => f.exception).map((f) => ({ check: c, f })),
  );
  if (excepted.length > 0 || result.exceptions.expired.length > 0) {
    parts.push(`<h2>Exceptions (${excepted.length})</h2>`);
    if (excepted.length > 0) {
      parts.push(
        '<table><thead><tr><th>Check</th><th>Resource</th><th>Finding</th><th>Reason</th><th>Approved by</th><th>Expires</th></tr></thead><tbody>',
      );
      for (const { check, f } of excepted) {
        parts.push(
          `<tr><td><code>${e(check.id)}</code></td><td><code>${e(f.resource)}</code></td><td>${e(f.message)}</td><td>${e(f.exception!.reason)}</td><td>${e(f.exception!.approved_by ?? '')}</td><td>${e(f.exception!.expires ?? '')}</td></tr>`,
        );
      }
      parts.push('</tbody></table>');
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
  }

  const needed = result.controls.flatMap((c) =>
    c.evidence.filter((x) => x.status !== 'satisfied').map((x) => ({ c, x })),
  );
  for (const section of periodTables(result)) {
    parts.push(
      `<h2>${e(section.title)}</h2><table><thead><tr>${section.headers.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>`,
      ...section.rows.map((row) => `<tr>${row.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`),
      '</tbody></table>',
    );
  }
  parts.push(`<h2>Manual evidence still needed (${needed.length})</h2>`);
  if (needed.length === 0) parts.push('<p>None.</p>');
  else {
    parts.push(
      '<table><thead><tr><th>Control</th><th>Evidence</th><th>Owner</th><th>Frequency</th><th>Status</th></tr></thead><tbody>',
    );
    for (const { c, x } of needed) {
      parts.push(
        `<tr><td>${e(c.id)}</td><td>${e(x.title)}</td><td>${e(x.owner)}</td><td>${e(x.frequency)}</td><td>${badge(x.status === 'stale' ? 'partial' : 'manual', x.status)}</td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }

  parts.push(
    '<h2>Controls</h2><table><thead><tr><th>Control</th><th>Status</th><th>Criteria</th><th>Owner</th></tr></thead><tbody>',
  );
  for (const c of result.controls) {
    parts.push(
      `<tr id="ctl-${e(c.id)}"><td><b>${e(c.id)}</b> ${e(c.title)}<br><span class="muted">${e(c.description)}</span></td><td>${controlBadge(c.status)}</td><td>${e(c.criteria.join(', '))}</td><td>${e(c.owner)}</td></tr>`,
    );
  }
  parts.push('</tbody></table>');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>SOC 2 readiness: ${e(result.organization)}</title><style>${STYLE}</style></head>
<body><main>
${parts.join('\n')}
</main></body></html>
`;
}
