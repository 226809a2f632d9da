import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { allChecks } from '../checks/index.js';
import { catalogWarnings, loadCatalog, type Catalog } from '../src/core/catalog.js';
import { defineCheck, type AnyCheck } from '../src/engine/check.js';
import { criterionIds } from '../src/core/criteria.js';
import { InputError, type Problem } from '../src/engine/errors.js';
import { builtInCatalogDir, packageRoot } from '../src/core/paths.js';
import { soc2 } from './harness/cli.js';

const POLICY_IDS = [
  'information-security',
  'acceptable-use',
  'access-control',
  'change-management',
  'incident-response',
  'business-continuity',
  'backup',
  'vendor-management',
  'risk-assessment',
  'data-classification',
  'encryption',
  'secure-development',
  'logging-monitoring',
  'privacy',
  'code-of-conduct',
  'hr-security',
];

/** Minimum days a request of each frequency must stay fresh so it does not lapse before it is due again. */
const MIN_FRESH_DAYS: Record<string, number> = {
  daily: 1,
  weekly: 7,
  monthly: 28,
  quarterly: 90,
  semiannually: 182,
  annually: 365,
};

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes a temporary catalog folder; `files` maps file names to YAML text. */
function catalogDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-catalog-'));
  tempDirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function controlYaml(id: string, options: { criteria?: string[]; checks?: string[]; title?: string } = {}) {
  const criteria = (options.criteria ?? ['CC6.1'])
    .map((c) => `      - id: ${c}\n        rationale: Test rationale for ${c}.\n`)
    .join('');
  const checks = options.checks ? `    checks: [${options.checks.join(', ')}]\n` : '';
  return (
    `  - id: ${id}\n` +
    `    title: ${options.title ?? `Test control ${id}`}\n` +
    `    description: A control written for the catalog tests.\n` +
    `    type: { purpose: detective, operation: manual }\n` +
    `    owner: Security Lead\n` +
    `    frequency: annually\n` +
    `    population: Every item the test control acts on.\n` +
    `    testProcedure: Inspect the record of every item in the population.\n` +
    `    criteria:\n${criteria}${checks}`
  );
}

const file = (...controls: string[]) => `controls:\n${controls.join('')}`;

function problemsOf(load: () => unknown): Problem[] {
  try {
    load();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected the catalog to be rejected');
}

/** Line (1-based) of the `nth` line of `text` containing `needle`. */
function lineOf(text: string, needle: string, nth = 1): number {
  const lines = text
    .split('\n')
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.includes(needle));
  const found = lines[nth - 1];
  if (!found) throw new Error(`'${needle}' not in text ${nth} times`);
  return found.number;
}

const fakeCheck = (id: string): AnyCheck =>
  defineCheck({
    id,
    title: id,
    provider: 'aws',
    severity: 'low',
    description: 'test',
    risk: 'test',
    remediation: 'test',
    requires: [],
    evaluate: () => [{ resource: 'x', status: 'pass', message: 'ok' }],
  });

describe('built-in catalog', () => {
  const catalog: Catalog = loadCatalog({ checks: allChecks });

  it('loads with no problems and no integrity warnings', () => {
    expect(catalog.controls.length).toBeGreaterThanOrEqual(45);
    expect(catalog.files.every((f) => f.startsWith(builtInCatalogDir))).toBe(true);
    expect(catalogWarnings(catalog, allChecks)).toEqual([]);
  });

  it('supports all 61 Trust Services Criteria, privacy and processing integrity included', () => {
    const supported = new Set(catalog.controls.flatMap((c) => c.criteria.map((x) => x.id)));
    const all = [...criterionIds()];
    expect(all).toHaveLength(61);
    expect(all.filter((id) => !supported.has(id))).toEqual([]);
  });

  it('requests every policy document by its id', () => {
    const requested = new Set(catalog.controls.flatMap((c) => c.evidence.map((e) => e.policy)));
    expect(POLICY_IDS.filter((id) => !requested.has(id))).toEqual([]);
    expect([...requested].filter((id) => id !== undefined && !POLICY_IDS.includes(id))).toEqual([]);
  });

  it('names policy requests policy-<id> and gives every other request a catalog-wide unique id', () => {
    const owners = new Map<string, string>();
    for (const control of catalog.controls) {
      for (const request of control.evidence) {
        if (request.policy) {
          expect(request.id).toBe(`policy-${request.policy}`);
          continue;
        }
        expect(owners.get(request.id), `evidence '${request.id}' in ${control.id}`).toBeUndefined();
        owners.set(request.id, control.id);
      }
    }
  });

  it('keeps evidence fresh for at least one full cycle of its frequency', () => {
    for (const control of catalog.controls) {
      for (const request of control.evidence) {
        const min = MIN_FRESH_DAYS[request.frequency] ?? 1;
        expect(request.freshDays, `${control.id}/${request.id}`).toBeGreaterThanOrEqual(min);
      }
    }
  });

  it('uses every registered check, and every check a control names exists', () => {
    const used = new Set(catalog.controls.flatMap((c) => c.checks));
    const registered = new Set(allChecks.map((c) => c.id));
    expect(allChecks.map((c) => c.id).filter((id) => !used.has(id))).toEqual([]);
    expect([...used].filter((id) => !registered.has(id))).toEqual([]);
    expect(registered.size).toBe(allChecks.length);
  });
});

