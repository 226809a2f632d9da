/**
 * Control statements an auditor can test (issue 19): every control, built in or from a bundled plugin,
 * says what kind of control it is, how often it runs, who owns it, what it acts on and how it is
 * tested; the option values its text promises are the ones its checks use; evidence requests ask for
 * populations and records, never for a sample (the auditor chooses samples).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/core/catalog.js';
import { InputError } from '../../src/engine/errors.js';
import { builtInPlugins } from '../../src/registry/builtins.js';
import { buildRegistry } from '../../src/registry/registry.js';

const registry = buildRegistry(builtInPlugins);
const catalog = loadCatalog({
  checks: registry.checks,
  pluginDirs: registry.controlDirs,
  noBuildCache: true,
});
const checks = new Map(registry.checks.map((c) => [c.id, c]));
const FREQUENCIES = [
  'continuous',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'semiannually',
  'annually',
  'per-event',
];

describe('every control states how it is tested', () => {
  it('covers the built-in and bundled plugin controls', () => {
    expect(catalog.controls.length).toBeGreaterThanOrEqual(69);
    expect(catalog.controls.map((c) => c.id)).toEqual(expect.arrayContaining(['OKTA-01', 'ENTRA-04']));
  });

  it.each(catalog.controls.map((c) => [c.id, c] as const))(
    '%s has type, frequency, owner, population and test procedure',
    (_, control) => {
      expect(['preventive', 'detective']).toContain(control.type.purpose);
      expect(['automated', 'manual']).toContain(control.type.operation);
      expect(FREQUENCIES).toContain(control.frequency);
      expect(control.owner.trim().length).toBeGreaterThan(1);
      expect(control.population.trim().length).toBeGreaterThanOrEqual(10);
      expect(control.testProcedure).toMatch(/\b(inspect|re-perform|reconcile|compare|select)/i);
    },
  );

  it('asks for populations and records, never a sample', () => {
    const sampling = catalog.controls.flatMap((c) =>
      c.evidence
        .filter((e) => /\bsamples?\b/i.test(`${e.id} ${e.title}`))
        .map((e) => `${c.id}/${e.id}: ${e.title}`),
    );
    expect(sampling).toEqual([]);
  });
});

describe('control text and check options agree', () => {
  const promised = catalog.controls.flatMap((control) =>
    Object.entries(control.promises).flatMap(([checkId, options]) =>
      Object.entries(options).map(([option, value]) => [control.id, checkId, option, value] as const),
    ),
  );

  it.each(promised)('%s promises %s %s as the check uses it', (_, checkId, option, value) => {
    const defaults = checks.get(checkId)!.options!.defaults as Record<string, unknown>;
    expect(defaults[option]).toEqual(value);
  });

  // What each description says, and the promised option value that must say the same.
  const statements: { control: string; text: RegExp; check: string; option: string; value: unknown }[] = [
    {
      control: 'OPS-06',
      text: /critical 7 days, high 30 days, medium 90 days/,
      check: 'github.dependabot-alert-sla',
      option: 'slaDays',
      value: { critical: 7, high: 30, medium: 90 },
    },
    {
      control: 'OPS-06',
      text: /code scanning error without a security severity counts as high/,
      check: 'github.code-scanning-alert-sla',
      option: 'slaDays',
      value: { critical: 7, high: 30, medium: 90, error: 30 },
    },
    {
      control: 'ACC-04',
      text: /no later than one day after the end date/,
      check: 'hr.offboarding-aws',
      option: 'deadlineDays',
      value: 1,
    },
    {
      control: 'ACC-04',
      text: /no later than one day after the end date/,
      check: 'hr.offboarding-google',
      option: 'deadlineDays',
      value: 1,
    },
    {
      control: 'ACC-07',
      text: /rotated at least every 90 days, and credentials unused for\s+90 days/,
      check: 'aws.iam-access-key-rotation',
      option: 'maxAgeDays',
      value: 90,
    },
    {
      control: 'BC-02',
      text: /point-in-time recovery kept for at least 7\s+days/,
      check: 'aws.rds-backup-retention',
      option: 'minDays',
      value: 7,
    },
    {
      control: 'BC-02',
      text: /AWS Backup plans keep recovery points for at least 14 days/,
      check: 'aws.backup-plan-retention',
      option: 'minDays',
      value: 14,
    },
    {
      control: 'CHG-04',
      text: /revoked and rotated within 7 days/,
      check: 'github.secret-scanning-alerts',
      option: 'slaDays',
      value: 7,
    },
    {
      control: 'HR-02',
      text: /within 30 days of joining/,
      check: 'hr.new-hire-training',
      option: 'withinDays',
      value: 30,
    },
  ];

  it.each(statements)(
    '$control says what $check $option checks',
    ({ control, text, check, option, value }) => {
      const found = catalog.controls.find((c) => c.id === control)!;
      expect(found.description.replace(/\s+/g, ' ')).toMatch(new RegExp(text.source.replace(/\\s\+/g, ' ')));
      expect(found.promises[check]?.[option]).toEqual(value);
      expect((checks.get(check)!.options!.defaults as Record<string, unknown>)[option]).toEqual(value);
    },
  );
});

describe('catalog validation of the new fields', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-statements-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const control = (extra: string, omit?: string) =>
    [
      'controls:',
      '  - id: TST-01',
      '    title: Test control',
      '    description: A control written for the catalog tests.',
      '    type: { purpose: detective, operation: manual }',
      '    owner: Security Lead',
      '    frequency: annually',
      '    population: Every item the test control acts on.',
      '    testProcedure: Inspect the record of every item.',
      '    criteria:',
      '      - id: CC6.2',
      '        rationale: Test rationale for CC6.2.',
      '    checks: [hr.offboarding-aws]',
      extra,
    ]
      .filter((line) => !omit || !line.trimStart().startsWith(`${omit}:`))
      .join('\n');

  const problems = (name: string, text: string) => {
    writeFileSync(join(dir, name), `${text}\n`);
    try {
      loadCatalog({ extraDirs: [dir], checks: registry.checks });
    } catch (error) {
      if (error instanceof InputError) return error.problems;
      throw error;
    } finally {
      rmSync(join(dir, name));
    }
    return [];
  };

  it.each(['type', 'population', 'testProcedure', 'owner', 'frequency'])(
    'rejects a control without %s',
    (field) => {
      expect(problems('missing.yaml', control('', field)).map((p) => p.message)).toEqual([
        `controls.0 is missing required key '${field}'`,
      ]);
    },
  );

  it('rejects a role other than tests or supports, with its line', () => {
    const text = control('').replace('      - id: CC6.2', '      - id: CC6.2\n        role: maybe');
    const found = problems('role.yaml', text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: join(dir, 'role.yaml'), line: 12 });
  });

  it('rejects a promise about a check the control does not use, or an option the check lacks', () => {
    const text = control(
      '    promises:\n      hr.offboarding-aws: { deadlineDay: 1 }\n      hr.offboarding-google: { deadlineDays: 1 }',
    );
    const found = problems('promises.yaml', text);
    expect(found.map((p) => [p.line, p.message])).toEqual([
      [15, "control TST-01: check 'hr.offboarding-aws' has no option 'deadlineDay' (it has deadlineDays)"],
      [16, "control TST-01: promises options of 'hr.offboarding-google', which is not one of its checks"],
    ]);
  });

  it('defaults a mapping without a role to tests', () => {
    writeFileSync(join(dir, 'ok.yaml'), `${control('')}\n`);
    try {
      const loaded = loadCatalog({ extraDirs: [dir], checks: registry.checks });
      expect(loaded.controls.find((c) => c.id === 'TST-01')?.criteria).toEqual([
        { id: 'CC6.2', rationale: 'Test rationale for CC6.2.', role: 'tests' },
      ]);
    } finally {
      rmSync(join(dir, 'ok.yaml'));
    }
  });
});
