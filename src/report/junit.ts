import type { CheckResult, ScanResult } from '../engine/result.js';
import { causeText } from './labels.js';
import { xmlEscape as a, xmlText as t } from './xml.js';

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${a(String(v))}"`)
    .join('');
}

function counts(checks: readonly CheckResult[]) {
  return {
    tests: checks.length,
    failures: checks.filter((c) => c.status === 'fail').length,
    errors: checks.filter((c) => c.status === 'error').length,
    skipped: checks.filter((c) => c.status === 'skipped').length,
  };
}

function exceptedLines(check: CheckResult): string[] {
  return check.findings
    .filter((f) => f.exception)
    .map(
      (f) =>
        `EXCEPTED ${f.resource}: ${f.message} (reason: ${f.exception!.reason}; approved by ${f.exception!.approved_by} on ${f.exception!.approved_at}; expires ${f.exception!.expires})`,
    );
}

function testcase(check: CheckResult): string {
  const head = `    <testcase${attrs({ classname: `soc2.${check.provider}`, name: `${check.id}: ${check.title}`, time: 0 })}>`;
  const body: string[] = [];
  if (check.status === 'fail') {
    const failing = check.findings.filter((f) => f.status === 'fail' && !f.exception);
    const lines = failing.map((f) => `${f.resource}: ${f.message}${f.baseline ? ` [${f.baseline}]` : ''}`);
    body.push(
      `      <failure${attrs({
        message: `${failing.length} failing resource(s) [${check.severity}]: ${failing
          .slice(0, 5)
          .map((f) => f.resource)
          .join(', ')}${failing.length > 5 ? ', …' : ''}`,
        type: check.severity,
      })}>${t(
        [
          ...lines,
          '',
          `Remediation: ${check.remediation}`,
          `Controls: ${check.controls.join(', ')}; criteria: ${check.criteria.join(', ')}`,
        ].join('\n'),
      )}</failure>`,
    );
  } else if (check.status === 'error') {
    // An incomplete check is one <error>: the scopes not checked, and any failures among those read.
    const lines = [
      ...check.findings
        .filter((f) => f.status === 'error')
        .map((f) => `NOT CHECKED ${f.resource}: ${causeText(f)}`),
      ...check.findings
        .filter((f) => f.status === 'fail' && !f.exception)
        .map((f) => `FAIL ${f.resource}: ${f.message}${f.baseline ? ` [${f.baseline}]` : ''}`),
    ];
    const message = attrs({ message: check.reason ?? 'error', type: 'error' });
    body.push(
      lines.length > 0 ? `      <error${message}>${t(lines.join('\n'))}</error>` : `      <error${message}/>`,
    );
  } else if (check.status === 'skipped') {
    body.push(`      <skipped${attrs({ message: check.reason ?? 'skipped' })}/>`);
  }
  const out = [
    ...(check.status === 'pass_with_exceptions' ? ['STATUS pass_with_exceptions'] : []),
    ...check.findings.filter((f) => f.status === 'pass').map((f) => `PASS ${f.resource}: ${f.message}`),
    ...exceptedLines(check),
  ];
  if (out.length > 0) body.push(`      <system-out>${t(out.join('\n'))}</system-out>`);
  return body.length === 0 ? `${head.slice(0, -1)}/>` : [head, ...body, '    </testcase>'].join('\n');
}

/**
 * JUnit XML as Jenkins, GitLab, Azure DevOps and the GitHub test-report actions read it: one suite per
 * provider, one test case per check; failing resources in <failure>, skipped and error checks marked.
 * Valid against the Jenkins xUnit plugin's junit-10.xsd, which that plugin enforces.
 */
export function* renderJunit(result: ScanResult): Generator<string> {
  const timestamp = result.scan.finishedAt.replace(/\.\d{3}Z$/, 'Z');
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  // junit-10.xsd (Jenkins xUnit plugin) allows no `skipped` or `timestamp` on <testsuites>: they are per suite.
  const { skipped: _, ...totals } = counts(result.checks);
  yield `<testsuites${attrs({ name: `SOC 2 readiness: ${result.organization}`, ...totals, time: 0 })}>\n`;
  for (const provider of new Set(result.checks.map((c) => c.provider))) {
    const checks = result.checks.filter((c) => c.provider === provider);
    yield `  <testsuite${attrs({ name: `soc2.${provider}`, ...counts(checks), time: 0, timestamp })}>\n`;
    for (const check of checks) yield `${testcase(check)}\n`;
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
}
