import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config.js';
import { resolveCheckConfig } from '../src/engine/check-config.js';
import { InputError } from '../src/engine/errors.js';
import { starterConfig } from '../src/core/starter-config.js';
import { fakeCheck } from './fixtures/engine.js';

function configFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-config-'));
  const file = join(dir, 'soc2.config.yaml');
  writeFileSync(file, text);
  return file;
}

function problemsOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).problems;
  }
  throw new Error('expected an InputError');
}

describe('config', () => {
  it('reports every schema problem with file, line and column', () => {
    const file = configFile(
      [
        'organization: Acme',
        'providers:',
        '  aws:',
        '    regions: [us-east-1, mars-1]',
        '  gitlab: {}',
        'failOn: severe',
        '',
      ].join('\n'),
    );
    const problems = problemsOf(() => loadConfig(file));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file,
          line: 4,
          column: 26,
          message: expect.stringContaining('providers.aws.regions.1'),
        }),
        expect.objectContaining({
          file,
          line: 5,
          column: 3,
          message: expect.stringContaining("unknown provider 'gitlab' in providers"),
        }),
        expect.objectContaining({ file, line: 6, message: expect.stringContaining('failOn must be one of') }),
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('reports YAML syntax errors with their line', () => {
    const file = configFile('organization: Acme\nproviders:\n  aws: [unclosed\n');
    const problems = problemsOf(() => loadConfig(file));
    expect(problems[0]).toMatchObject({ file });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('names a missing explicit config file, but treats a missing default as defaults', () => {
    expect(problemsOf(() => loadConfig('/nonexistent/soc2.config.yaml'))).toEqual([
      { file: '/nonexistent/soc2.config.yaml', message: 'file not found' },
    ]);
    expect(loadConfig(undefined, mkdtempSync(join(tmpdir(), 'soc2-empty-'))).providers).toEqual({});
  });

  it('resolves relative paths against the config folder', () => {
    const file = configFile(
      'organization: Acme\npolicies: ./policies\nproviders:\n  hr:\n    roster: hr/roster.csv\n',
    );
    const config = loadConfig(file);
    expect(config.policies).toBe(join(file, '..', 'policies'));
    expect(config.providers.hr?.roster).toBe(join(file, '..', 'hr', 'roster.csv'));
  });

  it('validates per-check option overrides against the check and names the line', () => {
    const check = {
      ...fakeCheck('aws.key-age', ['aws.x'], () => []),
      options: { schema: { maxAgeDays: { type: 'integer', minimum: 1 } }, defaults: { maxAgeDays: 90 } },
    };
    const file = configFile(
      'organization: Acme\nchecks:\n  aws.key-age:\n    maxAgeDays: 0\n  aws.nope: {}\n',
    );
    const config = loadConfig(file);
    const problems = problemsOf(() => resolveCheckConfig(config, [check]));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 4, message: expect.stringContaining('maxAgeDays must be >= 1') }),
        expect.objectContaining({ line: 5, message: "unknown check 'aws.nope'" }),
      ]),
    );
    const ok = loadConfig(configFile('organization: Acme\nchecks:\n  aws.key-age:\n    maxAgeDays: 30\n'));
    expect(resolveCheckConfig(ok, [check]).get('aws.key-age')).toEqual({ maxAgeDays: 30 });
  });

  it('rejects exceptions naming a check the scan was not given, at the entry, with every other problem', () => {
    const known = fakeCheck('acme.vpn-mfa', ['acme.x'], () => []);
    const approval = ['    approved_by: ciso', "    approved_at: '2026-10-01'"];
    const file = configFile(
      [
        'organization: Acme',
        'exceptions:',
        '  - check: acme.vpn-mfa',
        '    resource: bob',
        '    reason: Leaves on Friday',
        ...approval,
        "    expires: '2026-12-01'",
        '  - resource: ci-deployer',
        '    check: aws.iam-access-key-age',
        '    reason: Renamed check',
        ...approval,
        "    expires: '2026-12-01'",
        '  - check: acme.vpn-mfa',
        '    resource: carol',
        '    reason: Long leave',
        ...approval,
        "    expires: '2027-12-01'",
        'checks:',
        '  aws.nope: {}',
        '',
      ].join('\n'),
    );
    const config = loadConfig(file);
    expect(problemsOf(() => resolveCheckConfig(config, [known], '2026-11-01'))).toEqual([
      {
        file,
        line: 10,
        column: 12,
        message: "exceptions[1]: unknown check 'aws.iam-access-key-age'",
      },
      {
        file,
        line: 20,
        column: 14,
        message:
          "exceptions[2] (acme.vpn-mfa carol): runs 426 days from approved_at to expires; a high check's exception may run at most 180 days (exceptionMaxDays)",
      },
      { file, line: 22, column: 3, message: "unknown check 'aws.nope'" },
    ]);
    const accepted = loadConfig(
      configFile(
        "organization: Acme\nexceptions:\n  - check: acme.vpn-mfa\n    resource: bob\n    reason: ok\n    approved_by: ciso\n    approved_at: '2026-10-01'\n    expires: '2026-12-01'\n",
      ),
    );
    expect(resolveCheckConfig(accepted, [known], '2026-11-01').get('acme.vpn-mfa')).toEqual({});
    // The same exception, dated before its approval can have happened.
    expect(problemsOf(() => resolveCheckConfig(accepted, [known], '2026-09-30'))).toEqual([
      {
        file: accepted.file,
        line: 7,
        column: 18,
        message: 'exceptions[0] (acme.vpn-mfa bob): approved_at 2026-10-01 is in the future',
      },
    ]);
  });

  it('rejects an exception missing its approval, naming the entry', () => {
    const file = configFile(
      'organization: Acme\nexceptions:\n  - check: acme.vpn-mfa\n    resource: bob\n    reason: ok\n    expires: 2026-12-01\n',
    );
    const messages = problemsOf(() => loadConfig(file)).map((p) => `${p.line}: ${p.message}`);
    expect(messages.join('\n')).toMatch(/^3: .*approved_by/m);
    expect(messages.join('\n')).toMatch(/^3: .*approved_at/m);
  });

  it('writes a starter config that loads cleanly', () => {
    const config = loadConfig(configFile(starterConfig('Acme "Quoted" Inc')));
    expect(config.organization).toBe('Acme "Quoted" Inc');
    // Every provider starts commented out, so a first scan skips them instead of failing on credentials.
    expect(config.providers).toEqual({});
    const aws = starterConfig('Acme').replace(
      /^ {2}# aws:\n((?: {2}# .*\n)+)/m,
      (_m, body: string) => `  aws:\n${body.replace(/^ {2}# /gm, '  ')}`,
    );
    expect(loadConfig(configFile(aws)).providers.aws).toMatchObject({
      regions: ['us-east-1'],
      assumeRole: 'soc2-audit',
    });
  });
});
