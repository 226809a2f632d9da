import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/engine/result.js';
import type { FakeWorld } from '../fakes/aws/server.js';
import { registered, scanThroughFaults } from './harness.js';
import { awsTargetWith, world } from './targets/aws.js';

/**
 * One scope that cannot be read, through the real AWS SDK clients against the wire-protocol fake: its
 * findings are `error` with the structured cause, every other scope's findings equal a clean run's,
 * and the scan is incomplete (exit 3), never a pass or a fail on what was not read.
 */

type Verdict = { check: string; resource: string; status: string; message: string };

function findingsOf(result: ScanResult): Verdict[] {
  return result.checks
    .filter((c) => c.provider === 'aws')
    .flatMap((c) =>
      c.findings.map((f) => ({ check: c.id, resource: f.resource, status: f.status, message: f.message })),
    );
}

const inScope = (resource: string, account: string, region?: string) =>
  region
    ? resource === `aws-account/${account}/${region}` ||
      resource.includes(`:${region}:${account}:`) ||
      resource.includes(`/${account}/${region}/`)
    : resource === `aws-account/${account}` ||
      resource.startsWith(`aws-account/${account}/`) ||
      resource.includes(`:${account}:`);

async function scanOf(edit: (w: FakeWorld) => void): Promise<ScanResult> {
  const { result } = await scanThroughFaults(
    awsTargetWith(() => {
      const w = world();
      edit(w);
      return w;
    }),
  );
  return result;
}

describe.runIf(registered('aws'))('aws: one scope that cannot be read', () => {
  let clean: ScanResult;
  beforeAll(async () => {
    clean = await scanOf(() => undefined);
  });

  it('the clean world reads every scope', () => {
    expect(clean.checks.filter((c) => c.provider === 'aws' && c.status === 'error')).toEqual([]);
    expect(clean.summary.findings.error).toBe(0);
    expect(findingsOf(clean).some((f) => inScope(f.resource, '333333333333'))).toBe(true);
  });

  it('an account whose role cannot be assumed: its findings are errors with the cause, the rest as clean, exit 3', async () => {
    const result = await scanOf((w) => {
      w.accounts.find((a) => a.id === '333333333333')!.assumable = false;
    });
    const errors = result.checks.flatMap((c) => c.findings.filter((f) => f.status === 'error'));
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) {
      expect(inScope(f.resource, '333333333333'), f.resource).toBe(true);
      expect(f.cause).toMatchObject({ kind: 'permission', status: 403, code: 'AccessDenied' });
      expect(f.message).toContain('not checked');
    }
    // Every check that reads accounts says so: IAM per account, Config per account-region.
    expect(new Set(errors.map((f) => f.resource))).toEqual(
      new Set([
        'aws-account/333333333333',
        'aws-account/333333333333/us-east-1',
        'aws-account/333333333333/eu-west-1',
      ]),
    );
    const others = (r: ScanResult) => findingsOf(r).filter((f) => !inScope(f.resource, '333333333333'));
    expect(others(result)).toEqual(others(clean));
    expect(result.summary.exitCode).toBe(3);
    expect(result.scan.complete).toBe(false);
    expect(result.checks.filter((c) => c.status === 'fail' && c.counts.error > 0)).toEqual([]);
  });

  it('a region whose AWS Config answers 503: its findings are errors with the cause, the rest as clean, exit 3', async () => {
    const result = await scanOf((w) => {
      w.accounts.find((a) => a.id === '111111111111')!.regions!['eu-west-1']!.unavailable = true;
    });
    const errors = result.checks.flatMap((c) =>
      c.findings.filter((f) => f.status === 'error').map((f) => ({ check: c.id, ...f })),
    );
    expect(errors.length).toBeGreaterThanOrEqual(13);
    for (const f of errors) {
      expect(
        f.resource === 'aws-account/111111111111/eu-west-1' || f.resource === 'aws-account/111111111111',
        f.resource,
      ).toBe(true);
      expect(f.cause).toMatchObject({ kind: 'unavailable', status: 503, code: 'ServiceUnavailable' });
    }
    const isEuA = (resource: string) =>
      resource === 'aws-account/111111111111' || inScope(resource, '111111111111', 'eu-west-1');
    const others = (r: ScanResult) => findingsOf(r).filter((f) => !isEuA(f.resource));
    expect(others(result)).toEqual(others(clean));
    // IAM is global: untouched.
    for (const id of ['aws.iam-root-mfa', 'aws.iam-console-mfa', 'aws.iam-password-policy'])
      expect(result.checks.find((c) => c.id === id)!.counts.error, id).toBe(0);
    expect(result.summary.exitCode).toBe(3);
    expect(result.summary.findings.error).toBe(errors.length);
  });

  it('every account denied: the checks are skipped naming the denial, not passed or failed', async () => {
    const result = await scanOf((w) => {
      for (const a of w.accounts) a.denied = ['iam:GetAccountPasswordPolicy'];
    });
    const check = result.checks.find((c) => c.id === 'aws.iam-password-policy')!;
    expect(check.status).toBe('skipped');
    expect(check.reason).toContain('iam:GetAccountPasswordPolicy denied');
    expect(check.findings).toEqual([]);
  });
});
