import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quotaFloorMs } from '../../scripts/bench/plan.js';
import {
  checksInErrorOfFile,
  compareVerdicts,
  verdictLine,
  verdictsFor,
} from '../../scripts/bench/findings-csv.js';

const HEADER = 'check_id,check_title,provider,severity,controls,criteria,resource,status,message\r\n';
const csv = (rows: string[]) => HEADER + rows.map((r) => `${r}\r\n`).join('');

describe('verdictsFor', () => {
  it('keeps check, resource and status of the rows naming one of the accounts', () => {
    const text = csv([
      'aws.s3-encryption,S3,aws,high,CC6.1,CC6.1,arn:aws:s3:us-east-1:111111111111:b1,fail,"not encrypted, at all"',
      'aws.s3-encryption,S3,aws,high,CC6.1,CC6.1,arn:aws:s3:us-east-1:222222222222:b2,pass,ok',
      'aws.root-mfa,Root,aws,critical,CC6.1,CC6.1,aws-account/111111111111,pass,"multi\nline"',
      'github.2fa,2FA,github,high,CC6.1,CC6.1,,error,could not read',
    ]);
    expect([...verdictsFor(text, ['111111111111'])].sort()).toEqual([
      'aws.root-mfa | aws-account/111111111111 | pass',
      'aws.s3-encryption | arn:aws:s3:us-east-1:111111111111:b1 | fail',
    ]);
  });

  it('names a findings.csv without the columns it compares', () => {
    expect(() => verdictsFor('check,resource\r\na,b\r\n', ['1'])).toThrow(/no 'check_id' column/);
  });
});

describe('compareVerdicts', () => {
  it('says "same" when both scans agree', () => {
    const a = new Set(['c | r | pass']);
    expect(verdictLine(compareVerdicts(a, new Set(a)))).toBe('verdicts: same (1 findings)');
  });

  it('lists the verdicts of each side the other lacks', () => {
    const diff = compareVerdicts(
      new Set(['c | r1 | pass', 'c | r2 | fail']),
      new Set(['c | r1 | fail', 'c | r2 | fail']),
    );
    expect(diff).toEqual({ onlyFull: ['c | r1 | pass'], onlySmall: ['c | r1 | fail'], compared: 3 });
    expect(verdictLine(diff)).toContain('verdicts: DIFFERENT (2 of 3 findings)');
    expect(verdictLine(diff)).toContain('only in the small scan (1):\n    c | r1 | fail');
  });
});

describe('quotaFloorMs', () => {
  it('is free within one window and a window per further window of requests', () => {
    expect(quotaFloorMs(2400, 2400, 60_000)).toBe(0);
    expect(quotaFloorMs(2401, 2400, 60_000)).toBe(60_000);
    expect(quotaFloorMs(39_200, 2400, 6000)).toBe(16 * 6000);
  });
});

describe('checksInErrorOfFile', () => {
  it('names the checks in error with their reason or the scopes not read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-findings-csv-'));
    const file = join(dir, 'findings.csv');
    writeFileSync(
      file,
      'check_id,resource,status,message,check_status\r\n' +
        'aws.a,arn:1,pass,ok,error\r\n' +
        'aws.a,aws-account/1/us-east-1,error,AccessDenied,error\r\n' +
        'aws.a,aws-account/2/us-east-1,error,AccessDenied,error\r\n' +
        'github.b,,error,"collector failed: 500, twice",error\r\n' +
        'google.c,user@x,fail,error in name only,fail\r\n',
    );
    try {
      expect(await checksInErrorOfFile(file)).toEqual([
        'aws.a: 2 scopes not read',
        'github.b: collector failed: 500, twice',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
