import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDir } from '../../src/core/paths.js';
import type { ScanResult } from '../../src/engine/result.js';
import { soc2, type CliRun } from '../harness/cli.js';

/**
 * `soc2 scan --demo --config FILE`: the demo's recorded data under a config with a `scope:` that
 * leaves out the EU region, staging-tagged resources, two repositories, the /Sales org unit and the
 * processing integrity and privacy categories, plus one approved exception.
 */
const SCOPE = `
scope:
  categories: [availability, confidentiality]
  aws:
    regions: { exclude: [eu-west-1] }
  github:
    repositories: { exclude: ['lumen-ledger/ml-*', lumen-ledger/internal-tools] }
  google:
    orgUnits: { exclude: [/Sales] }
  tags: { exclude: ['env=staging'] }
`;
const EXCEPTION = `
exceptions:
  - check: aws.iam-console-mfa
    resource: arn:aws:iam::111111111111:user/ben.okafor
    reason: hardware key on order; console access limited to read-only until it arrives
    approved_by: ciso@lumenledger.example
    approved_at: '2026-10-15'
    expires: '2027-01-10'
`;

/** The demo's own config with its relative paths made absolute, `exceptions: []` replaced by `extra`. */
function demoConfig(extra: string): string {
  const text = readFileSync(join(demoDir, 'soc2.config.yaml'), 'utf8')
    .replace(/\.\/([\w./-]+)/g, (_m, path: string) => join(demoDir, path))
    .replace(/^exceptions: \[\]$/m, '');
  const dir = mkdtempSync(join(tmpdir(), 'soc2-scope-'));
  writeFileSync(join(dir, 'soc2.config.yaml'), `${text}\n${extra}`);
  return dir;
}

const FORMATS = 'json,md,html,csv,sarif,junit,oscal,ocsf';

function scan(extra: string): {
  run: CliRun;
  report?: ScanResult;
  read: (file: string) => string;
  dir: string;
} {
  const dir = demoConfig(extra);
  const out = join(dir, 'out');
  const run = soc2([
    'scan',
    '--demo',
    '--config',
    join(dir, 'soc2.config.yaml'),
    '--out',
    out,
    '--format',
    FORMATS,
  ]);
  const read = (file: string) => readFileSync(join(out, file), 'utf8');
  return {
    run,
    dir,
    read,
    ...(run.code === 2 ? {} : { report: JSON.parse(read('report.json')) as ScanResult }),
  };
}

/** The ARNs the demo's AWS Config items tag env=staging. */
function stagingTagged(): string[] {
  const snapshot = JSON.parse(readFileSync(join(demoDir, 'snapshot', 'aws.json'), 'utf8')) as {
    data: {
      'aws.config.resources': {
        value: { items: { arn?: string; tags?: { key: string; value: string }[] }[] };
      };
    };
  };
  return snapshot.data['aws.config.resources'].value.items
    .filter((i) => i.tags?.some((t) => t.key === 'env' && t.value === 'staging'))
    .map((i) => i.arn!);
}

const allFindings = (r: ScanResult) => r.checks.flatMap((c) => c.findings.map((f) => ({ check: c, f })));

