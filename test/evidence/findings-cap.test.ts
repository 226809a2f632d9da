// A check with more findings than a result keeps (FINDINGS_KEPT): report.json lists the failing ones
// first and counts all of them; findings.csv, the full listing, has every one, read back from the scan's
// scratch files, which are gone once the output is in place.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { allChecks } from '../../checks/index.js';
import { providers } from '../../src/collectors/index.js';
import { loadCatalog } from '../../src/core/catalog.js';
import { defaultConfig } from '../../src/core/config.js';
import { snapshotOf } from '../fixtures/engine.js';
import { compile } from '../fixtures/schemas.js';
import { packageRoot } from '../../src/core/paths.js';
import { FINDINGS_KEPT } from '../../src/engine/check-tally.js';
import type { ScanResult } from '../../src/engine/result.js';
import { scanIntoOutput } from '../../src/evidence/scan-into-output.js';
import { reporters } from '../../src/report/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const REPOS = 3 * FINDINGS_KEPT;
const repos = Array.from({ length: REPOS }, (_, i) => ({
  full_name: `org/repo-${String(i).padStart(5, '0')}`,
  visibility: 'public',
  archived: false,
}));

it('keeps failing findings first in report.json and lists every finding in findings.csv', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-cap-'));
  dirs.push(dir);
  const snapshot = snapshotOf({ 'github.repos': { status: 'ok', value: repos } });
  // Every fifth repository is approved: a fifth pass, the rest fail, more than the result keeps.
  const allowed = repos.filter((_, i) => i % 5 === 0).map((r) => r.full_name);
  const config = {
    ...defaultConfig(),
    organization: 'Test Co',
    checks: { 'github.public-repos': { allowedPublic: allowed } },
  };
  const out = join(dir, 'out');
  await scanIntoOutput({
    config,
    catalog: loadCatalog({ checks: allChecks }),
    checks: allChecks,
    providers,
    snapshot,
    selection: { checks: ['github.public-repos'] },
    env: {},
    outDir: out,
    reporters: reporters.filter((r) => r.format === 'json' || r.format === 'csv'),
  });
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ScanResult;
  const validate = compile(
    JSON.parse(readFileSync(join(packageRoot, 'schemas', 'report.schema.json'), 'utf8')) as object,
  );
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  const check = report.checks.find((c) => c.id === 'github.public-repos')!;
  expect(check.counts).toMatchObject({ pass: REPOS / 5, fail: (REPOS * 4) / 5 });
  expect(check.findings).toHaveLength(FINDINGS_KEPT);
  expect(check.findings.every((f) => f.status === 'fail')).toBe(true);
  expect(check.omittedFindings).toBe(REPOS - FINDINGS_KEPT);
  const rows = readFileSync(join(out, 'findings.csv'), 'utf8').trim().split('\n').slice(1);
  const ofCheck = rows.filter((r) => r.startsWith('github.public-repos,'));
  expect(ofCheck).toHaveLength(REPOS);
  expect(new Set(ofCheck.map((r) => /org\/repo-\d+/.exec(r)![0])).size).toBe(REPOS);
  expect(ofCheck.filter((r) => r.includes(',pass,'))).toHaveLength(REPOS / 5);
  expect(readdirSync(out).filter((name) => name.startsWith('.spool'))).toEqual([]);
});
