import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/engine/result.js';
import { soc2Async } from '../harness/cli.js';
import { startFakeGithub, type FakeGithub } from '../fakes/github/server.js';
import { org, ROSTER } from '../fakes/github/type2-fixture.js';

const TOKEN = 'ghp_type2CliFakeToken0123456789abcdefABCDEF';

let fake: FakeGithub;
let dir: string;
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => soc2Async(args, { cwd: dir, env }).done;

beforeAll(async () => {
  fake = await startFakeGithub(org, { token: TOKEN });
  dir = mkdtempSync(join(tmpdir(), 'soc2-type2-cli-'));
  writeFileSync(join(dir, 'roster.csv'), ROSTER);
  writeFileSync(
    join(dir, 'soc2.config.yaml'),
    [
      'organization: Acme',
      'period: 2026-07-01..2026-09-30',
      'providers:',
      '  github:',
      '    org: acme',
      `    baseUrl: ${fake.apiUrl}`,
      '  hr:',
      '    roster: roster.csv',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Type II from the command line (built CLI against a local GitHub REST API)', () => {
  it('scans a period, samples a population reproducibly, and starts and checks an access review', async () => {
    const scan = await run(
      ['scan', '--provider', 'github,hr', '--out', 'out', '--save-snapshot', 'snap.json', '-q'],
      {
        GITHUB_TOKEN: TOKEN,
      },
    );
    expect(scan.stderr).not.toMatch(/\n\s+at /);
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')) as ScanResult;
    expect(report.populations!.map((p) => p.id).sort()).toEqual([
      'github.alerts',
      'github.changes',
      'hr.leavers-joiners',
      'hr.training',
    ]);
    expect(existsSync(join(dir, 'out/evidence/populations/github.changes.jsonl'))).toBe(true);
    const manifest = readFileSync(join(dir, 'out/evidence/manifest.json'), 'utf8');
    expect(manifest).toContain('evidence/populations/github.changes.jsonl');
    expect(readFileSync(join(dir, 'out/report.md'), 'utf8')).toContain('acme/api#12 | self-approved');

    const sample = (out: string) =>
      run([
        'sample',
        '--report',
        'out',
        '--population',
        'github.changes',
        '--size',
        '2',
        '--seed',
        'q3',
        '-o',
        out,
      ]);
    expect((await sample('a.json')).code).toBe(0);
    expect((await sample('b.json')).code).toBe(0);
    const a = readFileSync(join(dir, 'a.json'), 'utf8');
    expect(a).toBe(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(JSON.parse(a)).toMatchObject({
      seed: 'q3',
      size: 2,
      population: { sha256: report.populations!.find((p) => p.id === 'github.changes')!.sha256 },
    });
    const unknown = await run([
      'sample',
      '--report',
      'out',
      '--population',
      'github.nothing',
      '--size',
      '1',
      '--seed',
      's',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no population 'github.nothing'");

    // AWS and Google are not in the snapshot: started, but incomplete (exit 3), and says so.
    const start = await run([
      'review',
      'start',
      'access',
      '--snapshot',
      'snap.json',
      '--out',
      'q3.review.yaml',
    ]);
    expect(start.code).toBe(3);
    expect(start.stderr).toContain('not covered: aws');
    expect(existsSync(join(dir, 'q3.population.jsonl'))).toBe(true);
    const unfilled = await run(['review', 'check', 'q3.review.yaml']);
    expect(unfilled.code).toBe(1);
    expect(unfilled.stderr).toContain('no decision or reviewer: github:ana');

    const text = readFileSync(join(dir, 'q3.review.yaml'), 'utf8');
    writeFileSync(join(dir, 'q3.review.yaml'), text.replace('decision: ""', 'decision: perhaps'));
    const bad = await run(['review', 'check', 'q3.review.yaml']);
    expect(bad.code).toBe(2);
    const line = text.split('\n').findIndex((l) => l.includes('decision: ""')) + 1;
    expect(bad.stderr).toContain(`q3.review.yaml:${line}`);
    expect(bad.stderr).toContain("decision must be keep or revoke, not 'perhaps'");
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
