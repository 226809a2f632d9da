/**
 * Users signing in through a third-party identity provider, from the documented Cloud Identity shapes:
 * an InboundSsoAssignment targets an org unit (rank 0) or a group (rank >= 1); the group assignment with
 * the lowest rank wins, else the innermost org unit's; SSO_OFF turns SSO off for its target
 * (https://cloud.google.com/identity/docs/reference/rest/v1/inboundSsoAssignments). Google documents that
 * 2-Step Verification does not apply to users signing in through a third-party IdP, and that super admins
 * are not redirected to it (https://support.google.com/a/answer/9464354, https://support.google.com/a/answer/6341409).
 */
import { describe, expect, it } from 'vitest';
import { describeCheck, runCheck } from '../../../test/harness/check-tester.js';
import { FORBIDDEN, NO_SSO, OKTA_PROFILE, ssoAssignment, user } from '../../../test/builders/google.js';
import enforced from '../users-2sv-enforced/check.js';
import check from './check.js';

const sales = user('sales@example.com', {
  orgUnitPath: '/Sales/EMEA',
  isEnrolledIn2Sv: false,
  isEnforcedIn2Sv: false,
});
const eng = user('eng@example.com', { orgUnitPath: '/Engineering', isEnrolledIn2Sv: false });
const boss = user('boss@example.com', { orgUnitPath: '/Sales', isAdmin: true, isEnrolledIn2Sv: false });
const sso = (assignments = [ssoAssignment({ orgUnitPath: '/Sales' })]) => ({
  profiles: [OKTA_PROFILE],
  assignments,
});

describeCheck(check, [
  {
    name: 'reports users of an org unit (and its sub-units) assigned to a SAML profile as covered by SSO',
    data: { 'google.users': [sales, eng], 'google.sso': sso() },
    status: 'fail',
    failing: ['eng@example.com'],
    passing: ['sales@example.com'],
  },
  {
    name: 'judges super admins on 2SV even inside an SSO org unit',
    data: { 'google.users': [boss], 'google.sso': sso() },
    status: 'fail',
    failing: ['boss@example.com'],
  },
  {
    name: 'an inner org unit with SSO_OFF takes precedence over its parent',
    data: {
      'google.users': [sales],
      'google.sso': sso([
        ssoAssignment({ orgUnitPath: '/Sales' }),
        ssoAssignment({ orgUnitPath: '/Sales/EMEA' }, { ssoMode: 'SSO_OFF', profile: undefined }),
      ]),
    },
    status: 'fail',
    failing: ['sales@example.com'],
  },
  {
    name: 'a group assignment wins over the org unit, lowest rank first',
    data: {
      'google.users': [sales, eng],
      'google.sso': sso([
        ssoAssignment({ orgUnitPath: '/' }, { ssoMode: 'SSO_OFF', profile: undefined }),
        ssoAssignment(
          { group: 'groups/contractors', memberIds: [eng.id], rank: 2 },
          { ssoMode: 'SSO_OFF', profile: undefined },
        ),
        ssoAssignment({ group: 'groups/okta-users', memberIds: [sales.id, eng.id], rank: 1 }),
      ]),
    },
    status: 'pass',
    passing: ['eng@example.com', 'sales@example.com'],
  },
  {
    name: 'NEVER redirecting to the identity provider leaves Google sign-in, so 2SV applies',
    data: {
      'google.users': [sales],
      'google.sso': sso([ssoAssignment({ orgUnitPath: '/Sales' }, { redirectCondition: 'NEVER' })]),
    },
    status: 'fail',
    failing: ['sales@example.com'],
  },
  {
    name: 'exempt org units are not judged',
    options: { exemptOrgUnits: ['/Engineering'] },
    data: { 'google.users': [eng], 'google.sso': NO_SSO },
    status: 'pass',
    passing: ['eng@example.com'],
    message: /Exempt: in org unit \/Engineering/,
  },
]);

describe('SSO coverage findings', () => {
  it('names the profile and the assignment target', () => {
    const result = runCheck(check, { 'google.users': [sales], 'google.sso': sso() });
    expect(result.findings[0]).toMatchObject({
      resource: 'sales@example.com',
      status: 'pass',
      message: expect.stringMatching(/^Covered by SSO: signs in through Okta \(org unit \/Sales\)/),
      details: { ssoProfile: 'Okta', ssoAssignment: 'org unit /Sales' },
    });
  });

  it('applies to enforcement as well', () => {
    const result = runCheck(enforced, { 'google.users': [sales, eng], 'google.sso': sso() });
    expect(result.findings.find((f) => f.resource === 'sales@example.com')?.message).toMatch(
      /^Covered by SSO/,
    );
  });

  it('says so on each failure when the assignments could not be read', () => {
    const result = runCheck(check, {
      'google.users': [eng],
      'google.sso': {
        unread: 'Cloud Identity inboundSsoAssignments.list was denied',
        profiles: [],
        assignments: [],
      },
    });
    expect(result.findings[0]!.message).toMatch(/SSO assignments not read/);
    expect(result.status).toBe('fail');
  });

  it('reports an SSO group whose members could not be read as not checked', () => {
    const result = runCheck(check, {
      'google.users': [sales],
      'google.sso': sso([
        ssoAssignment(
          { group: 'groups/okta', memberIds: [] },
          { memberIds: undefined, membersNotRead: FORBIDDEN },
        ),
      ]),
    });
    expect(result.status).toBe('error');
    expect(result.findings.map((f) => f.resource)).toContain('group groups/okta');
  });
});

describe('DOMAIN_WIDE_SAML_IF_ENABLED', () => {
  const domainWide = ssoAssignment(
    { orgUnitPath: '/' },
    { ssoMode: 'DOMAIN_WIDE_SAML_IF_ENABLED', profile: undefined },
  );
  it('covers users when a SAML profile exists, naming the domain-wide profile', () => {
    const result = runCheck(check, { 'google.users': [eng], 'google.sso': sso([domainWide]) });
    expect(result.findings[0]!.message).toMatch(
      /through the organization's domain-wide SAML profile \(org unit \/\)/,
    );
  });
  it('does not cover them when no SAML profile exists', () => {
    const result = runCheck(check, {
      'google.users': [eng],
      'google.sso': { profiles: [], assignments: [domainWide] },
    });
    expect(result.status).toBe('fail');
  });
});