// Every folder under checks/<provider>/ is a check, except helpers named with a leading '_' or '.'.
describe('check folders', () => {
  const checksRoot = join(packageRoot, 'checks');
  const folders = readdirSync(checksRoot)
    .filter((provider) => statSync(join(checksRoot, provider)).isDirectory())
    .flatMap((provider) =>
      readdirSync(join(checksRoot, provider))
        .filter((name) => !/^[._]/.test(name) && statSync(join(checksRoot, provider, name)).isDirectory())
        // A Type II population's folder (population.ts) is not a check's.
        .filter((name) => !existsSync(join(checksRoot, provider, name, 'population.ts')))
        .map((name) => ({ provider, name, dir: join(checksRoot, provider, name) })),
    );

  it('finds the provider folders', () => {
    expect(readdirSync(checksRoot).filter((p) => statSync(join(checksRoot, p)).isDirectory())).toEqual(
      expect.arrayContaining(['aws', 'github', 'google', 'hr', 'docs']),
    );
  });

  it('has a check.ts, check.test.ts and README.md in every check folder', () => {
    const missing = folders.flatMap(({ provider, name, dir }) =>
      ['check.ts', 'check.test.ts', 'README.md']
        .filter((f) => !existsSync(join(dir, f)))
        .map((f) => `checks/${provider}/${name}/${f}`),
    );
    expect(missing).toEqual([]);
  });

  it('exports a check whose id is <provider>.<folder> and registers it in allChecks', async () => {
    const registered = new Map(allChecks.map((c) => [c.id, c]));
    for (const { provider, name, dir } of folders) {
      const module = (await import(pathToFileURL(join(dir, 'check.ts')).href)) as { default?: AnyCheck };
      const where = `checks/${provider}/${name}/check.ts`;
      expect(module.default?.id, where).toBe(`${provider}.${name}`);
      expect(module.default?.provider, where).toBe(provider);
      expect(registered.get(`${provider}.${name}`), `${where} is not in allChecks`).toBe(module.default);
    }
    expect(allChecks).toHaveLength(folders.length);
  });
});