describe('a scoped scan of the demo', () => {
  let full: ScanResult;
  let scoped: ScanResult;
  let md: string;
  let read: (file: string) => string;
  beforeAll(() => {
    full = scan('').report!;
    const run = scan(SCOPE + EXCEPTION);
    scoped = run.report!;
    read = run.read;
    md = read('report.md');
  });

  it('states the scope in report.json and report.md', () => {
    expect(scoped.scope).toMatchObject({
      declared: true,
      categories: ['security', 'availability', 'confidentiality'],
      rules: { aws: { regions: { exclude: ['eu-west-1'] } }, tags: { exclude: ['env=staging'] } },
    });
    expect(full.scope.declared).toBe(false);
    expect(md).toContain('## Scope');
    expect(md).toContain('In-scope categories: Security, Availability, Confidentiality');
    expect(md).toContain('scope.tags exclude: env=staging');
  });

  it('leaves out-of-scope categories out of every verdict and lists their criteria', () => {
    const outCriteria = scoped.outOfScope.criteria;
    expect(outCriteria.map((c) => c.category).sort()).toEqual(
      full.criteria
        .filter((c) => c.category === 'processing_integrity' || c.category === 'privacy')
        .map((c) => c.category)
        .sort(),
    );
    expect(outCriteria.every((c) => c.rule === 'scope.categories')).toBe(true);
    expect(outCriteria.some((c) => c.id === 'PI1.5')).toBe(true);
    expect(
      scoped.criteria.some((c) => c.category === 'privacy' || c.category === 'processing_integrity'),
    ).toBe(false);
    for (const control of scoped.controls)
      expect(control.criteria.some((id) => scoped.criteria.some((c) => c.id === id))).toBe(true);
  });

  it('excludes out-of-scope resources from every check, naming the rule that excluded each', () => {
    const inScope = allFindings(scoped);
    const leftOut = scoped.outOfScope.resources;
    const isOut = (resource: string) =>
      resource.includes(':eu-west-1:') ||
      resource.endsWith('/eu-west-1') ||
      /^lumen-ledger\/(ml-risk-models|internal-tools)\b/.test(resource);
    expect(inScope.filter(({ f }) => isOut(f.resource))).toEqual([]);
    const staging = stagingTagged();
    expect(staging.length).toBeGreaterThan(3);
    expect(inScope.filter(({ f }) => staging.includes(f.resource))).toEqual([]);
    expect(allFindings(full).filter(({ f }) => staging.includes(f.resource)).length).toBeGreaterThan(3);

    const rules = new Set(leftOut.map((e) => e.rule.split(':')[0]));
    expect([...rules].sort()).toEqual([
      'scope.aws.regions.exclude',
      'scope.github.repositories.exclude',
      'scope.google.orgUnits.exclude',
      'scope.tags.exclude',
    ]);
    expect(leftOut).toContainEqual({
      check: 'aws.s3-versioning',
      resource: 'arn:aws:s3:::lumenledger-staging-uploads',
      rule: 'scope.tags.exclude: env=staging',
    });
    expect(leftOut).toContainEqual({
      check: 'aws.s3-versioning',
      resource: 'arn:aws:s3:::lumenledger-eu-backups',
      rule: 'scope.aws.regions.exclude: eu-west-1',
    });
    // Every finding of the unscoped scan is either still judged or listed as out of scope, never both.
    const key = (check: string, resource: string) => `${check} ${resource}`;
    const judged = new Set(inScope.map(({ check, f }) => key(check.id, f.resource)));
    const listed = new Set(leftOut.map((e) => key(e.check!, e.resource)));
    for (const { check, f } of allFindings(full).filter(({ check }) =>
      scoped.checks.some((c) => c.id === check.id),
    ))
      expect(judged.has(key(check.id, f.resource)) !== listed.has(key(check.id, f.resource))).toBe(true);
  });

  it('counts nothing out of scope in the verdicts', () => {
    const sales = scoped.outOfScope.resources.filter(
      (e) => e.rule === 'scope.google.orgUnits.exclude: /Sales',
    );
    expect(sales.length).toBeGreaterThan(0);
    const failing = scoped.checks.reduce((n, c) => n + c.counts.fail, 0);
    expect(scoped.summary.findings.fail).toBe(failing);
    expect(failing).toBeLessThan(full.summary.findings.fail);
    const versioning = scoped.checks.find((c) => c.id === 'aws.s3-versioning')!;
    expect(versioning.findings.map((f) => f.resource)).not.toContain(
      'arn:aws:s3:::lumenledger-staging-uploads',
    );
    expect(versioning.counts.fail + versioning.counts.pass).toBe(versioning.findings.length);
  });

  it('shows an excepted finding as pass with exceptions in every format, never plain pass', () => {
    const mfa = scoped.checks.find((c) => c.id === 'aws.iam-console-mfa')!;
    const excepted = mfa.findings.find((f) => f.exception);
    expect(excepted?.exception).toEqual({
      reason: 'hardware key on order; console access limited to read-only until it arrives',
      approved_by: 'ciso@lumenledger.example',
      approved_at: '2026-10-15',
      expires: '2027-01-10',
    });
    expect(mfa.counts.excepted).toBe(1);
    const rootKeys = scoped.checks.find((c) => c.status === 'pass_with_exceptions');
    expect(mfa.status).toBe('fail'); // dmitri.volkov still fails; the exception covers ben.okafor only
    expect(rootKeys).toBeUndefined();
    expect(md).toContain('| aws.iam-console-mfa | Failed | arn:aws:iam::111111111111:user/ben.okafor |');
  });

  it('lists allow-list options as exceptions without an approval record', () => {
    expect(scoped.exceptions.allowLists).toContainEqual({
      check: 'aws.iam-admin-access',
      option: 'allowed',
      entries: ['OrganizationAccountAccessRole', 'terraform-deploy'],
    });
    expect(scoped.exceptions.allowLists).toContainEqual({
      check: 'hr.orphan-aws',
      option: 'allow',
      entries: ['deploy-bot', 'ci-deployer', 'grafana-reader'],
    });
    expect(md).toContain('Allow-listed in check options, with no approval record');
    expect(md).toContain('- `github.public-repos` allowedPublic: docs');
  });

  it('marks a check whose every failure is excepted pass_with_exceptions in every format', () => {
    const run = scan(`${SCOPE}
exceptions:
  - check: aws.iam-console-mfa
    resource: arn:aws:iam::*:user/*
    reason: hardware keys on order
    approved_by: ciso@lumenledger.example
    approved_at: '2026-10-15'
    expires: '2026-12-15'
`);
    const mfa = run.report!.checks.find((c) => c.id === 'aws.iam-console-mfa')!;
    expect(mfa.status).toBe('pass_with_exceptions');
    expect(mfa.counts.fail).toBe(0);
    expect(mfa.counts.excepted).toBeGreaterThan(1);
    expect(run.report!.summary.checks.pass_with_exceptions).toBe(1);
    expect(run.read('report.md')).toContain('| aws.iam-console-mfa | Passed with exceptions |');
    expect(run.read('report.html')).toContain('Passed with exceptions');
    expect(run.read('findings.csv')).toMatch(
      /^aws\.iam-console-mfa,.*,true,hardware keys on order,ciso@lumenledger\.example,2026-12-15,,,2026-10-15,pass_with_exceptions\r$/m,
    );
    expect(run.read('junit.xml')).toContain('STATUS pass_with_exceptions');
    expect(run.read('oscal-assessment-results.json')).toContain('passed-with-exceptions');
    const ocsf = run
      .read('findings.ocsf.jsonl')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(JSON.stringify(ocsf)).toContain('"check_status":"pass_with_exceptions"');
    const sarif = JSON.parse(run.read('report.sarif')) as {
      runs: { results: { ruleId: string; suppressions?: { justification: string }[] }[] }[];
    };
    const suppressed = sarif.runs[0]!.results.filter(
      (r) => r.ruleId === 'aws.iam-console-mfa' && r.suppressions,
    );
    expect(suppressed).toHaveLength(mfa.counts.excepted);
    expect(suppressed[0]!.suppressions![0]!.justification).toContain(
      'approved by ciso@lumenledger.example on 2026-10-15',
    );
  });
});

