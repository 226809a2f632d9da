import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyBaseline, diffReports, diffText, readReport } from '../../src/core/baseline.js';
import { InputError } from '../../src/engine/errors.js';
import { exceptionMatcher } from '../../src/engine/exceptions.js';
import { renderJunit } from '../../src/report/junit.js';
import { textOf } from '../../src/report/index.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderHtml } from '../../src/report/html.js';
import { renderSarif } from '../../src/report/sarif.js';
import type { Finding } from '../../src/engine/types.js';
import {
  buildScanResult,
  fixtureCheck,
  fixtureControl,
  sampleResult,
  sampleSpec,
} from '../fixtures/scan-result.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function scan(evaluatedAt: string, root: Finding[], branch: Finding[] | 'error') {
  return buildScanResult({
    evaluatedAt,
    checks: [
      fixtureCheck('aws.iam-root-mfa', 'critical', root),
      fixtureCheck(
        'github.branch-protection',
        'low',
        branch === 'error' ? { status: 'error', reason: 'github: 502', findings: [] } : branch,
      ),
    ],
    controls: [
      fixtureControl('AC-1', 'controls/access.yaml', 3, ['CC6.1'], ['aws.iam-root-mfa']),
      fixtureControl('CM-1', 'controls/change.yaml', 3, ['CC8.1'], ['github.branch-protection']),
    ],
  });
}
const fail = (resource: string): Finding => ({ resource, status: 'fail', message: `${resource} bad` });
const pass = (resource: string): Finding => ({ resource, status: 'pass', message: `${resource} ok` });

describe('baseline', () => {
  const old = scan(
    '2026-11-01T00:00:00.000Z',
    [fail('acct-1'), fail('acct-2'), pass('acct-3')],
    [fail('repo-a')],
  );
  const now = scan(
    '2026-11-08T00:00:00.000Z',
    [fail('acct-1'), pass('acct-2'), fail('acct-3')],
    [pass('repo-a')],
  );

  it('marks failing findings new or unchanged and lists fixed ones', () => {
    const marked = applyBaseline(now, old, 'old/report.json');
    const root = marked.checks[0]!.findings;
    expect(root.map((f) => [f.resource, f.baseline])).toEqual([
      ['acct-1', 'unchanged'],
      ['acct-2', undefined],
      ['acct-3', 'new'],
    ]);
    expect(marked.baseline).toEqual({
      report: 'old/report.json',
      evaluatedAt: '2026-11-01T00:00:00.000Z',
      new: 1,
      unchanged: 1,
      fixed: [
        { check: 'aws.iam-root-mfa', resource: 'acct-2', severity: 'critical', message: 'acct-2 bad' },
        { check: 'github.branch-protection', resource: 'repo-a', severity: 'low', message: 'repo-a bad' },
      ],
      notRechecked: [],
    });
  });

  it('--fail-on new fails only on new failing findings', () => {
    const withNew = applyBaseline({ ...now, scan: { ...now.scan, failOn: 'new' } }, old, 'b');
    expect(withNew.summary.exitCode).toBe(1);
    const onlyOld = scan('2026-11-08T00:00:00.000Z', [fail('acct-1'), fail('acct-2')], [fail('repo-a')]);
    const same = applyBaseline({ ...onlyOld, scan: { ...onlyOld.scan, failOn: 'new' } }, old, 'b');
    expect(same.summary.exitCode).toBe(0);
    expect(onlyOld.summary.exitCode).toBe(1); // with --fail-on low the old failures still count
  });

  it('a check that could not be evaluated now does not count its old failures as fixed', () => {
    const errored = scan('2026-11-08T00:00:00.000Z', [fail('acct-1')], 'error');
    const diff = diffReports(old, errored);
    expect(diff.fixed.map((f) => f.resource)).toEqual(['acct-2']);
    expect(
      applyBaseline({ ...errored, scan: { ...errored.scan, failOn: 'new' } }, old, 'b').summary.exitCode,
    ).toBe(3);
  });

  it('diff text lists new, fixed and still failing findings, and control moves', () => {
    const text = diffText(diffReports(old, now));
    expect(text).toContain('New failures (1)\n  [critical] aws.iam-root-mfa acct-3: acct-3 bad');
    expect(text).toContain('Fixed (2)');
    expect(text).toContain('Still failing (1)');
    expect(text).toContain('CM-1 Control CM-1: fail -> pass');
  });

  it('reads report.json or its folder, and rejects other files with a clear error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-baseline-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'report.json'), JSON.stringify(old));
    expect(readReport(dir).scan.evaluatedAt).toBe(old.scan.evaluatedAt);
    writeFileSync(join(dir, 'other.json'), '{"hello":1}');
    expect(() => readReport(join(dir, 'other.json'))).toThrow(InputError);
    expect(() => readReport(join(dir, 'missing.json'))).toThrow(/report not found/);
  });

  it('shows baseline marks in Markdown, SARIF baselineState and JUnit', () => {
    const marked = applyBaseline(now, old, 'old/report.json');
    expect(renderMarkdown(marked)).toContain('- acct-3: acct-3 bad **(new)**');
    expect(renderMarkdown(marked)).toContain('**1 new** failing finding(s), 1 unchanged, 2 fixed');
    const sarif = JSON.parse(renderSarif(marked)) as { runs: { results: { baselineState?: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.baselineState)).toEqual(['unchanged', 'new']); // acct-1, acct-3
    expect(textOf(renderJunit(marked))).toContain('acct-3: acct-3 bad [new]');
  });
});

