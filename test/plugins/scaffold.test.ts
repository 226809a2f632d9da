import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allChecks } from '../../checks/index.js';
import { describe, expect, it } from 'vitest';
import { soc2 } from '../harness/cli.js';
import { runPluginTests } from './run-vitest.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'soc2-scaffold-'));

describe('soc2 plugin new', () => {
  it('writes a plugin folder whose own test passes, and fails when its check is broken', () => {
    const dir = tmp();
    const run = soc2(['plugin', 'new', 'acme'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const plugin = join(dir, 'acme');
    for (const file of [
      'package.json',
      'index.js',
      'provider.js',
      'runtime.js',
      'check.js',
      'check.test.js',
      'controls/acme.yaml',
      'README.md',
    ])
      expect(existsSync(join(plugin, file)), file).toBe(true);
    expect(run.stderr).toContain('- ./acme');

    const tests = runPluginTests(plugin);
    expect(tests.output).toMatch(/Tests\s+5 passed \(5\)/);
    expect(tests.code, tests.output).toBe(0);

    const check = join(plugin, 'check.js');
    writeFileSync(check, readFileSync(check, 'utf8').replace("account.mfa ? 'pass' : 'fail'", "'pass'"));
    const broken = runPluginTests(plugin);
    expect(broken.code).toBe(1);
    expect(broken.output).toContain('an account without MFA fails');
  });

  it('shows up in checks list, catalog list and scan once named in plugins:', () => {
    const dir = tmp();
    expect(soc2(['plugin', 'new', 'okta-lite', '--dir', 'plugins/okta'], { cwd: dir }).code).toBe(0);
    writeFileSync(
      join(dir, 'soc2.config.yaml'),
      'organization: Acme\nplugins:\n  - ./plugins/okta\nproviders:\n  okta-lite:\n    file: ./plugins/okta/example-accounts.json\n',
    );
    const checks = soc2(['checks', 'list'], { cwd: dir });
    expect(checks.code).toBe(0);
    expect(checks.stdout).toMatch(/^okta-lite\.accounts-mfa\s+high\s+Okta Lite accounts have multi-factor/m);
    expect(checks.stdout).toContain(`${allChecks.length + 1} checks`);
    const catalog = soc2(['catalog', 'list'], { cwd: dir });
    expect(catalog.stdout).toMatch(
      /^OKTALITE-01 Okta Lite accounts require multi-factor authentication\n\s+criteria: CC6\.1 · checks: 1/m,
    );
    const scan = soc2(['scan', '--provider', 'okta-lite', '--out', 'out'], { cwd: dir });
    expect(scan.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as {
      checks: { id: string; findings: { resource: string; status: string }[] }[];
    };
    expect(report.checks[0]!.findings.map((f) => `${f.resource}:${f.status}`)).toEqual([
      'alice:pass',
      'bob:fail',
    ]);
  });

  it('refuses a bad name, a built-in provider id and a folder that is not empty (exit 2)', () => {
    const dir = tmp();
    for (const [args, message] of [
      [['Acme'], "plugin name 'Acme' must be lowercase letters"],
      [['github'], "plugin name 'github' is a built-in provider's id"],
    ] as const) {
      const run = soc2(['plugin', 'new', ...args], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
    }
    expect(soc2(['plugin', 'new', 'acme'], { cwd: dir }).code).toBe(0);
    const again = soc2(['plugin', 'new', 'acme'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${join(dir, 'acme')}: already exists and is not empty`);
  });
});
