import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/engine/result.js';
import { soc2 } from '../harness/cli.js';

const HEADER =
  'email,name,status,start_date,end_date,github,aws_user,employment_type,background_check_date,security_training_date,policy_ack_date\n';
const PEOPLE_CHECKS = [
  'hr.background-check',
  'hr.new-hire-training',
  'hr.security-training',
  'hr.policy-acknowledgement',
];

describe('empty inputs are findings, not passes', () => {
  it('a roster with only its header row fails the people checks, and an empty evidence index fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-empty-'));
    writeFileSync(join(dir, 'roster.csv'), HEADER);
    mkdirSync(join(dir, 'evidence'));
    writeFileSync(join(dir, 'evidence', 'index.yaml'), 'items: []\n');
    writeFileSync(
      join(dir, 'soc2.config.yaml'),
      'organization: Empty Co\nproviders:\n  hr: { roster: ./roster.csv }\nevidence: ./evidence\n',
    );
    const run = soc2(
      ['scan', '--quiet', '--check', [...PEOPLE_CHECKS, 'docs.evidence-fresh'].join(','), '--out', 'out'],
      { cwd: dir },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as ScanResult;
    for (const id of PEOPLE_CHECKS) {
      const check = report.checks.find((c) => c.id === id)!;
      expect(check.status, id).toBe('fail');
      expect(check.findings[0]!.message, id).toContain('the HR roster lists nobody');
    }
    const evidence = report.checks.find((c) => c.id === 'docs.evidence-fresh')!;
    expect(evidence.status).toBe('fail');
    expect(evidence.findings[0]!.message).toContain('lists no items');
  });
});

describe('a roster that is not UTF-8', () => {
  it('is bad input naming the file and the first line that is not UTF-8, not silent mojibake', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-latin1-'));
    writeFileSync(
      join(dir, 'roster.csv'),
      Buffer.concat([
        Buffer.from(
          `${HEADER}a@co.example,Ann Lee,active,2024-01-01,,,,employee,2024-01-01,2026-01-01,2026-01-01\n`,
        ),
        Buffer.from(
          'jose@co.example,Jos\xe9 Pe\xf1a,active,2024-01-01,,,,employee,2024-01-01,2026-01-01,2026-01-01\n',
          'latin1',
        ),
      ]),
    );
    writeFileSync(
      join(dir, 'soc2.config.yaml'),
      'organization: Latin Co\nproviders:\n  hr: { roster: ./roster.csv }\n',
    );
    const run = soc2(['scan', '--quiet', '--check', 'hr.background-check', '--out', 'out'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `soc2: ${join(dir, 'roster.csv')}:3: not UTF-8 text (Latin-1 or Windows-1252?): export the roster as UTF-8 (Excel: Save As, "CSV UTF-8")\n`,
    );
  });
});
