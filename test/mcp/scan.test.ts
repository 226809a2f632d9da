import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lumenLedger } from '../fakes/github/lumen-ledger.js';
import { startFakeGithub, type FakeGithub } from '../fakes/github/server.js';
import { fingerprint } from '../harness/fingerprint.js';
import { startHangingServer, type HangingServer } from '../harness/hanging-server.js';
import { call, copyOutput, demoOutput, errorText, readReportJson, stdioClient } from './harness.js';

/**
 * run_scan with --allow-scan: a live scan of a local GitHub Enterprise Server API (test/fakes/github,
 * built from GitHub's REST documentation) into the served folder, with progress notifications; and
 * cancellation from the client while the scan waits on a server that never answers.
 */
const TOKEN = 'ghp_mcpFakeToken0123456789abcdefABCDEF0123';
/** Planted in the config: a GitHub token shape as a check option value. */
const PLANTED = 'ghp_plantedSecret9876543210zyxwvuABCDEF99';
let work: string;
let demo: { root: string; dir: string };
let github: FakeGithub;
let hanging: HangingServer;

beforeAll(async () => {
  demo = demoOutput();
  work = mkdtempSync(join(tmpdir(), 'soc2-mcp-scan-'));
  github = await startFakeGithub(lumenLedger, { token: TOKEN, prefix: '/api/v3' });
  hanging = await startHangingServer();
}, 60_000);
afterAll(async () => {
  await github?.close();
  await hanging?.close();
  rmSync(work, { recursive: true, force: true });
  rmSync(demo.root, { recursive: true, force: true });
});

function config(name: string, baseUrl: string): string {
  const file = join(work, `${name}.yaml`);
  writeFileSync(
    file,
    [
      'organization: Lumen Ledger, Inc.',
      'providers:',
      '  github:',
      '    org: lumen-ledger',
      `    baseUrl: ${baseUrl}`,
      'checks:',
      '  github.public-repos:',
      `    allowedPublic: [docs, ${PLANTED}]`,
      '',
    ].join('\n'),
  );
  return file;
}

const scanEnv = { GITHUB_TOKEN: TOKEN, SOC2_GITHUB_RETRY_BASE_MS: '1' };

describe('run_scan with --allow-scan', () => {
  let client: Client;
  let out: string;
  beforeAll(async () => {
    out = copyOutput(demo.dir, join(work, 'live-report'));
    client = await stdioClient(
      ['--config', config('live', github.apiUrl), '--report', out, '--allow-scan'],
      scanEnv,
    );
  });
  afterAll(() => client?.close());

  it('scans into the served folder, sending progress notifications, and answers from the new report', async () => {
    const progress: { progress: number; message?: string }[] = [];
    const result = await client.callTool(
      { name: 'run_scan', arguments: { providers: ['github'] } },
      undefined,
      { onprogress: (p) => progress.push(p), timeout: 60_000 },
    );
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    const written = readReportJson(out);
    expect(written.scan.mode).toBe('live');
    expect(written.scan.selection.providers).toEqual(['github']);
    const answer = result.structuredContent as {
      readiness: number;
      scan: { mode: string };
      outputDir: string;
    };
    expect(answer.scan.mode).toBe('live');
    expect(answer.readiness).toBe(written.summary.readiness);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.map((p) => p.progress)).toEqual(progress.map((_, i) => i + 1));
    expect(progress.some((p) => p.message?.includes('github: collected github.repos'))).toBe(true);
    const readiness = await call(client, 'get_readiness');
    expect((readiness.structuredContent as { scan: { mode: string } }).scan.mode).toBe('live');
    const fail = await call(client, 'list_findings', { status: 'fail' });
    expect((fail.structuredContent as { total: number }).total).toBe(written.summary.findings.fail);
    expect(github.requests.length).toBeGreaterThan(5);
  });

  it('a bad selection is a tool error', async () => {
    expect(errorText(await call(client, 'run_scan', { providers: 'github' }))).toMatch(/providers/);
    expect(errorText(await call(client, 'run_scan', { checks: ['no.such-check'] }))).toContain(
      'no.such-check',
    );
  });
});

