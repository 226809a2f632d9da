import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli/main.js';
import { packageRoot } from '../../src/core/paths.js';
import { appendHistory, readHistory } from '../../src/core/history.js';
import type { PeriodReport } from '../../src/core/period.js';
import type { ScanResult } from '../../src/engine/result.js';
import type { Finding } from '../../src/engine/types.js';
import { StagedOutput } from '../../src/evidence/output-dir.js';
import { EvidenceWriter } from '../../src/evidence/evidence-writer.js';
import { completeScanOutput } from '../../src/evidence/scan-output.js';
import { reporterFor } from '../../src/report/index.js';
import { buildScanResult, fixtureCheck, fixtureControl } from '../fixtures/scan-result.js';
import { ocsfClassSchema } from '../fixtures/ocsf-schema.js';
import { compile, oscalValidator, sarifValidator, xsdProblems } from '../fixtures/schemas.js';

let dir: string;
let stdout: string;
let stderr: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-cli-'));
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const run = (...args: string[]) => main(['node', 'soc2', ...args]);

function result(
  evaluatedAt: string,
  failing: string[],
  shard?: { index: number; count: number },
): ScanResult {
  const accounts = ['111111111111', '222222222222', '333333333333'];
  const findings: Finding[] = accounts.map((a) => ({
    resource: a,
    status: failing.includes(a) ? 'fail' : 'pass',
    message: failing.includes(a) ? 'no MFA' : 'MFA on',
  }));
  const r = buildScanResult({
    evaluatedAt,
    checks: [fixtureCheck('aws.iam-root-mfa', 'critical', findings)],
    controls: [fixtureControl('AC-1', 'controls/access.yaml', 3, ['CC6.1'], ['aws.iam-root-mfa'])],
  });
  return shard ? { ...r, scan: { ...r.scan, shard } } : r;
}

function writeScanOutput(out: string, r: ScanResult): void {
  const output = StagedOutput.open(out);
  new EvidenceWriter(output).entry({
    key: 'aws.data',
    entry: { status: 'ok', value: { accounts: r.checks[0]!.findings.map((f) => f.resource) } },
    usedBy: [r.checks[0]!.id],
    evaluatedAt: r.scan.evaluatedAt,
  });
  completeScanOutput(output, r, [reporterFor('json')!]);
}

describe('soc2 scan --demo with every format, --history and --baseline', () => {
  it('writes schema-valid SARIF and OSCAL, a history record, and baseline marks', async () => {
    const out = join(dir, 'r1');
    const hist = join(dir, 'hist');
    const formats = 'json,md,html,csv,sarif,junit,oscal,ocsf';
    const first = await run(
      'scan',
      '--demo',
      '--out',
      out,
      '--format',
      formats,
      '--history',
      hist,
      '--sarif-category',
      'soc2-prod',
      '-q',
    );
    // The demo fails checks and has one source that could not be checked, on purpose: exit 3.
    expect(first).toBe(3);
    for (const file of [
      'findings.csv',
      'report.sarif',
      'junit.xml',
      'oscal-assessment-results.json',
      'findings.ocsf.jsonl',
    ])
      expect(existsSync(join(out, file)), file).toBe(true);
    const sarif = sarifValidator();
    expect(
      sarif(JSON.parse(readFileSync(join(out, 'report.sarif'), 'utf8'))),
      JSON.stringify(sarif.errors),
    ).toBe(true);
    expect(
      (
        JSON.parse(readFileSync(join(out, 'report.sarif'), 'utf8')) as {
          runs: { automationDetails: object }[];
        }
      ).runs[0]!.automationDetails,
    ).toEqual({ id: 'soc2-prod/' });
    const oscal = oscalValidator();
    expect(
      oscal(JSON.parse(readFileSync(join(out, 'oscal-assessment-results.json'), 'utf8'))),
      JSON.stringify(oscal.errors?.slice(0, 3)),
    ).toBe(true);
    expect(await xsdProblems(readFileSync(join(out, 'junit.xml'), 'utf8'), 'junit/junit-10.xsd')).toEqual([]);
    const ocsf = compile(ocsfClassSchema('1.3.0', 'compliance_finding'));
    const events = readFileSync(join(out, 'findings.ocsf.jsonl'), 'utf8').trimEnd().split('\n');
    for (const line of events) expect(ocsf(JSON.parse(line)), JSON.stringify(ocsf.errors)).toBe(true);
    expect(readHistory(hist).length).toBe(1);
    const second = await run(
      'scan',
      '--demo',
      '--out',
      join(dir, 'r2'),
      '--baseline',
      out,
      '--fail-on',
      'new',
      '-q',
    );
    // Same data: nothing new. Only the demo's deliberate error keeps the exit code at 3 (incomplete outranks).
    expect(second).toBe(3);
    const report = JSON.parse(readFileSync(join(dir, 'r2', 'report.json'), 'utf8')) as ScanResult;
    expect(report.baseline).toMatchObject({ new: 0, fixed: [] });
    expect(await run('scan', '--demo', '--out', join(dir, 'r3'), '--fail-on', 'new', '-q')).toBe(2);
    expect(stderr).toContain('--fail-on new needs --baseline');
  });
});

