import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/engine/result.js';
import { allPages, call, demoOutput, errorText, readReportJson, stdioClient } from './harness.js';

/**
 * `soc2 mcp --report <demo output>` over stdio, through the SDK's Client: every answer is compared with
 * the report.json the demo scan wrote.
 */
let root: string;
let dir: string;
let report: ScanResult;
let client: Client;

beforeAll(async () => {
  ({ root, dir } = demoOutput());
  report = readReportJson(dir);
  client = await stdioClient(['--report', dir]);
}, 60_000);
afterAll(async () => {
  await client?.close();
  rmSync(root, { recursive: true, force: true });
});

const failing = (r: ScanResult) =>
  r.checks.flatMap((c) =>
    c.findings.filter((f) => f.status === 'fail' && !f.exception).map((f) => `${c.id} ${f.resource}`),
  );

describe('soc2 mcp over stdio against the demo output', () => {
  it('lists the eight tools, with schemas, and read-only annotations on all but run_scan', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      [
        'diff_reports',
        'explain_check',
        'get_evidence',
        'get_readiness',
        'list_checks',
        'list_findings',
        'run_scan',
        'verify_bundle',
      ].sort(),
    );
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type).toBe('object');
      expect(tool.annotations?.readOnlyHint).toBe(tool.name !== 'run_scan');
    }
  });

  it('list_findings {status: "fail"} pages through exactly the failing findings of the report', async () => {
    const expected = failing(report);
    expect(expected.length).toBe(report.summary.findings.fail);
    const pages = await allPages<{
      total: number;
      totals: Record<string, number>;
      findings: { check: string; resource: string; status: string }[];
      nextCursor?: string;
    }>(client, 'list_findings', { status: 'fail' });
    for (const content of pages) {
      expect(content.total).toBe(report.summary.findings.fail);
      expect(content.totals).toEqual({
        pass: report.summary.findings.pass,
        fail: report.summary.findings.fail,
        excepted: report.summary.findings.excepted,
        error: report.summary.findings.error,
      });
      expect(content.findings.length).toBeLessThanOrEqual(50);
      for (const f of content.findings) expect(f.status).toBe('fail');
    }
    const seen = pages.flatMap((p) => p.findings.map((f) => `${f.check} ${f.resource}`));
    expect(pages.length).toBe(Math.ceil(expected.length / 50));
    expect(seen).toEqual(expected);
  });

  it('list_findings filters by severity, provider, check and criterion like the report', async () => {
    const check = report.checks.find((c) => c.counts.fail > 1)!;
    const byCheck = await call(client, 'list_findings', { check: check.id, limit: 500 });
    expect((byCheck.structuredContent as { total: number }).total).toBe(check.findings.length);
    const high = await call(client, 'list_findings', { severity: 'high', provider: 'github', limit: 500 });
    const expectedHigh = report.checks
      .filter((c) => c.severity === 'high' && c.provider === 'github')
      .reduce((n, c) => n + c.findings.length, 0);
    expect((high.structuredContent as { total: number }).total).toBe(expectedHigh);
    const cc6 = await call(client, 'list_findings', { criterion: 'CC6.1', status: 'fail', limit: 500 });
    const expectedCc6 = report.checks
      .filter((c) => c.criteria.includes('CC6.1'))
      .reduce((n, c) => n + c.counts.fail, 0);
    expect((cc6.structuredContent as { total: number }).total).toBe(expectedCc6);
  });

  it('get_readiness is the report summary: categories, criteria, counts, scan time and completeness', async () => {
    const result = await call(client, 'get_readiness');
    const s = result.structuredContent as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(s.readiness).toBe(report.summary.readiness);
    expect(s.scan.complete).toBe(report.scan.complete);
    expect(s.scan.evaluatedAt).toBe(report.scan.evaluatedAt);
    expect(s.categories).toEqual(report.summary.categories);
    expect(s.counts.checks).toEqual(report.summary.checks);
    expect(s.criteria.map((c: { id: string; status: string }) => `${c.id}=${c.status}`)).toEqual(
      report.criteria.map((c) => `${c.id}=${c.status}`),
    );
  });

  it('list_checks and explain_check give criteria from the catalog', async () => {
    const all = await call(client, 'list_checks');
    const checks = (all.structuredContent as { checks: { id: string; criteria: string[] }[] }).checks;
    const inReport = report.checks.find((c) => c.id === 'github.branch-protection')!;
    expect(checks.find((c) => c.id === inReport.id)!.criteria).toEqual(inReport.criteria);
    const github = await call(client, 'list_checks', { provider: 'github' });
    expect(
      (github.structuredContent as { checks: { provider: string }[] }).checks.every(
        (c) => c.provider === 'github',
      ),
    ).toBe(true);
    const cc61 = await call(client, 'list_checks', { criterion: 'CC6.1' });
    expect(
      (cc61.structuredContent as { checks: { criteria: string[] }[] }).checks.every((c) =>
        c.criteria.includes('CC6.1'),
      ),
    ).toBe(true);

    const explained = await call(client, 'explain_check', { id: inReport.id });
    const e = explained.structuredContent as {
      criteria: { id: string }[];
      controls: { id: string }[];
      remediation: string;
      options: { defaults: object };
    };
    expect(e.criteria.map((c) => c.id)).toEqual(inReport.criteria);
    // CHG-01 only supports CC3.4 and CHG-02 only CC5.2: a branch protection gap is a CC8.1 finding.
    expect(e.criteria.map((c) => c.id)).toEqual(['CC8.1']);
    expect((explained.structuredContent as { supports: { id: string }[] }).supports.map((c) => c.id)).toEqual(
      ['CC3.4', 'CC5.2'],
    );
    expect(e.controls.map((c) => c.id)).toEqual(inReport.controls);
    expect(e.remediation).toBe(inReport.remediation);
  });

  it("get_evidence returns a check's evidence file with its sha-256, manifest match and provenance", async () => {
    const check = report.checks.find((c) => c.data.length > 0)!;
    const result = await call(client, 'get_evidence', { check: check.id });
    const e = result.structuredContent as {
      path: string;
      sha256: string;
      manifest: string;
      provenance: { key: string; usedBy: string[] };
      content: string;
      totalChars: number;
    };
    expect(e.path).toBe(`evidence/data/${check.data[0]}.jsonl`);
    expect(e.manifest).toBe('match');
    expect(e.provenance.key).toBe(check.data[0]);
    expect(e.provenance.usedBy).toContain(check.id);
    const byPath = await call(client, 'get_evidence', { path: `data/${check.data[0]}.jsonl` });
    expect((byPath.structuredContent as { sha256: string }).sha256).toBe(e.sha256);
  });

  it('get_evidence pages a file longer than one answer; the pages put together are the whole file', async () => {
    const big = 'x'.repeat(150_000);
    writeFileSync(join(dir, 'evidence', 'big.txt'), big);
    const pages = await allPages<{
      content: string;
      totalChars: number;
      manifest: string;
      nextCursor?: string;
    }>(client, 'get_evidence', { path: 'big.txt' });
    for (const page of pages) {
      expect(page.totalChars).toBe(big.length);
      expect(page.manifest).toBe('not listed');
    }
    const text = pages.map((p) => p.content).join('');
    expect(pages.length).toBe(3);
    expect(text).toBe(big);
  });

  it('diff_reports pages new, fixed and still-failing findings between two reports under the root', async () => {
    // The base: one finding failing now passed then (new), one passing now failed then (fixed).
    const base = structuredClone(report);
    const nowFailing = base.checks
      .flatMap((c) => c.findings.map((f) => ({ c, f })))
      .find(({ f }) => f.status === 'fail')!;
    const nowPassing = base.checks
      .filter((c) => c.status === 'pass' || c.status === 'fail')
      .flatMap((c) => c.findings.map((f) => ({ c, f })))
      .find(({ f }) => f.status === 'pass')!;
    nowFailing.f.status = 'pass';
    nowPassing.f.status = 'fail';
    writeFileSync(join(root, 'base.json'), JSON.stringify(base));

    const pages = await allPages<{
      totals: Record<string, number>;
      findings: { change: string; check: string; resource: string }[];
      nextCursor?: string;
    }>(client, 'diff_reports', { base: 'base.json', limit: 20 });
    const fail = report.summary.findings.fail;
    expect(pages[0]!.totals).toEqual({ new: 1, fixed: 1, unchanged: fail - 1, not_rechecked: 0 });
    expect(pages.length).toBe(Math.ceil((fail + 1) / 20));
    const rows = pages.flatMap((p) => p.findings);
    expect(rows.filter((r) => r.change === 'new').map((r) => `${r.check} ${r.resource}`)).toEqual([
      `${nowFailing.c.id} ${nowFailing.f.resource}`,
    ]);
    expect(rows.filter((r) => r.change === 'fixed').map((r) => `${r.check} ${r.resource}`)).toEqual([
      `${nowPassing.c.id} ${nowPassing.f.resource}`,
    ]);
    const onlyFixed = await call(client, 'diff_reports', { base: 'base.json', change: 'fixed' });
    expect((onlyFixed.structuredContent as { total: number }).total).toBe(1);
    const same = await call(client, 'diff_reports', { base: 'demo-report' });
    expect((same.structuredContent as { totals: object }).totals).toEqual({
      new: 0,
      fixed: 0,
      unchanged: fail,
      not_rechecked: 0,
    });
  });

  it("verify_bundle gives soc2 verify's verdict on a bundle exported from the demo output", async () => {
    const zip = join(root, 'bundle.zip');
    const { soc2 } = await import('../harness/cli.js');
    expect(soc2(['export', dir, '--zip', zip, '--quiet']).code).toBe(0);
    const result = await call(client, 'verify_bundle', { path: 'bundle.zip' });
    const v = result.structuredContent as { status: string; files: number; signature: string };
    expect(v.status).toBe('intact');
    expect(v.files).toBeGreaterThan(10);
    expect(v.signature).toBe('absent');
    writeFileSync(join(root, 'not-a-zip.zip'), 'hello');
    const broken = await call(client, 'verify_bundle', { path: 'not-a-zip.zip' });
    expect((broken.structuredContent as { status: string }).status).toBe('unreadable');
  });

  it('serves the report, evidence and criteria as resources, and the two prompts', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toContain('soc2://report');
    expect(resources.map((r) => r.uri)).toContain('soc2://criteria/CC6.1');
    const evidenceUris = resources.filter((r) => r.uri.startsWith('soc2://evidence/'));
    expect(evidenceUris.length).toBeGreaterThan(5);
    const whole = await client.readResource({ uri: 'soc2://report' });
    expect(JSON.parse((whole.contents[0] as { text: string }).text).summary).toEqual(report.summary);
    const evidence = await client.readResource({ uri: evidenceUris[0]!.uri });
    expect((evidence.contents[0] as { text: string }).text.length).toBeGreaterThan(0);
    const cc = await client.readResource({ uri: 'soc2://criteria/CC6.1' });
    const criterion = JSON.parse((cc.contents[0] as { text: string }).text) as {
      status: string;
      controls: { id: string }[];
    };
    expect(criterion.status).toBe(report.criteria.find((c) => c.id === 'CC6.1')!.status);
    await expect(client.readResource({ uri: 'soc2://evidence/..%2F..%2F..%2Fetc%2Fpasswd' })).rejects.toThrow(
      /outside the evidence folder/,
    );
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(['readiness_brief', 'remediation_plan']);
    const completion = await client.complete({
      ref: { type: 'ref/prompt', name: 'remediation_plan' },
      argument: { name: 'criterion', value: 'cc6.' },
    });
    expect(completion.completion.values).toEqual(
      report.criteria.filter((c) => c.id.startsWith('CC6.')).map((c) => c.id),
    );
    const plan = await client.getPrompt({ name: 'remediation_plan', arguments: { criterion: 'CC6.1' } });
    expect((plan.messages[0]!.content as { text: string }).text).toContain('CC6.1');
  });
});

