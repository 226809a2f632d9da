import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/engine/result.js';
import type { Fault } from '../fakes/github/server.js';
import { registered, scanThroughFaults } from './harness.js';
import { githubTargetWith } from './targets/github.js';

/**
 * One repository that cannot be read, through the real @octokit/rest client against the GitHub fake:
 * its findings are `error` with GitHub's answer as the cause, every other repository's findings equal a
 * clean run's, and the scan is incomplete (exit 3). Only when every repository is denied is the key
 * skipped, naming the permission.
 */

const WEB = 'lumen-ledger/ledger-web';
const PAYMENTS = 'lumen-ledger/payments-service';

function findingsOf(result: ScanResult) {
  return result.checks
    .filter((c) => c.provider === 'github')
    .flatMap((c) =>
      c.findings.map((f) => ({ check: c.id, resource: f.resource, status: f.status, message: f.message })),
    );
}

const scanWith = async (faults: Fault[]) => (await scanThroughFaults(githubTargetWith(faults))).result;
const always = 1_000;

describe.runIf(registered('github'))('github: one repository that cannot be read', () => {
  let clean: ScanResult;
  beforeAll(async () => {
    clean = await scanWith([]);
  });

  it('one repository answering 403 on branch protection and another 500 on collaborators', async () => {
    const result = await scanWith([
      {
        match: /^GET \/repos\/lumen-ledger\/ledger-web\/branches\/[^/]+\/protection/,
        status: 403,
        kind: 'forbidden',
        times: always,
      },
      { match: /^GET \/repos\/lumen-ledger\/payments-service\/collaborators/, status: 500, times: always },
    ]);
    const check = (id: string) => result.checks.find((c) => c.id === id)!;

    const protection = check('github.branch-protection');
    expect(protection.status).toBe('error');
    expect(protection.findings.filter((f) => f.status === 'error')).toMatchObject([
      { resource: WEB, cause: { kind: 'permission', status: 403 } },
    ]);
    expect(protection.findings.filter((f) => f.status === 'error')[0]!.message).toContain(
      'Resource not accessible by personal access token',
    );

    const collaborators = check('github.outside-collaborators');
    expect(collaborators.status).toBe('error');
    expect(collaborators.findings.filter((f) => f.status === 'error')).toMatchObject([
      { resource: PAYMENTS, cause: { kind: 'unavailable', status: 500 } },
    ]);

    // Every other repository, and every other check, reads exactly as in the clean run.
    const broken = (f: { check: string; resource: string }) =>
      (f.check === 'github.branch-protection' && f.resource.startsWith(WEB)) ||
      (f.check === 'github.outside-collaborators' && f.resource.startsWith(PAYMENTS));
    expect(findingsOf(result).filter((f) => !broken(f))).toEqual(findingsOf(clean).filter((f) => !broken(f)));
    expect(findingsOf(clean).filter(broken).length).toBeGreaterThan(0);
    expect(
      result.checks
        .filter((c) => c.status === 'error')
        .map((c) => c.id)
        .sort(),
    ).toEqual(['github.branch-protection', 'github.outside-collaborators']);
    expect(result.summary.findings.error).toBe(2);
    expect(result.summary.exitCode).toBe(3);
  });

  it('every repository denied: the key is skipped naming the cause and the permission, never passed', async () => {
    const result = await scanWith([
      { match: /^GET \/repos\/[^/]+\/[^/]+\/keys/, status: 403, kind: 'forbidden', times: always },
    ]);
    const keys = result.checks.find((c) => c.id === 'github.deploy-keys')!;
    expect(keys.status).toBe('skipped');
    expect(keys.reason).toMatch(
      /GitHub denied deploy keys on all \d+ repositories \(403; .*Resource not accessible/,
    );
    expect(keys.reason).toContain('needs admin access');
    expect(keys.findings).toEqual([]);
  });
});