describe('soc2 diff', () => {
  it('exits 1 when NEW has new failures, 0 otherwise, and prints JSON with --json', async () => {
    writeScanOutput(join(dir, 'old'), result('2026-11-01T00:00:00.000Z', ['111111111111']));
    writeScanOutput(join(dir, 'new'), result('2026-11-08T00:00:00.000Z', ['222222222222']));
    expect(await run('diff', join(dir, 'old'), join(dir, 'new'))).toBe(1);
    expect(stdout).toContain('New failures (1)\n  [critical] aws.iam-root-mfa 222222222222: no MFA');
    expect(stdout).toContain('Fixed (1)');
    stdout = '';
    expect(await run('diff', join(dir, 'new'), join(dir, 'new', 'report.json'), '--json')).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      newFailures: [],
      fixed: [],
      unchanged: [{ resource: '222222222222' }],
    });
  });

  it('exits 2 with a clear message for a file that is not a report', async () => {
    writeFileSync(join(dir, 'x.json'), '[]');
    expect(await run('diff', join(dir, 'x.json'), join(dir, 'x.json'))).toBe(2);
    expect(stderr).toContain('not a soc2 report.json');
  });
});

describe('soc2 merge', () => {
  it('refuses an incomplete set of shards unless --partial, and then marks the report incomplete', async () => {
    writeScanOutput(
      join(dir, 's1'),
      result('2026-11-08T00:00:00.000Z', ['111111111111'], { index: 1, count: 2 }),
    );
    expect(await run('merge', join(dir, 's1'), '--out', join(dir, 'merged'))).toBe(2);
    expect(stderr).toContain('soc2 merge: shard 2 of 2 missing; merge every shard, or pass --partial');
    expect(existsSync(join(dir, 'merged'))).toBe(false);
    expect(await run('merge', join(dir, 's1'), '--partial', '--out', join(dir, 'merged'))).toBe(3);
    const merged = JSON.parse(readFileSync(join(dir, 'merged', 'report.json'), 'utf8')) as ScanResult;
    expect(merged.scan).toMatchObject({ complete: false, missingShards: [2] });
    expect(merged.summary.exitCode).toBe(3);
  });

  it('combines shard folders into one report and evidence folder with a manifest', async () => {
    const a = result('2026-11-08T00:00:00.000Z', ['111111111111'], { index: 1, count: 2 });
    a.checks[0]!.findings = a.checks[0]!.findings.slice(0, 1);
    const b = result('2026-11-08T00:05:00.000Z', ['333333333333'], { index: 2, count: 2 });
    b.checks[0]!.findings = b.checks[0]!.findings.slice(1);
    writeScanOutput(join(dir, 's1'), a);
    writeScanOutput(join(dir, 's2'), b);
    const code = await run(
      'merge',
      join(dir, 's1'),
      join(dir, 's2'),
      '--out',
      join(dir, 'merged'),
      '--format',
      'json,sarif,junit',
      '--history',
      join(dir, 'hist'),
    );
    expect(code).toBe(1);
    const merged = JSON.parse(readFileSync(join(dir, 'merged', 'report.json'), 'utf8')) as ScanResult;
    expect(merged.checks[0]!.findings.map((f) => [f.resource, f.status])).toEqual([
      ['111111111111', 'fail'],
      ['222222222222', 'pass'],
      ['333333333333', 'fail'],
    ]);
    expect(merged.checks[0]!.counts).toEqual({ pass: 1, fail: 2, excepted: 0, error: 0 });
    expect(merged.scan.evaluatedAt).toBe('2026-11-08T00:00:00.000Z');
    expect(merged.scan.shard).toBeUndefined();
    const manifest = JSON.parse(readFileSync(join(dir, 'merged', 'evidence', 'manifest.json'), 'utf8')) as {
      files: { path: string }[];
    };
    expect(manifest.files.map((f) => f.path)).toEqual([
      'evidence/shards/shard-1-of-2/data/aws.data.jsonl',
      'evidence/shards/shard-1-of-2/manifest.json',
      'evidence/shards/shard-1-of-2/report.json',
      'evidence/shards/shard-2-of-2/data/aws.data.jsonl',
      'evidence/shards/shard-2-of-2/manifest.json',
      'evidence/shards/shard-2-of-2/report.json',
      'junit.xml',
      'report.json',
      'report.sarif',
    ]);
    expect(existsSync(join(dir, 'hist', '2026-11-08T00-00-00.000Z.json'))).toBe(true);
  });

  it('refuses a shard whose evidence does not match its manifest', async () => {
    writeScanOutput(join(dir, 's1'), result('2026-11-08T00:00:00.000Z', []));
    writeFileSync(join(dir, 's1', 'evidence', 'data', 'aws.data.jsonl'), '{"tampered":true}');
    expect(await run('merge', join(dir, 's1'), '--out', join(dir, 'merged'))).toBe(2);
    expect(stderr).toContain('does not match its shard manifest');
  });
});