describe('bad input is a tool error with a clear message, never a crash or a read', () => {
  it('refuses paths that leave the evidence folder: .., absolute, symbolic links', async () => {
    symlinkSync('/etc/passwd', join(dir, 'evidence', 'link.json'));
    mkdirSync(join(root, 'outside'));
    writeFileSync(join(root, 'outside', 'secret.txt'), 'not for clients');
    for (const [path, why] of [
      ['../../etc/passwd', 'is outside the evidence folder'],
      ['/etc/passwd', 'is an absolute path'],
      ['data/../../../outside/secret.txt', 'is outside the evidence folder'],
      ['link.json', 'leads outside the evidence folder (symbolic link)'],
    ] as const) {
      const text = errorText(await call(client, 'get_evidence', { path }));
      expect(text).toContain(why);
      expect(text).not.toContain('root:');
    }
    expect(errorText(await call(client, 'diff_reports', { base: '../../etc' }))).toContain('outside');
    expect(errorText(await call(client, 'verify_bundle', { path: '/etc/passwd' }))).toContain(
      'absolute path',
    );
  });

  it('names the schema problem of a bad argument', async () => {
    expect(errorText(await call(client, 'list_findings', { status: 'broken' }))).toMatch(/status/);
    expect(errorText(await call(client, 'list_findings', { limit: 0 }))).toMatch(/limit/);
    expect(errorText(await call(client, 'list_findings', { cursor: 'nonsense' }))).toMatch(/cursor/);
    expect(errorText(await call(client, 'explain_check', {}))).toMatch(/id/);
    expect(errorText(await call(client, 'explain_check', { id: 'no.such-check' }))).toContain(
      "no check 'no.such-check'",
    );
    expect(errorText(await call(client, 'list_checks', { provider: 'nope' }))).toContain(
      "unknown provider 'nope'",
    );
    expect(errorText(await call(client, 'list_checks', { criterion: 'ZZ9' }))).toContain("'ZZ9'");
    expect(errorText(await call(client, 'get_evidence', {}))).toContain('either `check`');
    expect(errorText(await call(client, 'get_evidence', { path: 'data/missing.json' }))).toContain(
      'does not exist',
    );
    // still serving after all of that
    expect((await call(client, 'get_readiness')).isError).toBeFalsy();
  });

  it('run_scan without --allow-scan is a tool error saying how to enable it', async () => {
    expect(errorText(await call(client, 'run_scan', {}))).toContain('soc2 mcp --allow-scan');
  });

  it('a folder without a report says to run soc2 scan first', async () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    const other = await stdioClient(['--report', empty]);
    try {
      for (const tool of ['get_readiness', 'list_findings']) {
        expect(errorText(await call(other, tool))).toContain('run `soc2 scan` first');
      }
      // the catalog needs no report
      expect((await call(other, 'list_checks')).isError).toBeFalsy();
    } finally {
      await other.close();
    }
  });
});