describe('cancelling run_scan', () => {
  it('stops the scan and leaves the previous output untouched', async () => {
    const out = copyOutput(demo.dir, join(work, 'cancel-report'));
    const before = fingerprint(out);
    const client = await stdioClient(
      ['--config', config('hanging', hanging.url), '--report', out, '--allow-scan'],
      scanEnv,
    );
    try {
      const controller = new AbortController();
      const pending = client.callTool({ name: 'run_scan', arguments: { providers: ['github'] } }, undefined, {
        signal: controller.signal,
        timeout: 60_000,
      });
      await hanging.firstRequest;
      controller.abort('changed my mind');
      await expect(pending).rejects.toThrow();
      // The server drops its staging folder once the scan has stopped; then a new scan may start.
      const staging = () =>
        readdirSync(dirname(out)).filter((name) => name.startsWith('.cancel-report.soc2-tmp'));
      const deadline = Date.now() + 15_000;
      while (staging().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(staging()).toEqual([]);
      expect(fingerprint(out)).toEqual(before);
      const readiness = await call(client, 'get_readiness');
      expect((readiness.structuredContent as { scan: { mode: string } }).scan.mode).toBe('demo');
    } finally {
      await client.close();
    }
  });
});

describe('secrets', () => {
  it('a secret planted in the config, the report and the evidence appears in no answer', async () => {
    const out = copyOutput(demo.dir, join(work, 'secret-report'));
    const reportFile = join(out, 'report.json');
    const report = readReportJson(out);
    const finding = report.checks.find((c) => c.counts.fail > 0)!.findings.find((f) => f.status === 'fail')!;
    const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    finding.message += ` (aws_secret_access_key=${AWS_SECRET})`;
    writeFileSync(reportFile, JSON.stringify(report, null, 2));
    const evidence = join(out, 'evidence', 'data', 'hr.roster.jsonl');
    writeFileSync(
      evidence,
      `${readFileSync(evidence, 'utf8')}${JSON.stringify({ note: `Authorization: Bearer ${TOKEN}` })}\n`,
    );
    cpSync(reportFile, join(work, 'secret-base.json'));

    const client = await stdioClient(['--config', config('secret', github.apiUrl), '--report', out]);
    const texts: string[] = [];
    const keep = (value: unknown) => texts.push(JSON.stringify(value));
    try {
      const failing = report.checks.find((c) => c.counts.fail > 0)!;
      for (const [tool, args] of [
        ['list_checks', {}],
        ['explain_check', { id: 'github.public-repos' }],
        ['get_readiness', {}],
        ['list_findings', { status: 'fail', limit: 500 }],
        ['list_findings', { check: failing.id }],
        ['get_evidence', { path: 'data/hr.roster.jsonl' }],
        ['get_evidence', { check: 'hr.offboarding-aws' }],
        ['diff_reports', { base: 'secret-base.json' }],
        ['run_scan', {}],
        ['explain_check', { id: PLANTED }],
      ] as const) {
        keep(await call(client, tool, args));
      }
      keep(await client.readResource({ uri: 'soc2://report' }));
      keep(await client.readResource({ uri: 'soc2://evidence/data/hr.roster.jsonl' }));
      keep(await client.readResource({ uri: 'soc2://criteria/CC6.1' }));
      keep(await client.getPrompt({ name: 'readiness_brief' }));
      keep(
        await client.getPrompt({ name: 'remediation_plan', arguments: { criterion: failing.criteria[0]! } }),
      );
    } finally {
      await client.close();
    }
    const all = texts.join('\n');
    expect(all).toContain('[REDACTED]');
    expect(all).toContain(finding.resource);
    for (const secret of [PLANTED, AWS_SECRET, TOKEN]) expect(all).not.toContain(secret);
  });
});