describe('exceptions an auditor would reject are bad input', () => {
  const cases: [string, string, RegExp][] = [
    [
      'past the maximum term for a critical check',
      `exceptions:
  - check: aws.iam-root-mfa
    resource: arn:aws:iam::222222222222:root
    reason: break-glass
    approved_by: alice.nguyen
    approved_at: '2026-09-01'
    expires: '2027-11-01'
`,
      /soc2\.config\.yaml:\d+:\d+: exceptions\[0\] \(aws\.iam-root-mfa .*\): runs 426 days .* critical check's exception may run at most 90 days/,
    ],
    [
      'approved in the future',
      `exceptions:
  - check: aws.iam-root-mfa
    resource: arn:aws:iam::222222222222:root
    reason: break-glass
    approved_by: ciso
    approved_at: '2999-01-01'
    expires: '2999-02-01'
`,
      /approved_at 2999-01-01 is in the future/,
    ],
    [
      'missing its approval date',
      `exceptions:
  - check: aws.iam-root-mfa
    resource: arn:aws:iam::222222222222:root
    reason: break-glass
    approved_by: ciso
    expires: '2026-12-01'
`,
      /soc2\.config\.yaml:\d+:\d+: .*approved_at/,
    ],
  ];
  it.each(cases)('%s: exit 2, file and line named, no stack trace', (_name, extra, message) => {
    const { run, dir } = scan(extra);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain(join(dir, 'soc2.config.yaml'));
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('honours exceptionMaxDays from the config', () => {
    const { run } = scan(`exceptionMaxDays: { critical: 30 }
${cases[0]![1].replace("expires: '2027-11-01'", "expires: '2026-10-15'")}`);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/runs 44 days .* at most 30 days \(exceptionMaxDays\)/);
  });
});
