import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/engine/result.js';
import type { Fault } from '../fakes/google/server.js';
import { registered, scanThroughFaults } from './harness.js';
import { googleTargetWith, tenant } from './targets/google.js';

/**
 * One user whose tokens cannot be read, through the real @googleapis/admin client against the Admin SDK
 * fake: that user is `error` with Google's status and reason as the cause, every other user's findings
 * equal a clean run's, and the scan is incomplete (exit 3).
 */

const email = (local: string) => `${local}@lumenledger.example`;
const idOf = (local: string) => String(tenant.users.find((u) => u.primaryEmail === email(local))!.id);
const APPS = 'google.third-party-app-scopes';

const scanWith = async (faults: Fault[]) => (await scanThroughFaults(googleTargetWith(faults))).result;

function findingsOf(result: ScanResult) {
  return result.checks
    .filter((c) => c.provider === 'google')
    .flatMap((c) =>
      c.findings.map((f) => ({ check: c.id, resource: f.resource, status: f.status, message: f.message })),
    );
}

describe.runIf(registered('google'))('google: one user whose tokens cannot be read', () => {
  let clean: ScanResult;
  beforeAll(async () => {
    clean = await scanWith([]);
  });

  it('403 for one user, 400 for another, 503 then 404 for a third: only the first two are not checked', async () => {
    const result = await scanWith([
      { area: 'tokens', key: idOf('ben.okafor'), status: 403, reason: 'forbidden', times: 100 },
      { area: 'tokens', key: idOf('uma.mensah'), status: 400, reason: 'invalid', times: 100 },
      { area: 'tokens', key: idOf('noah.kim'), status: 503, reason: 'backendError', times: 2 },
      { area: 'tokens', key: idOf('noah.kim'), status: 404, reason: 'notFound', times: 1 },
    ]);
    const apps = result.checks.find((c) => c.id === APPS)!;
    expect(apps.status).toBe('error');
    expect(apps.findings.filter((f) => f.status === 'error')).toMatchObject([
      { resource: email('ben.okafor'), cause: { kind: 'permission', status: 403, code: 'forbidden' } },
      { resource: email('uma.mensah'), cause: { kind: 'invalid', status: 400, code: 'invalid' } },
    ]);
    // A 404 after retried 503s is Google saying the user is gone: no grants, classified from the
    // final status, not from the text of the message.
    expect(apps.findings.some((f) => f.resource === email('noah.kim') && f.status === 'error')).toBe(false);

    const unread = new Set([email('ben.okafor'), email('uma.mensah')]);
    const perUser = (r: ScanResult) =>
      findingsOf(r).filter((f) => f.check === APPS && f.resource.includes('@') && !unread.has(f.resource));
    expect(perUser(result)).toEqual(perUser(clean));
    expect(perUser(clean).length).toBeGreaterThan(3);
    const otherChecks = (r: ScanResult) => findingsOf(r).filter((f) => f.check !== APPS);
    expect(otherChecks(result)).toEqual(otherChecks(clean));
    expect(result.summary.exitCode).toBe(3);
    expect(result.summary.findings.error).toBe(2);
  });

  it('every user refused: the key is skipped with the real cause, not advice to grant a granted scope', async () => {
    const result = await scanWith([{ area: 'tokens', status: 403, reason: 'forbidden', times: 1000 }]);
    const apps = result.checks.find((c) => c.id === APPS)!;
    expect(apps.status).toBe('skipped');
    expect(apps.reason).toContain('403 forbidden: Not Authorized to access this resource/api');
    expect(apps.reason).toContain('needs an admin role that can read this data');
    expect(apps.reason).not.toContain('grant the read-only scope');
  });
});
