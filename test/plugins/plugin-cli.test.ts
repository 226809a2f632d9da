import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/paths.js';
import { builtInPlugins } from '../../src/registry/builtins.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { readZip } from '../evidence/zip-tools.js';
import { soc2, type CliRun } from '../harness/cli.js';
import { compile, oscalValidator, sarifValidator } from '../fixtures/schemas.js';
import { docsExampleFiles, writeDocsExample } from './docs-example.js';
import { runPluginTests } from './run-vitest.js';

/** What soc2 registers without a plugins: entry (built-in providers and bundled plugins). */
const builtIn = buildRegistry(builtInPlugins);
const builtInCheckCount = builtIn.checks.length;

const FORMATS = 'json,md,html,csv,sarif,junit,oscal,ocsf';
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+/);
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

interface Report {
  scan: { complete: boolean };
  providers: { id: string; status: string }[];
  checks: {
    id: string;
    provider: string;
    status: string;
    reason?: string;
    controls: string[];
    findings: { resource: string; status: string }[];
  }[];
  controls: { id: string; criteria: string[]; checks: string[]; status: string }[];
}

describe('the plugin of docs/plugins.md, written to a folder outside the repository', () => {
  it('is all in the docs: plugin module, provider, runtime, checks, control, config', () => {
    expect([...docsExampleFiles().keys()]).toEqual(
      expect.arrayContaining([
        'soc2-vpn/index.js',
        'soc2-vpn/provider.js',
        'soc2-vpn/runtime.js',
        'soc2-vpn/checks.js',
        'soc2-vpn/controls/vpn.yaml',
        'soc2.config.yaml',
      ]),
    );
  });

  it('passes its own tests (checks.test.js with soc2/sdk/testing under vitest)', () => {
    const tests = runPluginTests(join(writeDocsExample(), 'soc2-vpn'));
    expect(tests.output).toMatch(/Tests\s+11 passed \(11\)/);
    expect(tests.code, tests.output).toBe(0);
  });

  describe('soc2 scan with plugins: [./soc2-vpn]', () => {
    let dir: string;
    let run: CliRun;
    let report: Report;
    const out = (file: string) => join(dir, 'out', file);

    beforeAll(() => {
      dir = writeDocsExample();
      run = soc2(['scan', '--format', FORMATS, '--out', 'out', '--zip', 'bundle.zip'], { cwd: dir });
      report = readJson(out('report.json')) as unknown as Report;
    });

    it('evaluates its two checks from its collector and exits 1 for the account without MFA', () => {
      expect(run.stderr).not.toContain('internal error');
      expect(run.code).toBe(1);
      const mfa = report.checks.find((c) => c.id === 'vpn.mfa')!;
      expect(mfa).toMatchObject({ provider: 'vpn', status: 'fail', controls: ['VPN-01'] });
      expect(mfa.findings.map((f) => [f.resource, f.status])).toEqual([
        ['alice', 'pass'],
        ['bob', 'fail'],
      ]);
      // The config sets maxInactiveDays: 60; bob last signed in 200 days ago.
      const inactive = report.checks.find((c) => c.id === 'vpn.inactive-users')!;
      expect(inactive.findings.filter((f) => f.status === 'fail').map((f) => f.resource)).toEqual(['bob']);
      expect(report.providers.find((p) => p.id === 'vpn')).toMatchObject({ status: 'ok' });
      expect(report.controls.find((c) => c.id === 'VPN-01')).toMatchObject({
        criteria: ['CC6.1', 'CC6.2'],
        checks: ['vpn.mfa', 'vpn.inactive-users'],
        status: 'fail',
      });
      // The built-in providers, not configured here, are skipped as usual.
      expect(report.checks.find((c) => c.id === 'aws.iam-root-mfa')?.status).toBe('skipped');
    });

    it('shows its checks and control in every output format, each valid against its schema', () => {
      const schema = JSON.parse(readFileSync(join(packageRoot, 'schemas/report.schema.json'), 'utf8'));
      const validReport = compile(schema as object);
      expect(validReport(report), JSON.stringify(validReport.errors)).toBe(true);
      for (const file of ['report.md', 'report.html']) {
        const text = readFileSync(out(file), 'utf8');
        for (const id of ['vpn.mfa', 'vpn.inactive-users', 'VPN-01']) expect(text, file).toContain(id);
        expect(text, file).toContain('bob can sign in without MFA');
      }
      const csv = readFileSync(out('findings.csv'), 'utf8');
      expect(csv).toMatch(/^.*vpn\.mfa.*bob.*fail.*$/m);
      const sarif = readJson(out('report.sarif'));
      expect(sarifValidator()(sarif), JSON.stringify(sarifValidator().errors)).toBe(true);
      const runs = sarif.runs as {
        tool: { driver: { rules: { id: string }[] } };
        results: { ruleId: string }[];
      }[];
      expect(runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(
        expect.arrayContaining(['vpn.mfa', 'vpn.inactive-users']),
      );
      expect(runs[0]!.results.map((r) => r.ruleId)).toContain('vpn.mfa');
      const junit = readFileSync(out('junit.xml'), 'utf8');
      expect(junit).toContain('<testsuite name="soc2.vpn"');
      expect(junit).toMatch(/<testcase classname="soc2\.vpn" name="vpn\.mfa: [^"]*"[^>]*>\s*<failure/);
      const oscal = readJson(out('oscal-assessment-results.json'));
      expect(oscalValidator()(oscal), JSON.stringify(oscalValidator().errors)).toBe(true);
      expect(JSON.stringify(oscal)).toContain('vpn.mfa');
      expect(JSON.stringify(oscal)).toContain('VPN-01');
      const ocsf = readFileSync(out('findings.ocsf.jsonl'), 'utf8')
        .trimEnd()
        .split('\n')
        .map(
          (line) =>
            JSON.parse(line) as {
              resources?: { uid: string }[];
              compliance: { control: string };
              unmapped: { provider: string };
            },
        );
      expect(
        ocsf.find((e) => e.resources?.[0]?.uid === 'bob' && e.unmapped.provider === 'vpn'),
      ).toMatchObject({
        compliance: { control: 'VPN-01' },
      });
    });

    it('writes its data to the evidence folder and into the bundle', async () => {
      const evidence = readFileSync(out('evidence/data/vpn.users.jsonl'), 'utf8');
      expect(evidence).toContain('"user":"bob"');
      expect(evidence).toContain('vpn.mfa');
      const manifest = readJson(out('evidence/manifest.json')) as { files: { path: string }[] };
      expect(manifest.files.map((f) => f.path)).toContain('evidence/data/vpn.users.jsonl');
      const entries = await readZip(join(dir, 'bundle.zip'));
      const bundled = entries.find((e) => e.name === 'controls/VPN-01/evidence/vpn.users.jsonl');
      expect(bundled?.data.toString('utf8')).toContain('"user":"bob"');
      expect(entries.map((e) => e.name)).toContain('controls/VPN-01/README.md');
    });
  });

  it('appears in soc2 checks list and soc2 catalog list, and --provider accepts it', () => {
    const dir = writeDocsExample();
    // From another folder: the plugin and its provider's path are resolved from the config's folder.
    const config = join(dir, 'soc2.config.yaml');
    const checks = soc2(['checks', 'list', '--provider', 'vpn', '-c', config], { cwd: tmpdir() });
    expect(checks.code).toBe(0);
    expect(checks.stdout).toMatch(/^vpn\.inactive-users\s+medium\s+No active VPN account goes unused/m);
    expect(checks.stdout).toMatch(/^vpn\.mfa\s+high\s+/m);
    expect(checks.stdout).toContain('2 checks');
    const catalog = soc2(['catalog', 'list', '-c', config], { cwd: tmpdir() });
    expect(catalog.code).toBe(0);
    expect(catalog.stdout).toMatch(/^VPN-01\s+Remote access requires MFA/m);
    expect(soc2(['catalog', 'validate'], { cwd: dir }).stdout).toContain(`${builtInCheckCount + 2} checks`);
    const only = soc2(['scan', '-c', config, '--provider', 'vpn', '--out', join(dir, 'only')], {
      cwd: tmpdir(),
    });
    expect(only.code, only.stderr).toBe(1);
    const report = readJson(join(dir, 'only', 'report.json')) as unknown as Report;
    expect(report.checks.map((c) => c.id)).toEqual(['vpn.mfa', 'vpn.inactive-users']);
    const unknown = soc2(['scan', '--provider', 'vpm', '--out', 'x'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      `--provider: unknown provider 'vpm' (one of ${[...builtIn.providers.map((p) => p.id), 'vpn'].sort().join(', ')})`,
    );
  });
});

it('loads as an npm package installed next to the config', () => {
  const dir = writeDocsExample({
    'soc2.config.yaml': (text) => text.replace('./soc2-vpn', 'soc2-plugin-vpn'),
  });
  mkdirSync(join(dir, 'node_modules'));
  renameSync(join(dir, 'soc2-vpn'), join(dir, 'node_modules', 'soc2-plugin-vpn'));
  const run = soc2(['checks', 'list', '--provider', 'vpn'], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain('2 checks');
  expect(soc2(['catalog', 'list'], { cwd: dir }).stdout).toContain('VPN-01');
});

describe('a plugin that cannot be registered stops soc2 with exit 2, naming plugin, file and problem', () => {
  const fails = (dir: string, ...expected: (string | RegExp)[]) => {
    const run = soc2(['scan', '--out', 'out'], { cwd: dir });
    expect(run.code, run.stderr).toBe(2);
    for (const text of expected) expect(run.stderr).toMatch(text);
    noStack(run.stderr);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    return run.stderr;
  };

  it('a syntax error: the file and line of the error', () => {
    const dir = writeDocsExample({
      'soc2-vpn/checks.js': (text) => text.replace("provider: 'vpn',", "provider: 'vpn' oops,"),
    });
    const file = join(dir, 'soc2-vpn', 'checks.js');
    const line =
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('oops')) + 1;
    fails(
      dir,
      `${file}:${line}:`,
      `plugin ./soc2-vpn (listed at ${join(dir, 'soc2.config.yaml')}:3): syntax error: Unexpected identifier 'oops'`,
    );
  });

  it('a wrong shape: every problem, with where in the plugin it is', () => {
    const dir = writeDocsExample({
      'soc2-vpn/checks.js': (text) => text.replace("severity: 'high',", "severity: 'urgent',"),
      'soc2-vpn/index.js': (text) => text.replace("id: 'vpn',", "id: 'vpn',\n  check: [],"),
    });
    const stderr = fails(
      dir,
      `${join(dir, 'soc2-vpn', 'index.js')}: plugin ./soc2-vpn: checks[0] (vpn.mfa): severity must be one of critical, high, medium, low, info`,
      "plugin ./soc2-vpn: unknown key 'check' (expected id, providers, checks, populations, accounts, controls)",
    );
    expect(stderr).toContain('2 problems');
  });

  it('a default export that is not a plugin object', () => {
    const dir = writeDocsExample({ 'soc2-vpn/index.js': () => 'export default [];\n' });
    fails(
      dir,
      'plugin ./soc2-vpn: the default export must be an object { id, providers?, checks?, controls? }, not an array',
    );
  });

  it('a duplicate check id, within the plugin or against a built-in check', () => {
    const within = writeDocsExample({
      'soc2-vpn/checks.js': (text) => text.replace("id: 'vpn.inactive-users',", "id: 'vpn.mfa',"),
    });
    fails(within, "plugin ./soc2-vpn: check id 'vpn.mfa' is already registered by plugin ./soc2-vpn");
    const builtIn = writeDocsExample({
      'soc2-vpn/checks.js': (text) =>
        text
          .replace("id: 'vpn.mfa',\n  title", "id: 'aws.iam-root-mfa',\n  title")
          .replace("provider: 'vpn',\n  severity: 'high'", "provider: 'aws',\n  severity: 'high'"),
    });
    fails(
      builtIn,
      `${join(builtIn, 'soc2-vpn', 'index.js')}: plugin ./soc2-vpn: check id 'aws.iam-root-mfa' is already registered by the built-in aws plugin`,
    );
  });

  it('a provider or control id that is already taken', () => {
    const dir = writeDocsExample({
      'soc2-vpn/provider.js': (text) => text.replace("id: 'vpn',", "id: 'github',"),
      'soc2-vpn/controls/vpn.yaml': (text) => text.replace('id: VPN-01', 'id: ACC-01'),
    });
    fails(dir, "plugin ./soc2-vpn: provider id 'github' is already registered by the built-in github plugin");
    const control = writeDocsExample({
      'soc2-vpn/controls/vpn.yaml': (text) => text.replace('id: VPN-01', 'id: ACC-01'),
    });
    fails(
      control,
      `${join(control, 'soc2-vpn', 'controls', 'vpn.yaml')}:2:9: plugin vpn: control id 'ACC-01' is already defined at`,
    );
  });

  it('a plugin that throws while loading, or cannot be found', () => {
    const throws = writeDocsExample({
      'soc2-vpn/provider.js': (text) => `throw new TypeError('gateway SDK missing');\n${text}`,
    });
    fails(throws, 'plugin ./soc2-vpn (listed at', 'threw while loading: TypeError: gateway SDK missing');
    // A SyntaxError thrown by running code (not a file that does not parse) is a throw like any other.
    const parses = writeDocsExample({ 'soc2-vpn/provider.js': (text) => `JSON.parse('{');\n${text}` });
    fails(parses, /plugin \.\/soc2-vpn \(listed at [^)]+\): threw while loading: SyntaxError: /);
    const missing = writeDocsExample({
      'soc2.config.yaml': (text) => text.replace('./soc2-vpn', './soc2-vpm'),
    });
    fails(
      missing,
      `${join(missing, 'soc2.config.yaml')}:3:5: plugin ./soc2-vpm: not found: ${join(missing, 'soc2-vpm')}`,
    );
    const notInstalled = writeDocsExample({
      'soc2.config.yaml': (text) => text.replace('./soc2-vpn', 'soc2-plugin-nope'),
    });
    fails(notInstalled, 'plugin soc2-plugin-nope: npm package not found from');
  });

  it("a mistake in the provider's config block, located like any config problem", () => {
    const dir = writeDocsExample({
      'soc2.config.yaml': (text) => text.replace('    export: ./exports/vpn-users.json', '    exprt: x'),
    });
    const config = join(dir, 'soc2.config.yaml');
    fails(
      dir,
      `${config}:6:5: unknown key 'exprt' in providers.vpn`,
      `${config}:6:5: providers.vpn is missing required key 'export'`,
    );
  });
});

describe('plugin code that fails during a scan behaves like built-in code', () => {
  it('a failing collector: its checks end in error with the cause, the scan goes on and exits 3', () => {
    const dir = writeDocsExample({
      'soc2-vpn/runtime.js': (text) =>
        text.replace(
          'progress(`reading ${session.file}`);',
          "throw Object.assign(new Error('gateway unavailable'), { status: 503, code: 'ServiceUnavailable' });",
        ),
    });
    const run = soc2(['scan', '--out', 'out'], { cwd: dir });
    expect(run.code).toBe(3);
    const report = readJson(join(dir, 'out', 'report.json')) as unknown as Report;
    expect(report.scan.complete).toBe(false);
    const mfa = report.checks.find((c) => c.id === 'vpn.mfa')!;
    expect(mfa.status).toBe('error');
    expect(mfa.reason).toContain('gateway unavailable');
    expect(run.stderr).toMatch(/vpn\.users: 503 ServiceUnavailable: gateway unavailable/);
    expect(report.checks.find((c) => c.id === 'aws.iam-root-mfa')?.status).toBe('skipped');
  });

  it('a check that throws ends in error; the other check is evaluated', () => {
    const dir = writeDocsExample({
      'soc2-vpn/checks.js': (text) =>
        text.replace(
          'const users = activeUsers(data);\n    if (users.length === 0) return [{ resource',
          "throw new Error('bug');\n    const users = activeUsers(data);\n    if (users.length === 0) return [{ resource",
        ),
    });
    const run = soc2(['scan', '--out', 'out'], { cwd: dir });
    expect(run.code).toBe(3);
    const report = readJson(join(dir, 'out', 'report.json')) as unknown as Report;
    expect(report.checks.find((c) => c.id === 'vpn.mfa')).toMatchObject({
      status: 'error',
      reason: 'check threw: bug',
    });
    expect(report.checks.find((c) => c.id === 'vpn.inactive-users')?.status).toBe('fail');
  });
});