describe('exceptions', () => {
  const approval = { approved_by: 'ciso', approved_at: '2026-06-01' };
  const rule = (expires = '2026-12-31') => ({
    check: 'aws.iam-access-key-rotation',
    resource: 'arn:aws:iam::111111111111:user/legacy-*',
    reason: 'retiring',
    ...approval,
    expires,
  });

  it('apply through the whole expiry day (UTC) and stop the day after', () => {
    const lastMoment = exceptionMatcher([rule('2026-12-31')], new Date('2026-12-31T23:59:59.999Z'));
    expect(
      lastMoment.match('aws.iam-access-key-rotation', 'arn:aws:iam::111111111111:user/legacy-etl'),
    ).toBeDefined();
    expect(lastMoment.expired).toEqual([]);
    const nextDay = exceptionMatcher([rule('2026-12-31')], new Date('2027-01-01T00:00:00.000Z'));
    expect(
      nextDay.match('aws.iam-access-key-rotation', 'arn:aws:iam::111111111111:user/legacy-etl'),
    ).toBeUndefined();
    expect(nextDay.expired).toEqual([
      {
        check: 'aws.iam-access-key-rotation',
        resource: 'arn:aws:iam::111111111111:user/legacy-*',
        expires: '2026-12-31',
        reason: 'retiring',
      },
    ]);
    expect(
      lastMoment.match('aws.iam-access-key-rotation', 'arn:aws:iam::111111111111:user/legacy-x'),
    ).toEqual({
      reason: 'retiring',
      approved_by: 'ciso',
      approved_at: '2026-06-01',
      expires: '2026-12-31',
    });
  });

  it('match resources by glob: * is any run of characters, everything else literal', () => {
    const m = exceptionMatcher(
      [
        rule(),
        { ...rule(), check: 'github.branch-protection', resource: 'lumen-ledger/sandbox.v1', reason: 'r' },
        { ...rule(), check: 'github.x', resource: '*', reason: 'all' },
      ],
      new Date('2026-01-01T00:00:00Z'),
    );
    const hit = (check: string, resource: string) => Boolean(m.match(check, resource));
    expect(hit('aws.iam-access-key-rotation', 'arn:aws:iam::111111111111:user/legacy-')).toBe(true);
    expect(hit('aws.iam-access-key-rotation', 'arn:aws:iam::111111111111:user/legacy-a/b')).toBe(true);
    expect(hit('aws.iam-access-key-rotation', 'arn:aws:iam::222222222222:user/legacy-etl')).toBe(false);
    expect(hit('aws.iam-access-key-rotation', 'xarn:aws:iam::111111111111:user/legacy-etl')).toBe(false);
    expect(hit('aws.iam-root-mfa', 'arn:aws:iam::111111111111:user/legacy-etl')).toBe(false);
    expect(hit('github.branch-protection', 'lumen-ledger/sandbox.v1')).toBe(true);
    expect(hit('github.branch-protection', 'lumen-ledger/sandboxXv1')).toBe(false); // '.' is literal
    expect(hit('github.x', 'anything at all')).toBe(true);
    expect(m.usedCount()).toBe(4);
  });

  it('excepted findings stay visible but do not fail the check', () => {
    const result = sampleResult();
    const rotation = result.checks.find((c) => c.id === 'aws.iam-access-key-rotation')!;
    expect(rotation.counts).toEqual({ pass: 1, fail: 1, excepted: 1, error: 0 });
    expect(rotation.findings.find((f) => f.exception)!.resource).toBe(
      'arn:aws:iam::111111111111:user/legacy-etl',
    );
    expect(result.exceptions.applied).toBe(1);
    expect(result.exceptions.expired.map((e) => e.resource)).toEqual(['lumen-ledger/sandbox']);
    expect(renderMarkdown(result)).toContain(
      '| aws.iam-access-key-rotation | Failed | arn:aws:iam::111111111111:user/legacy-etl |',
    );
    expect(renderHtml(result)).toContain('<h2>Exceptions (1)</h2>');
    expect(renderHtml(result)).toContain('Expired exceptions, no longer applied');
    expect(textOf(renderJunit(result))).toContain('EXCEPTED arn:aws:iam::111111111111:user/legacy-etl');
  });

  it('an exception that covers every failing finding turns the check to pass_with_exceptions, never pass', () => {
    const spec = sampleSpec();
    const result = buildScanResult({
      ...spec,
      exceptions: [
        {
          check: 'aws.iam-root-mfa',
          resource: 'arn:aws:iam::111111111111:root',
          reason: 'break-glass account',
          approved_by: 'ciso',
          approved_at: '2026-10-01',
          expires: '2026-12-15',
        },
      ],
    });
    const root = result.checks.find((c) => c.id === 'aws.iam-root-mfa')!;
    expect(root.status).toBe('pass_with_exceptions');
    expect(root.counts).toEqual({ pass: 1, fail: 0, excepted: 1, error: 0 });
  });
});
