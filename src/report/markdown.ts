import type { ScanResult } from '../engine/result.js';
import { SEVERITIES, type ControlStatus } from '../engine/types.js';
import { evidencePathForKey } from '../evidence/scan-output.js';
import type { ReportContext } from './index.js';
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
  notCheckedSummary,
  replayBanner,
  scopeStatement,
} from './labels.js';
import { periodTables } from './populations.js';
import { failuresByRisk, TOP_FAILURES, type RankedFailure } from './risk.js';
import { markdownText as m } from './text.js';
import { trendPoints } from './trend-svg.js';

function table(headers: string[], rows: string[][]): string[] {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(m).join(' | ')} |`),
  ];
}

const ownerText = (owners: readonly string[]) => owners.join(', ') || 'not named';

function topFailures(failures: readonly RankedFailure[]): string[] {
  if (failures.length === 0) return ['## Top failures', '', 'No failing checks at scan time.', ''];
  return [
    '## Top failures, highest risk first',
    '',
    'Ordered by severity, then by failing resources and the controls and criteria affected.',
    '',
    ...failures
      .slice(0, TOP_FAILURES)
      .flatMap(({ check, resources, owners }, i) => [
        `${i + 1}. **${check.severity}**: ${m(check.title)} (\`${check.id}\`): ${resources} failing resource(s); controls ${check.controls.join(', ')}; criteria ${check.criteria.join(', ')}; owner ${ownerText(owners)}.`,
        `   Remediation: ${check.remediation.replace(/\r?\n/g, ' ')}`,
      ]),
    ...(failures.length > TOP_FAILURES
      ? ['', `${failures.length - TOP_FAILURES} more failing check(s) under Failing checks below.`]
      : []),
    '',
  ];
}

/** The last scans of the history as a table (the HTML report draws them). */
function trend(context: ReportContext): string[] {
  if (!context.history) return [];
  const points = trendPoints(context.history);
  if (points.length < 2)
    return [
      '## Trend',
      '',
      'One scan recorded in the history so far: the trend appears from the second.',
      '',
    ];
  return [
    '## Trend',
    '',
    ...table(
      ['Data collected', 'Failing checks', ...SEVERITIES, 'Controls with no gaps found', 'Scan'],
      points
        .slice(-10)
        .map((p) => [
          p.evaluatedAt.slice(0, 10),
          String(SEVERITIES.reduce((n, s) => n + p.failing[s], 0)),
          ...SEVERITIES.map((s) => String(p.failing[s])),
          `${p.controlsWithoutGaps} of ${p.controls}`,
          p.complete ? 'complete' : 'incomplete',
        ]),
    ),
    ...(points.length > 10 ? ['', `Latest 10 of ${points.length} scans.`] : []),
    '',
  ];
}

function failingCheck({ check, owners }: RankedFailure): string[] {
  const failing = check.findings.filter((f) => f.status === 'fail' && !f.exception);
  const lines = [
    `### ${m(check.title)} (\`${check.id}\`, ${check.severity})`,
    '',
    check.risk,
    '',
    `**Remediation:** ${check.remediation}`,
    '',
    `Owner: ${ownerText(owners)} · Controls: ${check.controls.join(', ')} · Criteria: ${check.criteria.join(', ')}`,
    '',
    ...(check.data.length > 0
      ? [
          `Evidence: ${check.data.map((key) => `[${evidencePathForKey(key)}](${evidencePathForKey(key)})`).join(' · ')}`,
          '',
        ]
      : []),
    ...failing
      .slice(0, FINDINGS_SHOWN)
      .map((f) => `- ${m(f.resource)}: ${m(f.message)}${f.baseline === 'new' ? ' **(new)**' : ''}`),
  ];
  if (failing.length > FINDINGS_SHOWN)
    lines.push(`- … and ${failing.length - FINDINGS_SHOWN} more (see report.json)`);
  return [...lines, ''];
}

const STATUS_ORDER: ControlStatus[] = ['pass', 'fail', 'partial', 'manual', 'not_evaluated'];

