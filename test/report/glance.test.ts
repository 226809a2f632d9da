import { describe, expect, it } from 'vitest';
import { historyRecord, type HistoryRecord } from '../../src/core/history.js';
import type { ScanResult } from '../../src/engine/result.js';
import type { Finding, Severity } from '../../src/engine/types.js';
import { renderHtml } from '../../src/report/html.js';
import { NOT_AN_ATTESTATION } from '../../src/report/labels.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { failuresByRisk } from '../../src/report/risk.js';
import { TREND_SCANS_SHOWN } from '../../src/report/trend-svg.js';
import { buildScanResult, fixtureCheck, fixtureControl, sampleResult } from '../fixtures/scan-result.js';

const failing = (n: number, prefix: string): Finding[] =>
  Array.from({ length: n }, (_, i) => ({ resource: `${prefix}-${i}`, status: 'fail', message: 'bad' }));

/**
 * Ids sort the opposite way to risk: the critical check is last by id, the low one with many failing
 * resources first, two highs differ by resources and two mediums only by the controls they reach.
 */
function riskResult(evaluatedAt = '2026-11-02T09:00:00.000Z'): ScanResult {
  const result = buildScanResult({
    evaluatedAt,
    checks: [
      fixtureCheck('aws.a-low-many', 'low', failing(40, 'l')),
      fixtureCheck('aws.b-medium-one-control', 'medium', failing(2, 'm1')),
      fixtureCheck('aws.c-medium-two-controls', 'medium', failing(2, 'm2')),
      fixtureCheck('aws.d-high-few', 'high', failing(1, 'h1')),
      fixtureCheck('aws.e-high-many', 'high', failing(5, 'h5')),
      fixtureCheck('aws.f-passing', 'critical', [{ resource: 'ok', status: 'pass', message: 'fine' }]),
      fixtureCheck('aws.z-critical', 'critical', failing(1, 'root')),
    ],
    controls: [
      fixtureControl('AC-1', 'controls/a.yaml', 1, ['CC6.1'], ['aws.z-critical', 'aws.f-passing']),
      fixtureControl('AC-2', 'controls/a.yaml', 9, ['CC6.2'], ['aws.a-low-many', 'aws.b-medium-one-control']),
      fixtureControl(
        'OPS-1',
        'controls/o.yaml',
        1,
        ['CC7.1'],
        ['aws.c-medium-two-controls', 'aws.d-high-few'],
      ),
      fixtureControl(
        'OPS-2',
        'controls/o.yaml',
        9,
        ['CC7.2'],
        ['aws.c-medium-two-controls', 'aws.e-high-many'],
      ),
    ],
  });
  const owners: Record<string, string> = { 'AC-1': 'Head of IT', 'OPS-2': 'SRE lead' };
  for (const control of result.controls) control.owner = owners[control.id] ?? control.owner;
  const critical = result.checks.find((c) => c.id === 'aws.z-critical')!;
  critical.remediation =
    'Sign in as root and run `aws iam enable-mfa-device --user-name root` <img src=x onerror=alert(1)>, see [the guide](https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html) or [this](javascript:alert(1)):\n- hardware key\n- never share it';
  return result;
}

const RISK_ORDER = [
  'aws.z-critical',
  'aws.e-high-many',
  'aws.d-high-few',
  'aws.c-medium-two-controls',
  'aws.b-medium-one-control',
  'aws.a-low-many',
];

/** The text between the first `open` and the next `close` after it. */
function between(text: string, open: string, close: string): string {
  const start = text.indexOf(open);
  expect(start, `${open} not found`).toBeGreaterThanOrEqual(0);
  return text.slice(start, text.indexOf(close, start));
}

const linkedChecks = (html: string) => [...html.matchAll(/href="#chk-([^"]+)"/g)].map((m) => m[1]);