describe('catalog validation', () => {
  it.each(['CC9.9', 'CC8.2', 'A1.4', 'P1.2'])('rejects unknown criterion %s with file and line', (bad) => {
    const text = file(controlYaml('TST-01', { criteria: ['CC6.1', bad] }));
    const dir = catalogDir({ 'bad.yaml': text });
    const problems = problemsOf(() => loadCatalog({ extraDirs: [dir], checks: allChecks }));
    expect(problems).toEqual([
      {
        file: join(dir, 'bad.yaml'),
        line: lineOf(text, `id: ${bad}`),
        column: expect.any(Number) as number,
        message: `control TST-01: '${bad}' is not a 2017 Trust Services Criterion`,
      },
    ]);
  });

  it('reports every problem across files at once', () => {
    const dir = catalogDir({
      'a.yaml': file(controlYaml('TST-01', { criteria: ['CC9.9'] })),
      'b.yaml': file(controlYaml('TST-02', { criteria: ['A1.4'] })),
    });
    const problems = problemsOf(() => loadCatalog({ extraDirs: [dir], checks: allChecks }));
    expect(problems.map((p) => p.file)).toEqual([join(dir, 'a.yaml'), join(dir, 'b.yaml')]);
  });

  it('rejects a duplicate control id within one folder, in the same file or across files', () => {
    const same = file(controlYaml('TST-01'), controlYaml('TST-01'));
    const sameDir = catalogDir({ 'one.yaml': same });
    const problems = problemsOf(() => loadCatalog({ extraDirs: [sameDir], checks: allChecks }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/duplicate control id 'TST-01' \(first defined at .*one\.yaml:2\)/);
    expect(problems[0]!.line).toBe(lineOf(same, 'id: TST-01', 2));

    const acrossDir = catalogDir({
      'a.yaml': file(controlYaml('TST-01')),
      'b.yaml': file(controlYaml('TST-01')),
    });
    const across = problemsOf(() => loadCatalog({ extraDirs: [acrossDir], checks: allChecks }));
    expect(across).toMatchObject([{ file: join(acrossDir, 'b.yaml'), line: 2 }]);
  });

  it('rejects an unknown check id and accepts a registered one', () => {
    const text = file(controlYaml('TST-01', { checks: ['aws.known', 'aws.no-such-check'] }));
    const dir = catalogDir({ 'checks.yaml': text });
    const checks = [...allChecks, fakeCheck('aws.known')];
    const problems = problemsOf(() => loadCatalog({ extraDirs: [dir], checks }));
    expect(problems).toEqual([
      {
        file: join(dir, 'checks.yaml'),
        line: lineOf(text, 'checks:'),
        column: expect.any(Number) as number,
        message: "control TST-01: unknown check 'aws.no-such-check'",
      },
    ]);
    const ok = loadCatalog({
      extraDirs: [catalogDir({ 'ok.yaml': file(controlYaml('TST-01', { checks: ['aws.known'] })) })],
      checks,
    });
    expect(ok.controls.find((c) => c.id === 'TST-01')?.checks).toEqual(['aws.known']);
  });

  it('names the file, line and column of a schema error', () => {
    const text =
      'controls:\n  - id: TST-01\n    description: No title here, which the schema requires.\n' +
      '    type: { purpose: detective, operation: manual }\n    owner: Security Lead\n    frequency: annually\n' +
      '    population: Every item.\n    testProcedure: Inspect the record of every item.\n' +
      '    criteria:\n      - id: CC6.1\n        rationale: Test rationale.\n';
    const dir = catalogDir({ 'untitled.yaml': text });
    const error = (() => {
      try {
        loadCatalog({ extraDirs: [dir], checks: allChecks });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems).toEqual([
      {
        file: join(dir, 'untitled.yaml'),
        line: 2,
        column: 5,
        message: "controls.0 is missing required key 'title'",
      },
    ]);
    expect((error as InputError).describe()).toBe(
      `${join(dir, 'untitled.yaml')}:2:5: controls.0 is missing required key 'title'`,
    );
  });

  it('rejects a malformed control id and an unknown frequency with their positions', () => {
    const text = file(controlYaml('tst-1')).replace('frequency: annually', 'frequency: yearly');
    const dir = catalogDir({ 'shape.yaml': text });
    const problems = problemsOf(() => loadCatalog({ extraDirs: [dir], checks: allChecks }));
    expect(problems.map((p) => p.line).sort()).toEqual(
      [lineOf(text, 'id: tst-1'), lineOf(text, 'frequency:')].sort(),
    );
    expect(problems.every((p) => p.file === join(dir, 'shape.yaml') && p.column !== undefined)).toBe(true);
  });
});

describe('--catalog folders', () => {
  it('add new controls and replace built-in ones with the same id', () => {
    const builtIn = loadCatalog({ checks: allChecks });
    const original = builtIn.controls.find((c) => c.id === 'ACC-02');
    expect(original).toBeDefined();

    const dir = catalogDir({
      'custom.yaml': file(
        controlYaml('ACC-02', { title: 'Hardware keys for everyone', criteria: ['CC6.1'] }),
        controlYaml('CUST-01', { criteria: ['P1.1'] }),
      ),
    });
    const merged = loadCatalog({ extraDirs: [dir], checks: allChecks });
    expect(merged.controls).toHaveLength(builtIn.controls.length + 1);
    const replaced = merged.controls.find((c) => c.id === 'ACC-02')!;
    expect(replaced.title).toBe('Hardware keys for everyone');
    expect(replaced.source.file).toBe(join(dir, 'custom.yaml'));
    expect(replaced.evidence).toEqual([]);
    expect(merged.controls.find((c) => c.id === 'CUST-01')?.criteria.map((c) => c.id)).toEqual(['P1.1']);
    expect(merged.files).toContain(join(dir, 'custom.yaml'));
  });

  it('are rejected with the bad-input exit code and a located message from the CLI', () => {
    const text = file(controlYaml('TST-01', { criteria: ['CC8.2'] }));
    const dir = catalogDir({ 'bad.yaml': text });
    const run = soc2(['catalog', 'validate', '--catalog', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(dir, 'bad.yaml')}:${lineOf(text, 'id: CC8.2')}:`);
    expect(run.stderr).toContain("'CC8.2' is not a 2017 Trust Services Criterion");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
