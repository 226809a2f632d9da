import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { demoDir } from '../../src/core/paths.js';
import { mergeSnapshots, readSnapshot } from '../../src/core/snapshot.js';
import type { ScanResult } from '../../src/engine/result.js';
import { readZip } from './zip-tools.js';

/**
 * The demo company scanned from a copy of demo/ (its snapshot replayed, its policies, evidence and
 * registers read from the copy), then exported: what an auditor receives, and what happens when
 * someone edits evidence between the scan and the export.
 */
let tmp: string;
let stderr: string;
const run = async (...args: string[]): Promise<number> => {
  stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return await main(['node', 'soc2', ...args]);
  } finally {
    spy.mockRestore();
  }
};

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'soc2-custody-'));
  cpSync(demoDir, join(tmp, 'demo'), { recursive: true });
  const snapshotDir = join(tmp, 'demo', 'snapshot');
  const merged = mergeSnapshots(
    readdirSync(snapshotDir)
      .sort()
      .map((f) => readSnapshot(join(snapshotDir, f))),
  );
  writeFileSync(join(tmp, 'snap.json'), JSON.stringify(merged));
  const code = await run(
    'scan',
    '--config',
    join(tmp, 'demo', 'soc2.config.yaml'),
    '--from-snapshot',
    join(tmp, 'snap.json'),
    '--out',
    join(tmp, 'out'),
    '-q',
  );
  expect([0, 1, 3], stderr).toContain(code);
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('demo bundle custody', () => {
  it('holds every policy, manual evidence file and register that satisfies a control, and says it is a replay', async () => {
    expect(await run('export', join(tmp, 'out'), '--zip', join(tmp, 'b.zip'), '-q'), stderr).toBe(0);
    const entries = await readZip(join(tmp, 'b.zip'));
    const names = new Set(entries.map((e) => e.name));
    const report = JSON.parse(readFileSync(join(tmp, 'out', 'report.json'), 'utf8')) as ScanResult;
    const satisfied = report.controls.flatMap((c) =>
      c.evidence.filter((e) => e.status === 'satisfied').map((e) => ({ control: c.id, evidence: e })),
    );
    expect(satisfied.filter((s) => s.evidence.folder === 'policies').length).toBeGreaterThan(10);
    for (const { control, evidence } of satisfied) {
      for (const file of evidence.files ?? []) {
        const path = `controls/${control}/manual/${evidence.id}/${file}`;
        expect(names.has(path), path).toBe(true);
        const folder = evidence.folder === 'policies' ? 'policies' : 'evidence';
        const bundled = entries.find((e) => e.name === path)!.data;
        expect(bundled.equals(readFileSync(join(tmp, 'demo', folder, file))), path).toBe(true);
      }
    }
    for (const entry of entries.filter((e) => e.name.endsWith('/README.md'))) {
      const control = report.controls.find((c) => `controls/${c.id}/README.md` === entry.name);
      if (control?.status === 'pass')
        expect(entry.data.toString(), entry.name).not.toMatch(/not found|not included/);
    }
    expect(names.has('controls/RSK-02/registers/risks.yaml')).toBe(true);
    expect(names.has('controls/VND-01/registers/vendors.yaml')).toBe(true);
    const index = entries.find((e) => e.name === 'index.html')!.data.toString();
    expect(index).toContain('REPLAYED DATA');
    const reportMd = entries.find((e) => e.name === 'report/report.md')!.data.toString();
    expect(reportMd.split('\n').slice(0, 6).join('\n')).toContain('REPLAYED DATA');
    expect(
      JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString()).provenance,
    ).toMatchObject({
      mode: 'snapshot',
      sources: expect.arrayContaining([
        {
          provider: 'aws',
          status: expect.any(String),
          ids: expect.objectContaining({ accounts: ['111111111111', '222222222222'] }),
        },
        { provider: 'github', status: 'ok', ids: { org: 'lumen-ledger' } },
      ]),
    });
  });

  it.each([
    [
      'an evidence data file',
      'out/evidence/data/aws.iam.credentialReport.jsonl',
      'evidence/data/aws.iam.credentialReport.jsonl',
    ],
    [
      'a manual evidence file',
      'demo/evidence/access-reviews/2026-q3-access-review.csv',
      'evidence/access-reviews/2026-q3-access-review.csv',
    ],
    ['a policy', 'demo/policies/backup.md', 'policies/backup.md'],
    ['the risk register', 'demo/registers/risks.yaml', 'risks/risks.yaml'],
  ])('refuses to export when %s changed after the scan, naming it', async (_what, file, name) => {
    const full = join(tmp, file);
    const original = readFileSync(full);
    writeFileSync(full, Buffer.concat([original, Buffer.from('\n# edited after the scan\n')]));
    try {
      const code = await run('export', join(tmp, 'out'), '--zip', join(tmp, 'tampered.zip'), '-q');
      expect(code).toBe(2);
      expect(stderr).toContain(`${name} changed since the scan`);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      writeFileSync(full, original);
    }
  });
});