describe('soc2 history and soc2 report', () => {
  it('prints the trend and writes the period report in each format', async () => {
    const hist = join(dir, 'hist');
    appendHistory(hist, result('2026-01-05T09:00:00.000Z', []));
    appendHistory(hist, result('2026-01-12T09:00:00.000Z', ['111111111111']));
    appendHistory(hist, result('2026-01-19T09:00:00.000Z', []));
    expect(await run('history', '--history', hist)).toBe(0);
    expect(stdout).toContain('AC-1       PFP  2/3 passing');
    const out = join(dir, 'period');
    expect(
      await run(
        'report',
        '--period',
        '2026-01-01..2026-01-31',
        '--history',
        hist,
        '--out',
        out,
        '--expected-interval',
        '14',
      ),
    ).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'period-report.json'), 'utf8')) as PeriodReport;
    expect(report.scans).toHaveLength(3);
    expect(report.controls[0]).toMatchObject({
      observation: 'failed',
      deviations: [
        {
          check: 'aws.iam-root-mfa',
          resource: '111111111111',
          firstSeen: '2026-01-12T09:00:00.000Z',
          closed: '2026-01-19T09:00:00.000Z',
        },
      ],
    });
    expect(report.gaps).toEqual([]);
    expect(readFileSync(join(out, 'period-report.md'), 'utf8')).toContain('# SOC 2 monitoring observations');
    expect(existsSync(join(out, 'period-report.html'))).toBe(true);
  });

  it('needs a history folder and a valid period', async () => {
    expect(
      await run('report', '--period', '2026-01-01..2026-01-31', '--config', join(dir, 'missing.yaml')),
    ).toBe(2);
    expect(await run('report', '--period', 'last-year', '--history', dir)).toBe(2);
    expect(stderr).toContain('--period: expected FROM..TO');
  });
});