export function renderMarkdown(result: ScanResult, context: ReportContext = {}): string {
  const { summary } = result;
  const failures = failuresByRisk(result);
  const out: string[] = [
    `# SOC 2 readiness scan: ${m(result.organization)}`,
    '',
    ...(replayBanner(result.scan) ? [`> **${replayBanner(result.scan)}**`, ''] : []),
    `Data collected ${displayTime(result.scan.evaluatedAt)}; report generated ${displayTime(result.scan.finishedAt)} by ${result.tool.name} ${result.tool.version} (${result.scan.mode} scan).`,
    '',
    `> ${NOT_AN_ATTESTATION}`,
    '',
  ];
  if (!result.scan.complete) {
    const errors = result.checks.filter((c) => c.status === 'error').map((c) => `\`${c.id}\``);
    out.push(
      `> **Incomplete scan:** some checks could not be evaluated${errors.length > 0 ? ` (${errors.join(', ')})` : ''}. Do not read missing failures as passes.`,
      '',
    );
  }
  const bySeverity = SEVERITIES.map(
    (s) => [s, failures.filter((f) => f.check.severity === s).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  out.push(
    '## Summary',
    '',
    `**${failures.length} failing check(s)**${bySeverity.length > 0 ? ` (${bySeverity.join(', ')})` : ''}; ${summary.controls.fail} of ${summary.controls.total} controls with failing checks; ${summary.controls.pass} of ${summary.controls.total} with no gaps found (checks passed at scan time, evidence on file).`,
    '',
    ...table(
      ['', ...STATUS_ORDER.map((s) => CONTROL_STATUS_LABEL[s]), 'Total'],
      [
        ['Criteria', ...[...STATUS_ORDER, 'total' as const].map((k) => String(summary.criteria[k]))],
        ['Controls', ...[...STATUS_ORDER, 'total' as const].map((k) => String(summary.controls[k]))],
      ],
    ),
    '',
    ...table(
      [
        'Checks',
        ...(['pass', 'pass_with_exceptions', 'fail', 'error', 'skipped'] as const).map(
          (s) => CHECK_STATUS_LABEL[s],
        ),
        'Total',
      ],
      [
        [
          '',
          ...(['pass', 'pass_with_exceptions', 'fail', 'error', 'skipped', 'total'] as const).map((k) =>
            String(summary.checks[k]),
          ),
        ],
      ],
    ),
    '',
    ...(notCheckedSummary(result) ? [`**${notCheckedSummary(result)}** (see Not checked below).`, ''] : []),
    ...topFailures(failures),
    ...trend(context),
    '## Criteria by category',
    '',
    ...table(
      ['Category', 'Criteria', ...STATUS_ORDER.map((s) => CONTROL_STATUS_LABEL[s])],
      summary.categories.map((category) => {
        const mine = result.criteria.filter((c) => c.category === category.id);
        return [
          category.title,
          String(mine.length),
          ...STATUS_ORDER.map((s) => String(mine.filter((c) => c.status === s).length)),
        ];
      }),
    ),
    '',
    '## Criteria',
    '',
    ...table(
      ['Criterion', 'Title', 'Status', 'Controls', 'Failing checks'],
      result.criteria.map((c) => {
        const controls = result.controls.filter((x) => c.controls.includes(x.id));
        return [
          c.id,
          c.title,
          CONTROL_STATUS_LABEL[c.status],
          controls.map((x) => `${x.id} (${CONTROL_STATUS_LABEL[x.status].toLowerCase()})`).join(', '),
          failures
            .filter((f) => f.check.criteria.includes(c.id))
            .map((f) => f.check.id)
            .join(', '),
        ];
      }),
    ),
    '',
  );

  if (result.baseline) {
    const b = result.baseline;
    out.push(
      '## Compared with the baseline',
      '',
      `Baseline data as of ${b.evaluatedAt}: **${b.new} new** failing finding(s), ${b.unchanged} unchanged, ${b.fixed.length} fixed.`,
      '',
      ...b.fixed.map((f) => `- Fixed: \`${f.check}\` on ${m(f.resource)}`),
      ...(b.fixed.length > 0 ? [''] : []),
    );
  }

  out.push('## Failing checks, highest risk first', '');
  if (failures.length === 0) out.push('None at scan time.', '');
  for (const failure of failures) out.push(...failingCheck(failure));

  const incomplete = result.checks.filter((c) => c.status === 'error' || c.status === 'skipped');
  if (incomplete.length > 0) {
    out.push(
      '## Checks not evaluated',
      '',
      ...table(
        ['Check', 'Status', 'Reason'],
        incomplete.map((c) => [`${c.title} (${c.id})`, CHECK_STATUS_LABEL[c.status], c.reason ?? '']),
      ),
      '',
    );
  }

  const notChecked = notCheckedFindings(result);
  if (notChecked.length > 0) {
    out.push(
      '## Not checked',
      '',
      'These scopes could not be read. They are neither passing nor failing: re-run once the cause is fixed.',
      '',
      ...table(
        ['Check', 'Scope', 'Cause'],
        notChecked
          .slice(0, FINDINGS_SHOWN * 4)
          .map(({ check, finding }) => [check.id, finding.resource, causeText(finding)]),
      ),
      ...(notChecked.length > FINDINGS_SHOWN * 4
        ? ['', `… and ${notChecked.length - FINDINGS_SHOWN * 4} more (see report.json)`]
        : []),
      '',
    );
  }

  const excepted = result.checks.flatMap((c) =>
    c.findings.filter((f) => f.exception).map((f) => ({ check: c, f })),
  );
  const allowed = result.exceptions.allowLists ?? [];
  if (excepted.length > 0 || result.exceptions.expired.length > 0 || allowed.length > 0) {
    out.push('## Exceptions', '');
    if (allowed.length > 0)
      out.push(
        'Allow-listed in check options, with no approval record (move them to `exceptions:` with an approver):',
        '',
        ...allowed.map((a) => `- \`${a.check}\` ${a.option}: ${a.entries.map(String).join(', ')}`),
        '',
      );
    if (excepted.length > 0) {
      out.push(
        ...table(
          ['Check', 'Check status', 'Resource', 'Reason', 'Approved by', 'Approved at', 'Expires'],
          excepted.map(({ check, f }) => [
            check.id,
            CHECK_STATUS_LABEL[check.status],
            f.resource,
            f.exception!.reason,
            f.exception!.approved_by,
            f.exception!.approved_at,
            f.exception!.expires,
          ]),
        ),
        '',
      );
    }
    for (const e of result.exceptions.expired) {
      out.push(
        `- Expired on ${e.expires}, no longer applied: \`${e.check}\` on ${m(e.resource)} (${m(e.reason)})`,
      );
    }
    if (result.exceptions.expired.length > 0) out.push('');
  }

  if (result.scope.declared) {
    const { criteria, resources } = result.outOfScope;
    out.push('## Scope', '', ...scopeStatement(result).map((line) => `- ${line}`), '');
    out.push(
      `Out of scope, left out of every verdict: ${criteria.length} criteria${criteria.length > 0 ? ` (${criteria.map((c) => c.id).join(', ')})` : ''}, ${resources.length} resource finding(s).`,
      '',
    );
    if (resources.length > 0)
      out.push(
        ...table(
          ['Check', 'Resource', 'Rule'],
          resources.slice(0, FINDINGS_SHOWN).map((x) => [x.check ?? '(not collected)', x.resource, x.rule]),
        ),
        ...(resources.length > FINDINGS_SHOWN
          ? ['', `… and ${resources.length - FINDINGS_SHOWN} more (see report.json outOfScope)`]
          : []),
        '',
      );
  }

  const needed = result.controls.flatMap((c) =>
    c.evidence.filter((e) => e.status !== 'satisfied').map((e) => ({ control: c, e })),
  );
  for (const section of periodTables(result))
    out.push(`## ${section.title}`, '', ...table(section.headers, section.rows), '');

  out.push('## Manual evidence still needed', '');
  if (needed.length === 0) out.push('None.', '');
  else {
    out.push(
      ...table(
        ['Control', 'Evidence', 'Owner', 'Frequency', 'Status'],
        needed.map(({ control, e }) => [control.id, e.title, e.owner, e.frequency, e.status]),
      ),
      '',
    );
  }

  out.push(
    '## Controls',
    '',
    ...table(
      ['Control', 'Title', 'Type', 'Status', 'Criteria', 'Checks', 'Owner'],
      result.controls.map((c) => [
        c.id,
        c.title,
        controlTypeLabel(c),
        CONTROL_STATUS_LABEL[c.status],
        criteriaWithRoles(c),
        String(c.checks.length),
        c.owner,
      ]),
    ),
    '',
    `_${NOT_AN_ATTESTATION}_`,
    '',
  );
  return `${out.join('\n')}\n`;
}
