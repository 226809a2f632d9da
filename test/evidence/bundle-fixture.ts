import { evidenceFile } from '../../src/evidence/scan-output.js';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanResult } from '../../src/engine/result.js';
import { manifestEntry, sha256, type Provenance } from '../../src/evidence/manifest.js';
import { SECRETS, secretText, serviceAccountKey } from './secrets.js';

export interface FixtureOptions {
  controls?: number;
  keysPerControl?: number;
  /** Seed secrets of every kind into evidence, reports and manual evidence. */
  secrets?: boolean;
  /** A control title that a spreadsheet would run as a formula. */
  formulaTitle?: boolean;
}

/**
 * Writes a scan output folder as `soc2 scan` does (report.json, report.md, evidence/data/<key>.jsonl,
 * evidence/manifest.json) plus a company evidence folder with manual evidence files, for bundle tests.
 */
export function writeScanOutput(
  root: string,
  options: FixtureOptions = {},
): { scanDir: string; evidenceDir: string } {
  const controlCount = options.controls ?? 3;
  const keysPer = options.keysPerControl ?? 2;
  const scanDir = join(root, 'soc2-report');
  const evidenceDir = join(root, 'company-evidence');
  mkdirSync(join(scanDir, 'evidence', 'data'), { recursive: true });
  mkdirSync(join(evidenceDir, 'access-reviews'), { recursive: true });
  const evaluatedAt = '2026-11-02T09:00:00.000Z';

  const controls: ScanResult['controls'] = [];
  const checks: ScanResult['checks'] = [];
  for (let c = 1; c <= controlCount; c++) {
    const id = `AC-${c}`;
    const checkId = `aws.check-${c}`;
    const keys = Array.from({ length: keysPer }, (_, k) => `aws.data${c}.key${k}`);
    for (const key of keys) {
      const value: Record<string, unknown> = {
        items: [{ name: `user-${c}`, arn: `arn:aws:iam::123456789012:user/user-${c}` }],
      };
      if (options.secrets)
        Object.assign(value, {
          log: secretText(),
          serviceAccount: serviceAccountKey(),
          password: SECRETS.password,
        });
      const file = evidenceFile({
        key,
        entry: { status: 'ok', value, collectedAt: evaluatedAt },
        usedBy: [checkId],
        fallbackCollectedAt: evaluatedAt,
      });
      writeFileSync(join(scanDir, ...file.path.split('/')), [...(file.content as Iterable<string>)].join(''));
    }
    checks.push({
      id: checkId,
      title: `Check ${c}`,
      provider: 'aws',
      severity: 'high',
      description: 'Checks something.',
      risk: 'Risky.',
      remediation: 'Fix it.',
      status: c === 1 ? 'fail' : 'pass',
      findings: [
        {
          resource: `user-${c}`,
          status: c === 1 ? 'fail' : 'pass',
          message: options.secrets ? `token ${SECRETS.githubClassic} seen` : 'ok',
        },
        ...(c === 1
          ? [
              {
                resource: 'svc-legacy',
                status: 'fail' as const,
                message: 'old key',
                exception: {
                  reason: 'migration, ends Q1',
                  approved_by: 'cto@lumenledger.example',
                  approved_at: '2026-10-01',
                  expires: '2027-03-31',
                },
              },
            ]
          : []),
      ],
      counts: { pass: c === 1 ? 0 : 1, fail: c === 1 ? 1 : 0, excepted: c === 1 ? 1 : 0, error: 0 },
      controls: [id],
      criteria: ['CC6.1'],
      data: keys,
      options: {},
    });
    const manualFile = `access-reviews/q${c}.md`;
    writeFileSync(
      join(evidenceDir, ...manualFile.split('/')),
      `# Access review Q${c}\nReviewed by the CTO.\n${options.secrets ? `${secretText()}\n` : ''}`,
    );
    controls.push({
      id,
      title:
        options.formulaTitle && c === 1
          ? '=HYPERLINK("http://evil.example","click")'
          : `Access control ${c}, reviewed`,
      description: 'Access is granted on need.',
      type: { purpose: 'detective', operation: 'manual' },
      owner: 'CTO',
      frequency: 'quarterly',
      population: 'Every account in the identity provider at the review date.',
      testProcedure: 'Inspect the signed review and re-perform the removal of flagged accounts.',
      criteria: ['CC6.1', 'CC6.2'],
      rationale: { 'CC6.1': 'restricts access' },
      roles: { 'CC6.1': 'tests', 'CC6.2': 'tests' },
      status: c === 1 ? 'fail' : 'pass',
      operatingStatus: 'pass',
      checks: [checkId],
      evidence: [
        {
          id: `access-review-${c}`,
          title: 'Quarterly access review',
          owner: 'CTO',
          frequency: 'quarterly',
          freshDays: 100,
          status: 'satisfied',
          collectedAt: '2026-10-01T00:00:00.000Z',
          folder: 'evidence',
          files: [manualFile],
        },
        {
          id: `old-review-${c}`,
          title: 'Earlier access review',
          owner: 'CTO',
          frequency: 'quarterly',
          freshDays: 100,
          status: 'outstanding',
          folder: 'evidence',
          files: ['../outside.txt'],
        },
      ],
      source: { file: 'controls/access.yaml', line: c },
    });
  }
  const report = {
    schemaVersion: 1,
    tool: { name: 'soc2', version: '0.1.0' },
    organization: 'Lumen Ledger, Inc.',
    scan: {
      startedAt: '2026-11-27T04:00:00.000Z',
      finishedAt: '2026-11-27T04:00:05.000Z',
      evaluatedAt,
      mode: 'snapshot',
      complete: true,
      failOn: 'low',
      selection: { providers: [], controls: [], criteria: [], checks: [] },
    },
    summary: { readiness: 50, controls: { total: controlCount } },
    providers: [],
    criteria: [
      {
        id: 'CC6.1',
        category: 'security',
        group: 'CC6',
        title: 'Logical access security',
        status: 'fail',
        controls: controls.map((c) => c.id),
      },
      {
        id: 'CC6.2',
        category: 'security',
        group: 'CC6',
        title: 'User registration',
        status: 'pass',
        controls: controls.map((c) => c.id),
      },
    ],
    controls,
    checks,
    exceptions: { applied: 1, expired: [] },
  };
  writeFileSync(join(scanDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(
    join(scanDir, 'report.md'),
    `# Report\n${options.secrets ? `Authorization: ${SECRETS.bearer}\n` : ''}`,
  );
  recordManifest(scanDir, evidenceDir);
  return { scanDir, evidenceDir };
}

/** Files of a folder, relative, with forward slashes, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

/**
 * Writes evidence/manifest.json as `soc2 scan` does: the SHA-256 of every output file and of every
 * company evidence file (the custody record `soc2 export` checks). Call again after changing a file
 * on purpose.
 */
export function recordManifest(scanDir: string, evidenceDir: string): void {
  const manifestPath = 'evidence/manifest.json';
  const files = filesUnder(scanDir)
    .filter((p) => p !== manifestPath)
    .map((p) => manifestEntry(p, readFileSync(join(scanDir, p))));
  const inputs = filesUnder(evidenceDir).map((p) => ({
    folder: 'evidence' as const,
    path: p,
    sha256: sha256(readFileSync(join(evidenceDir, p))),
  }));
  const manifest = {
    format: 'soc2-evidence-manifest',
    version: 1,
    config: { sha256: 'ab'.repeat(32) },
    sources: { evidence: evidenceDir },
    inputs,
    provenance: PROVENANCE,
    files,
  };
  writeFileSync(join(scanDir, manifestPath), `${JSON.stringify(manifest, null, 2)}\n`);
}

export const PROVENANCE: Provenance = {
  tool: { name: 'soc2', version: '0.1.0' },
  mode: 'snapshot',
  startedAt: '2026-11-27T04:00:00.000Z',
  finishedAt: '2026-11-27T04:00:05.000Z',
  evaluatedAt: '2026-11-02T09:00:00.000Z',
  host: 'ci-runner-7',
  config: { sha256: 'c0'.repeat(32) },
  catalog: { sha256: 'ca'.repeat(32), controls: 3 },
  checkOptions: { sha256: '0b'.repeat(32) },
  sources: [{ provider: 'aws', status: 'ok', ids: { accounts: ['123456789012'] } }],
};