function history(...specs: { at: string; failing: Partial<Record<Severity, number>>; complete?: boolean }[]) {
  const base = historyRecord(sampleResult());
  return specs.map(({ at, failing: bySeverity, complete = true }): HistoryRecord => ({
    ...base,
    evaluatedAt: at,
    complete,
    checks: Object.entries(bySeverity).flatMap(([severity, n]) =>
      Array.from({ length: n }, (_, i) => ({
        id: `x.${severity}-${i}`,
        severity: severity as Severity,
        status: 'fail' as const,
        failing: ['r'],
        excepted: 0,
      })),
    ),
  }));
}

describe('risk order (severity, then blast radius)', () => {
  it('orders failing checks by severity, failing resources, then controls and criteria reached', () => {
    expect(failuresByRisk(riskResult()).map((f) => f.check.id)).toEqual(RISK_ORDER);
  });

  it('names the owners of the controls a failing check maps to', () => {
    const owners = Object.fromEntries(failuresByRisk(riskResult()).map((f) => [f.check.id, f.owners]));
    expect(owners['aws.z-critical']).toEqual(['Head of IT']);
    expect(owners['aws.c-medium-two-controls']).toEqual(['Security', 'SRE lead']);
  });
});

describe('HTML report at a glance', () => {
  const html = renderHtml(riskResult());

  it('shows the top failures in risk order right after the summary cards, the critical one first', () => {
    const top = between(html, '<ol class="top">', '</ol>');
    expect(
      linkedChecks(
        top
          .split('<li')
          .slice(1)
          .map((li) => li.split('</div>')[0])
          .join(''),
      ),
    ).toEqual(RISK_ORDER);
    expect(html.indexOf('<ol class="top">')).toBeLessThan(html.indexOf('id="criteria"'));
    expect(html.indexOf('class="cards"')).toBeLessThan(html.indexOf('<ol class="top">'));
    const first = between(top, '<li', '</li>');
    expect(first).toContain('critical');
    expect(first).toContain('owner Head of IT');
    expect(first).toContain('href="#ctl-AC-1"');
    expect(first).toContain('href="#crit-CC6.1"');
  });

  it('renders remediation Markdown safely: code, links and lists, no raw HTML, no unsafe link', () => {
    const first = between(html, '<ol class="top">', '</div></li>');
    expect(first).toContain('<code>aws iam enable-mfa-device --user-name root</code>');
    expect(first).toContain(
      '<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html" rel="noopener noreferrer">the guide</a>',
    );
    expect(first).toContain('<ul><li>hardware key</li><li>never share it</li></ul>');
    expect(first).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(first).not.toContain('`');
    expect(html).not.toMatch(/<img|href="javascript:/i);
  });

  it('lists failing checks in risk order too, each with its findings and evidence file links', () => {
    const section = html.slice(html.indexOf('id="failing"'), html.indexOf('id="other-checks"'));
    expect([...section.matchAll(/<details id="chk-([^"]+)"/g)].map((m) => m[1])).toEqual(RISK_ORDER);
    const critical = between(section, '<details id="chk-aws.z-critical"', '</details>');
    expect(critical).toContain('<code>root-0</code>');
    expect(critical).toContain('<a href="evidence/data/aws.data.jsonl">');
  });

  it('drills down from each criterion to its controls and their checks, and every link resolves', () => {
    const cc72 = between(html, 'id="crit-CC7.2"', '</details>');
    expect(cc72).toContain('href="#ctl-OPS-2"');
    expect(linkedChecks(cc72)).toEqual(['aws.c-medium-two-controls', 'aws.e-high-many']);
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(30);
    expect(targets.filter((t) => !ids.has(t))).toEqual([]);
    expect([...ids].length).toBe([...html.matchAll(/\sid="([^"]+)"/g)].length);
  });

  it('loads nothing: no script, no external resource, a CSP that forbids them', () => {
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|<[^>]*\ssrc=|url\(|@import/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });
});

describe('wording that cannot be read as an attestation', () => {
  for (const [format, text] of [
    ['html', renderHtml(sampleResult())],
    ['md', renderMarkdown(sampleResult())],
  ] as const) {
    it(format, () => {
      expect(text).toContain(NOT_AN_ATTESTATION.slice(0, 60));
      expect(text).not.toMatch(/readiness[^\n<]*\d+(\.\d+)?\s*%/i);
      expect(text).not.toMatch(/>Pass<|\| Pass \||\*\*Pass\*\*/);
      expect(text).toMatch(/Failing checks/);
    });
  }
});

describe('trend', () => {
  it('draws one stacked bar per scan as inline SVG, marking incomplete scans', () => {
    const records = history(
      { at: '2026-10-01T09:00:00.000Z', failing: { critical: 2, high: 5 } },
      { at: '2026-10-08T09:00:00.000Z', failing: { critical: 1, high: 4, low: 1 }, complete: false },
      { at: '2026-10-15T09:00:00.000Z', failing: { high: 2 } },
    );
    const html = renderHtml(riskResult(), { history: records });
    const svg = between(html, '<svg class="trend"', '</svg>');
    expect(svg.match(/<g class="scan">/g)).toHaveLength(3);
    expect(svg).toContain('2026-10-01: 7 failing check(s) (2 critical, 5 high)');
    expect(svg).toContain('2026-10-08: 6 failing check(s) (1 critical, 4 high, 1 low)');
    expect(svg).toContain('; incomplete scan</title>');
    expect(svg.match(/<rect /g)!.length).toBe(2 + 3 + 1 + SEVERITIES_IN_LEGEND);
    expect(html).not.toMatch(/<script/i);
    // The trend sits beside the top failures, on the first screen.
    expect(html.indexOf('<svg class="trend"')).toBeLessThan(html.indexOf('id="criteria"'));
  });

  it('shows the latest scans only when the history is long, and says so', () => {
    const records = history(
      ...Array.from({ length: TREND_SCANS_SHOWN + 5 }, (_, i) => ({
        at: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
        failing: { medium: 1 },
      })),
    );
    const html = renderHtml(riskResult(), { history: records });
    expect(html.match(/<g class="scan">/g)).toHaveLength(TREND_SCANS_SHOWN);
    expect(html).toContain(`latest ${TREND_SCANS_SHOWN} of ${TREND_SCANS_SHOWN + 5} scans shown`);
  });

  it('has no chart without history, and a note with a single scan', () => {
    expect(renderHtml(riskResult())).not.toContain('<svg');
    const one = renderHtml(riskResult(), {
      history: history({ at: '2026-10-01T09:00:00.000Z', failing: {} }),
    });
    expect(one).not.toContain('<svg');
    expect(one).toContain('the trend appears from the second');
  });

  it('Markdown gets the same scans as a table', () => {
    const md = renderMarkdown(riskResult(), {
      history: history(
        { at: '2026-10-01T09:00:00.000Z', failing: { critical: 2 } },
        { at: '2026-10-08T09:00:00.000Z', failing: { high: 1 }, complete: false },
      ),
    });
    expect(md).toContain('| 2026-10-01 | 2 | 2 | 0 | 0 | 0 | 0 | 0 of 5 | complete |');
    expect(md).toContain('| 2026-10-08 | 1 | 0 | 1 | 0 | 0 | 0 | 0 of 5 | incomplete |');
  });

  it('Markdown lists the top failures in risk order with owner and remediation', () => {
    const md = renderMarkdown(riskResult());
    const top = between(md, '## Top failures', '## Criteria');
    expect([...top.matchAll(/^\d+\. \*\*\w+\*\*: .*?\(`([^`]+)`\)/gm)].map((m) => m[1])).toEqual(RISK_ORDER);
    expect(top).toContain('owner Head of IT');
  });
});

/** The legend's swatches: one per severity. */
const SEVERITIES_IN_LEGEND = 5;
