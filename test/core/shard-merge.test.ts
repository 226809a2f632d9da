import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/engine/errors.js';
import { mergeResults } from '../../src/core/merge.js';
import type { ScanResult } from '../../src/engine/result.js';
import { inShard, ownsGlobalData, parseShard, shardOf, type Shard } from '../../src/core/shard.js';
import type { Finding } from '../../src/engine/types.js';
import { buildScanResult, fixtureCheck, fixtureControl, type FixtureSpec } from '../fixtures/scan-result.js';

const accounts = Array.from({ length: 17 }, (_, i) => String(100000000000 + i * 7919));
const repos = Array.from({ length: 23 }, (_, i) => `lumen-ledger/service-${i}`);

/** A synthetic organization; with a shard, only its accounts and repositories (org-wide data in shard 1). */
function spec(shard?: Shard): FixtureSpec {
  const mine = <T extends string>(keys: T[]) => keys.filter((k) => inShard(shard, k));
  const n = (a: string) => accounts.indexOf(a);
  const mfa: Finding[] = mine(accounts).map((a) => ({
    resource: `arn:aws:iam::${a}:root`,
    status: n(a) % 3 === 0 ? 'fail' : 'pass',
    message: n(a) % 3 === 0 ? 'no MFA' : 'MFA on',
  }));
  const keys: Finding[] = mine(accounts).map((a) => ({
    resource: `arn:aws:iam::${a}:user/legacy-${n(a)}`,
    status: 'fail',
    message: 'old key',
  }));
  const branches: Finding[] = mine(repos).map((r) => ({
    resource: r,
    status: r.endsWith('1') ? 'fail' : 'pass',
    message: r.endsWith('1') ? 'unprotected' : 'protected',
  }));
  const orgWide: Finding[] = [{ resource: 'lumen-ledger', status: 'pass', message: '2FA required' }];
  const checks = [
    fixtureCheck('aws.iam-root-mfa', 'critical', mfa.length ? mfa : { status: 'pass', findings: [] }),
    fixtureCheck(
      'aws.iam-access-key-rotation',
      'high',
      keys.length ? keys : { status: 'pass', findings: [] },
    ),
    fixtureCheck(
      'github.branch-protection',
      'medium',
      branches.length ? branches : { status: 'pass', findings: [] },
    ),
    fixtureCheck(
      'github.org-2fa',
      'high',
      ownsGlobalData(shard)
        ? orgWide
        : { status: 'skipped', reason: 'org-wide data is collected by shard 1', findings: [] },
    ),
    fixtureCheck('google.admin-2sv', 'high', {
      status: 'skipped',
      reason: 'google is not configured',
      findings: [],
    }),
  ].map((c) =>
    // A shard holding no account/repo of a check evaluates nothing for it: skipped, like a real scan.
    c.evaluation.status === 'pass' && c.evaluation.findings.length === 0
      ? { ...c, evaluation: { status: 'skipped' as const, reason: 'nothing in this shard', findings: [] } }
      : c,
  );
  return {
    checks,
    controls: [
      fixtureControl(
        'AC-1',
        'controls/access.yaml',
        3,
        ['CC6.1', 'CC6.2'],
        ['aws.iam-root-mfa', 'aws.iam-access-key-rotation'],
      ),
      fixtureControl('AC-3', 'controls/access.yaml', 30, ['CC6.1'], ['github.org-2fa', 'google.admin-2sv']),
      fixtureControl('CM-1', 'controls/change.yaml', 3, ['CC8.1'], ['github.branch-protection']),
    ],
    exceptions: [
      {
        check: 'aws.iam-access-key-rotation',
        resource: 'arn:aws:iam::*:user/legacy-1*',
        reason: 'migrating',
        approved_by: 'ciso',
        approved_at: '2026-10-01',
        expires: '2027-01-01',
      },
    ],
  };
}

/** Findings in a canonical order: merging concatenates shards, so only the order may differ. */
function canonical(result: ScanResult) {
  const { scan, ...rest } = result;
  const { mergedFrom: _m, shard: _s, ...scanRest } = scan;
  return {
    ...rest,
    scan: scanRest,
    checks: rest.checks.map((c) => ({
      ...c,
      findings: [...c.findings].sort((a, b) => (a.resource < b.resource ? -1 : 1)),
    })),
  };
}

describe('shards', () => {
  it('parses i/n and rejects nonsense', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1-4']) expect(() => parseShard(bad)).toThrow(InputError);
  });

  it('puts every key in exactly one shard, deterministically', () => {
    for (const n of [1, 2, 3, 5]) {
      for (const key of [...accounts, ...repos]) {
        const owners = Array.from({ length: n }, (_, i) => i + 1).filter((i) =>
          inShard({ index: i, count: n }, key),
        );
        expect(owners).toEqual([shardOf(key, n)]);
      }
    }
    expect(shardOf('lumen-ledger/api', 4)).toBe(shardOf('lumen-ledger/api', 4));
    expect(inShard(undefined, 'anything')).toBe(true);
    expect(ownsGlobalData({ index: 2, count: 3 })).toBe(false);
  });

  it('spreads keys over the shards', () => {
    const counts = [1, 2, 3].map(
      (i) => [...accounts, ...repos].filter((k) => inShard({ index: i, count: 3 }, k)).length,
    );
    expect(counts.every((c) => c > 5)).toBe(true);
  });
});

describe('merge', () => {
  for (const n of [2, 3, 4]) {
    it(`merging ${n} shard reports equals a single run`, () => {
      const single = buildScanResult(spec());
      const shards = Array.from({ length: n }, (_, i) => buildScanResult(spec({ index: i + 1, count: n })));
      expect(
        shards.every(
          (s) => s.checks.find((c) => c.id === 'aws.iam-root-mfa')!.findings.length < accounts.length,
        ),
      ).toBe(true);
      const merged = mergeResults(
        shards,
        shards.map((_, i) => `shard-${i + 1}`),
      );
      expect(canonical(merged)).toEqual(canonical(single));
      expect(merged.scan.mergedFrom).toEqual(shards.map((_, i) => `shard-${i + 1}`));
      expect(merged.summary.exitCode).toBe(1);
    });
  }

  it('keeps a finding seen by two shards once, and an error in any shard makes the check error', () => {
    const a = buildScanResult(spec());
    const b = buildScanResult({
      ...spec(),
      checks: spec().checks.map((c) =>
        c.id === 'github.branch-protection'
          ? fixtureCheck(c.id, c.severity, {
              status: 'error',
              reason: 'github: 502 Bad Gateway',
              findings: [],
            })
          : c,
      ),
    });
    const merged = mergeResults([a, b]);
    const branch = merged.checks.find((c) => c.id === 'github.branch-protection')!;
    expect(branch.status).toBe('error');
    expect(branch.reason).toBe('github: 502 Bad Gateway');
    expect(merged.checks.find((c) => c.id === 'aws.iam-root-mfa')!.findings.length).toBe(accounts.length);
    expect(merged.scan.complete).toBe(false);
    expect(merged.summary.exitCode).toBe(3);
  });

  it('refuses reports of different organizations', () => {
    const a = buildScanResult(spec());
    const b = buildScanResult({ ...spec(), organization: 'Other Corp' });
    expect(() => mergeResults([a, b])).toThrow(/different organizations/);
  });
});
