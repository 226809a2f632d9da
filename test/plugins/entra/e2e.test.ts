import { beforeAll, describe, expect, it } from 'vitest';
import { cleanLumenLedger, lumenLedgerTenant } from '../../fakes/entra/lumen-ledger.js';
import { entraChecks, scanEntra, trustFakeCa } from './scan.js';

const now = new Date();
const upn = (local: string) => `entra:${local}@lumenledger.example`;
const guest = (local: string) =>
  `entra:${local}_${local === 'auditor' ? 'cpa-firm' : local === 'consultant' ? 'agency' : ''}.example#ext#@lumenledger.onmicrosoft.com`;

beforeAll(trustFakeCa);

describe('Entra ID end to end (local identity platform + Graph fake, real @azure/identity)', () => {
  it('finds every seeded defect and passes every clean look-alike', async () => {
    const { check, failing, passing, result, fake } = await scanEntra(lumenLedgerTenant(now), {
      maxPageSize: {
        '/users': 3,
        '/reports/authenticationMethods/userRegistrationDetails': 4,
        '/roleManagement/directory/roleAssignments': 2,
      },
    });
    expect(result.scan.complete).toBe(true);
    for (const c of entraChecks) expect(check(c.id).status, c.id).toBe('fail');

    expect(failing('entra.mfa-registered')).toEqual([upn('erin.kowalski'), upn('kai.larsen')]);
    expect(passing('entra.mfa-registered')).toContain(upn('alice.nguyen'));
    expect(check('entra.mfa-registered').findings.map((f) => f.resource)).not.toContain(upn('old.admin'));

    const required = check('entra.mfa-required').findings;
    expect(required.find((f) => f.resource.endsWith('all-users'))).toMatchObject({ status: 'fail' });
    expect(required.find((f) => f.resource.endsWith('all-users'))!.message).toMatch(
      /'Require MFA for all users', 'MFA away from the office'/,
    );
    expect(required.find((f) => f.resource.endsWith('admins'))).toMatchObject({ status: 'pass' });
    expect(check('entra.legacy-auth-blocked').findings[0]!.message).toMatch(
      /'Block legacy authentication' would, but is disabled/,
    );

    const admins = check('entra.global-admins');
    expect(admins.findings.find((f) => f.resource === 'entra:role/global-administrator')!.message).toBe(
      '5 Global Administrators, expected 2 to 4 (alice.nguyen@lumenledger.example, carla.diaz@lumenledger.example, dana.reyes@lumenledger.example, erin.kowalski@lumenledger.example, Terraform Deployer)',
    );
    expect(failing('entra.global-admins')).toEqual([
      upn('erin.kowalski'),
      'entra:role/global-administrator',
      'entra:servicePrincipal/Terraform Deployer',
    ]);
    expect(passing('entra.global-admins')).toEqual([
      upn('alice.nguyen'),
      upn('carla.diaz'),
      upn('dana.reyes'),
    ]);

    expect(failing('entra.dormant-accounts')).toEqual([upn('hana.sato')]);
    expect(passing('entra.dormant-accounts')).toEqual(
      expect.arrayContaining([upn('ivan.petrov'), upn('jonas.weber')]),
    );
    expect(failing('entra.never-signed-in')).toEqual([upn('tara.singh')]);
    expect(passing('entra.never-signed-in')).toEqual([upn('yusuf.demir')]);
    expect(failing('entra.stale-guests')).toEqual([guest('auditor'), guest('consultant')]);
    expect(passing('entra.stale-guests')).toHaveLength(2);
    expect(failing('entra.offboarding')).toEqual([upn('ben.okafor')]);
    expect(
      check('entra.offboarding').findings.find((f) => f.resource === 'hr:gus.moreau@lumenledger.example'),
    ).toMatchObject({
      status: 'pass',
    });
    expect(failing('entra.orphans')).toEqual([upn('qa.shared')]);
    expect(passing('entra.orphans')).toContain(upn('scanner-svc'));

    // Paging: 20 users over pages of 3, each following the previous page's @odata.nextLink.
    const userPages = fake.requests.filter((r) => r.path.startsWith('/v1.0/users'));
    expect(userPages.filter((r) => r.path.includes('$skiptoken')).length).toBe(2 * 6);
    expect(
      fake.requests.every((r) => !r.path.startsWith('/v1.0') || r.authorization?.startsWith('Bearer fake.')),
    ).toBe(true);
  });

  it('passes every check on the same tenant with its defects fixed', async () => {
    const { check } = await scanEntra(cleanLumenLedger(now));
    for (const c of entraChecks)
      expect([c.id, check(c.id).status, check(c.id).findings.filter((f) => f.status !== 'pass')]).toEqual([
        c.id,
        'pass',
        [],
      ]);
  });
});