describe('soc2 init --ci', () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));
  /** This soc2's own repository, cloned bare as a CI runner would reach a git server. */
  const head = execFileSync('git', ['-C', packageRoot, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const server = mkdtempSync(join(tmpdir(), 'soc2-git-'));
  execFileSync('git', ['clone', '-q', '--bare', packageRoot, join(server, 'soc2.git')]);
  const source = ['--source', `file://${join(server, 'soc2.git')}`, '--commit', head];

  /** Runs shell lines as the CI runner would, in a fresh folder, and returns that folder. */
  function runAsCi(lines: string[], env: Record<string, string>): string {
    const work = mkdtempSync(join(tmpdir(), 'soc2-ci-run-'));
    execFileSync('bash', ['-euo', 'pipefail', '-c', lines.join('\n')], {
      cwd: work,
      env: { ...process.env, ...env },
    });
    return work;
  }

  /** What the pipeline fetched is soc2 at the pinned commit, with the lock file npm ci needs and the CLI it runs. */
  function expectSoc2At(work: string): void {
    const tool = join(work, '.soc2-tool');
    expect(execFileSync('git', ['-C', tool, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()).toBe(head);
    const manifest = JSON.parse(readFileSync(join(tool, 'package.json'), 'utf8')) as {
      name: string;
      bin: Record<string, string>;
    };
    expect(manifest.name).toBe('soc2');
    expect(manifest.bin.soc2).toBe('bin/soc2.js');
    expect(existsSync(join(tool, 'bin', 'soc2.js'))).toBe(true);
    expect(existsSync(join(tool, 'package-lock.json'))).toBe(true);
  }

  it('pins soc2 to a git commit the runner can fetch, never a registry name, and what it fetches resolves', async () => {
    process.chdir(dir);
    expect(await run('init', '--ci', 'github', ...source)).toBe(0);
    const text = readFileSync(join(dir, '.github', 'workflows', 'soc2.yml'), 'utf8');
    expect(text).not.toMatch(/npx|npm (install|i) .*soc2@|soc2@\d/);
    const workflow = parse(text) as {
      jobs: { scan: { env: Record<string, string>; steps: { name?: string; run?: string }[] } };
    };
    const { env, steps } = workflow.jobs.scan;
    expect(env).toMatchObject({ SOC2_SOURCE: `file://${join(server, 'soc2.git')}`, SOC2_COMMIT: head });
    const fetch = steps.find((s) => s.name === 'Fetch soc2 at the pinned commit')!.run!;
    expectSoc2At(runAsCi(fetch.trim().split('\n'), env));
    expect(steps.find((s) => s.name === 'Build soc2')!.run).toBe(
      'npm ci --prefix .soc2-tool --no-audit --no-fund',
    );
    expect(steps.find((s) => s.run?.includes(' scan'))!.run).toMatch(/^node \.soc2-tool\/bin\/soc2\.js scan/);
  });

  it('scans against the last complete report, and keeps a report as the baseline only when complete', async () => {
    process.chdir(dir);
    expect(await run('init', '--ci', 'github', ...source)).toBe(0);
    const workflow = parse(readFileSync(join(dir, '.github', 'workflows', 'soc2.yml'), 'utf8')) as {
      jobs: { scan: { steps: { name?: string; run?: string }[] } };
    };
    const { steps } = workflow.jobs.scan;
    const scan = steps.find((s) => s.run?.includes(' scan'))!.run!;
    expect(scan).toContain(
      '$(test -f soc2-history/baseline/report.json && echo --baseline soc2-history/baseline/report.json)',
    );
    const keep = steps.find((s) => s.name?.startsWith('Keep the report as the next baseline'))!.run!;
    // Run the step as the runner would, after a complete and after an incomplete scan.
    const work = mkdtempSync(join(tmpdir(), 'soc2-ci-keep-'));
    const scanned = (complete: boolean, id: string) => {
      execFileSync('mkdir', ['-p', join(work, 'soc2-report')]);
      writeFileSync(join(work, 'soc2-report', 'report.json'), JSON.stringify({ id, scan: { complete } }));
      execFileSync('bash', ['-c', keep], { cwd: work });
      return JSON.parse(readFileSync(join(work, 'soc2-history', 'baseline', 'report.json'), 'utf8')) as {
        id: string;
      };
    };
    expect(scanned(true, 'first').id).toBe('first');
    expect(scanned(false, 'incomplete').id).toBe('first');
    expect(scanned(true, 'third').id).toBe('third');
    // soc2 history reads only the top-level records, so the baseline folder does not disturb it.
    expect(await run('history', '--history', join(work, 'soc2-history'))).toBe(0);
    expect(stderr).not.toContain('not a soc2 history record');
  });

  it('the GitLab pipeline fetches the same pinned commit', async () => {
    process.chdir(dir);
    expect(await run('init', '--ci', 'gitlab', ...source)).toBe(0);
    const pipeline = parse(readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8')) as {
      soc2: { variables: Record<string, string>; before_script: string[]; script: string[] };
    };
    const fetch = pipeline.soc2.before_script.filter(
      (line) => line.includes('.soc2-tool') && !line.startsWith('npm '),
    );
    expectSoc2At(runAsCi(fetch, pipeline.soc2.variables));
    expect(pipeline.soc2.script[0]).toMatch(/^node \.soc2-tool\/bin\/soc2\.js scan/);
  });

  it('refuses a source a runner cannot fetch or a commit that is not pinned', async () => {
    process.chdir(dir);
    expect(await run('init', '--ci', 'github', '--source', '/home/me/soc2', '--commit', head)).toBe(2);
    expect(stderr).toContain("--source: '/home/me/soc2' is not a git URL a CI runner can fetch");
    expect(
      await run('init', '--ci', 'github', '--source', 'https://github.com/acme/soc2.git', '--commit', 'main'),
    ).toBe(2);
    expect(stderr).toContain('--commit: expected a full 40-character commit id');
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  it('writes a scheduled GitHub Actions workflow with OIDC, SARIF upload, evidence and history artifacts', async () => {
    process.chdir(dir);
    expect(await run('init', '--ci', 'github', ...source)).toBe(0);
    const workflow = parse(readFileSync(join(dir, '.github', 'workflows', 'soc2.yml'), 'utf8')) as {
      on: { schedule: { cron: string }[]; workflow_dispatch: { inputs: Record<string, unknown> } };
      permissions: Record<string, string>;
      jobs: { scan: { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] } };
    };
    expect(workflow.on.schedule[0]!.cron).toMatch(/^\d+ \d+ \* \* [0-6]$/);
    expect(workflow.on.workflow_dispatch.inputs['role-to-assume']).toBeDefined();
    expect(workflow.permissions).toMatchObject({
      'id-token': 'write',
      'security-events': 'write',
      contents: 'read',
    });
    const steps = workflow.jobs.scan.steps;
    const uses = (prefix: string) => steps.find((s) => s.uses?.startsWith(prefix));
    expect(uses('aws-actions/configure-aws-credentials@')!.with!['role-to-assume']).toContain(
      'vars.SOC2_AWS_ROLE_ARN',
    );
    expect(uses('github/codeql-action/upload-sarif@')!.with!.sarif_file).toBe('soc2-code-scanning.sarif');
    expect(steps.find((s) => s.run?.includes('suppressions'))!.run).toContain('soc2-report/report.sarif');
    expect(steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@')).length).toBe(2);
    const scan = steps.find((s) => s.run?.includes(' scan'))!.run!;
    expect(scan).toContain('--format json,md,html,sarif,junit');
    expect(scan).toContain('--zip soc2-evidence.zip');
    expect(scan).toContain('--history soc2-history');
    expect(existsSync(join(dir, 'soc2.config.yaml'))).toBe(true);
    expect(await run('init', '--ci', 'github', ...source)).toBe(2);
    expect(stderr).toContain('already exists');
  });

  it('writes the GitLab equivalent with a schedule rule, an AWS id_token and artifacts', async () => {
    process.chdir(dir);
    expect(await run('init', '--ci', 'gitlab', ...source)).toBe(0);
    const pipeline = parse(readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8')) as {
      soc2: {
        rules: { if: string }[];
        id_tokens: Record<string, { aud: string }>;
        artifacts: { paths: string[]; reports: { junit: string } };
        script: string[];
      };
    };
    expect(pipeline.soc2.rules.map((r) => r.if)).toContain('$CI_PIPELINE_SOURCE == "schedule"');
    expect(pipeline.soc2.id_tokens.AWS_ID_TOKEN!.aud).toBe('sts.amazonaws.com');
    expect(pipeline.soc2.artifacts.reports.junit).toBe('soc2-report/junit.xml');
    expect(pipeline.soc2.artifacts.paths).toContain('soc2-evidence.zip');
    expect(pipeline.soc2.script[0]).toContain('--history soc2-history');
    expect(await run('init', '--ci', 'jenkins', ...source)).toBe(2);
  });
});
