import { describeCheck } from '../../../src/sdk/testing.js';
import type { OktaAdmin, OktaFactor, OktaPolicy, OktaUser } from '../../../plugins/okta/data.js';
import deprovisionedAppAccess from '../../../plugins/okta/checks/deprovisioned-app-access.js';
import dormantUsers from '../../../plugins/okta/checks/dormant-users.js';
import mfaEnrolled from '../../../plugins/okta/checks/mfa-enrolled.js';
import mfaEnrollment from '../../../plugins/okta/checks/mfa-enrollment.js';
import mfaRequired from '../../../plugins/okta/checks/mfa-required.js';
import offboarding from '../../../plugins/okta/checks/offboarding.js';
import orphans from '../../../plugins/okta/checks/orphans.js';
import passwordPolicy from '../../../plugins/okta/checks/password-policy.js';
import superAdmins from '../../../plugins/okta/checks/super-admins.js';

// Edge cases of each check on hand-made data; the seeded org of test/fakes/okta exercises them end to end.

const user = (login: string, fields: Partial<OktaUser> = {}): OktaUser => ({
  id: `00u${login}`,
  status: 'ACTIVE',
  login: `${login}@acme.example`,
  email: `${login}@acme.example`,
  created: '2024-01-01T00:00:00.000Z',
  lastLogin: '2026-06-28T09:00:00.000Z',
  statusChanged: null,
  ...fields,
});
const factor = (factorType: string, status = 'ACTIVE'): OktaFactor => ({
  id: `f-${factorType}`,
  factorType,
  provider: 'OKTA',
  status,
});
const factorsOf = (entries: [OktaUser, OktaFactor[]][]) =>
  entries.map(([u, value]) => ({ scope: u.login, status: 'ok' as const, value }));
const policy = (name: string, fields: Partial<OktaPolicy> = {}): OktaPolicy => ({
  id: `00p${name}`,
  name,
  type: 'OKTA_SIGN_ON',
  status: 'ACTIVE',
  priority: 1,
  system: false,
  conditions: null,
  settings: null,
  rules: [],
  ...fields,
});
const rule = (name: string, actions: unknown, status = 'ACTIVE') => ({
  id: `0pr${name}`,
  name,
  status,
  priority: 1,
  system: false,
  conditions: null,
  actions,
});

describeCheck(mfaEnrolled, [
  {
    name: 'Okta Verify push counts as a second factor',
    data: { 'okta.users': [user('ana')], 'okta.factors': factorsOf([[user('ana'), [factor('push')]]]) },
    status: 'pass',
    passing: ['ana@acme.example'],
  },
  {
    name: 'email and a security question do not, by default',
    data: {
      'okta.users': [user('ana')],
      'okta.factors': factorsOf([[user('ana'), [factor('email'), factor('question')]]]),
    },
    status: 'fail',
    failing: ['ana@acme.example'],
    message: /only email, question/,
  },
  {
    name: 'the ignored types are an option',
    data: { 'okta.users': [user('ana')], 'okta.factors': factorsOf([[user('ana'), [factor('email')]]]) },
    options: { ignoreFactorTypes: [] },
    status: 'pass',
  },
  {
    name: 'a factor pending activation is not enrolled',
    data: {
      'okta.users': [user('ana')],
      'okta.factors': factorsOf([[user('ana'), [factor('webauthn', 'PENDING_ACTIVATION')]]]),
    },
    status: 'fail',
  },
  {
    name: 'suspended and deprovisioned users are not judged',
    data: {
      'okta.users': [user('sus', { status: 'SUSPENDED' }), user('dep', { status: 'DEPROVISIONED' })],
      'okta.factors': [],
    },
    status: 'pass',
    message: /no Okta users can sign in/,
  },
  {
    name: 'a user whose factors could not be read is not checked',
    data: {
      'okta.users': [user('ana'), user('ben')],
      'okta.factors': [
        {
          scope: 'ana@acme.example',
          status: 'error',
          cause: { kind: 'permission', status: 403, code: 'E0000006', message: 'denied' },
        },
        ...factorsOf([[user('ben'), [factor('push')]]]),
      ],
    },
    status: 'error',
    notChecked: ['ana@acme.example'],
    passing: ['ben@acme.example'],
  },
]);

const withoutMfa = policy('Global', {
  rules: [rule('Password only', { signon: { access: 'ALLOW', requireFactor: false } })],
});
const appPolicy = (...modes: ('1FA' | '2FA')[]) =>
  policy('Apps', {
    type: 'ACCESS_POLICY',
    rules: modes.map((factorMode, i) =>
      rule(`r${i}`, {
        appSignOn: { access: 'ALLOW', verificationMethod: { type: 'ASSURANCE', factorMode } },
      }),
    ),
  });

describeCheck(mfaRequired, [
  {
    name: 'a rule that requires a factor passes',
    data: {
      'okta.signOnPolicies': [
        policy('Default', { rules: [rule('r', { signon: { access: 'ALLOW', requireFactor: true } })] }),
      ],
      'okta.accessPolicies': [],
    },
    status: 'pass',
  },
  {
    name: 'no active sign-on policy fails',
    data: { 'okta.signOnPolicies': [policy('Old', { status: 'INACTIVE' })], 'okta.accessPolicies': [] },
    status: 'fail',
    message: /no active Okta sign-on policy/,
  },
  {
    name: 'Classic: an allowing rule without requireFactor fails',
    data: { 'okta.signOnPolicies': [withoutMfa], 'okta.accessPolicies': [] },
    status: 'fail',
    failing: ['okta:policy/Global/Password only'],
    message: /without a second factor$/,
  },
  {
    name: 'Identity Engine: password-only sessions pass when every app policy rule requires two factors',
    data: { 'okta.signOnPolicies': [withoutMfa], 'okta.accessPolicies': [appPolicy('2FA', '2FA')] },
    status: 'pass',
    message: /every app authentication policy rule that allows access requires two factors/,
  },
  {
    name: 'Identity Engine: one app rule allowing one factor fails the password-only session rule',
    data: { 'okta.signOnPolicies': [withoutMfa], 'okta.accessPolicies': [appPolicy('2FA', '1FA')] },
    status: 'fail',
    message: /allow one factor: Apps \/ r1$/,
  },
]);

describeCheck(mfaEnrollment, [
  {
    name: 'Identity Engine: Okta Verify required passes',
    data: {
      'okta.mfaEnrollPolicies': [
        policy('Default', {
          type: 'MFA_ENROLL',
          settings: {
            type: 'AUTHENTICATORS',
            authenticators: [{ key: 'okta_verify', enroll: { self: 'REQUIRED' } }],
          },
          rules: [rule('r', { enroll: { self: 'CHALLENGE' } })],
        }),
      ],
    },
    status: 'pass',
  },
  {
    name: 'a required factor no rule prompts for fails',
    data: {
      'okta.mfaEnrollPolicies': [
        policy('Default', {
          type: 'MFA_ENROLL',
          settings: { factors: { okta_otp: { enroll: { self: 'REQUIRED' } } } },
          rules: [rule('r', { enroll: { self: 'NEVER' } })],
        }),
      ],
    },
    status: 'fail',
    message: /none of its active rules prompts/,
  },
  {
    name: 'no active enrollment policy fails',
    data: { 'okta.mfaEnrollPolicies': [] },
    status: 'fail',
  },
]);

const admin = (u: OktaUser, type = 'SUPER_ADMIN'): OktaAdmin => ({
  userId: u.id,
  roles: [{ id: `r-${u.id}`, type, label: type, status: 'ACTIVE', assignmentType: 'USER' }],
});
const crew = ['a1', 'a2', 'a3', 'a4', 'a5'].map((l) => user(l));

describeCheck(superAdmins, [
  {
    name: 'five super admins are more than four',
    data: {
      'okta.admins': crew.map((u) => admin(u)),
      'okta.users': crew,
      'okta.factors': factorsOf(crew.map((u) => [u, [factor('push')]])),
    },
    status: 'fail',
    failing: ['Example Corp'],
    message: /5 Okta super admins, more than the maximum of 4/,
  },
  {
    name: 'one super admin is fewer than two',
    data: {
      'okta.admins': [admin(crew[0]!), admin(crew[1]!, 'ORG_ADMIN')],
      'okta.users': crew,
      'okta.factors': factorsOf([[crew[0]!, [factor('push')]]]),
    },
    status: 'fail',
    failing: ['Example Corp'],
  },
  {
    name: 'the range is an option',
    data: {
      'okta.admins': [admin(crew[0]!)],
      'okta.users': crew,
      'okta.factors': factorsOf([[crew[0]!, [factor('push')]]]),
    },
    options: { min: 1 },
    status: 'pass',
  },
]);

describeCheck(dormantUsers, [
  {
    name: 'a sign-in two days ago passes',
    data: { 'okta.users': [user('ana')] },
    status: 'pass',
  },
  {
    name: 'the limit is an option',
    data: { 'okta.users': [user('ana', { lastLogin: '2026-06-01T00:00:00.000Z' })] },
    options: { maxInactiveDays: 7 },
    status: 'fail',
    message: /last signed in 29 days ago/,
  },
  {
    name: 'a locked-out user is judged, a suspended one is not',
    data: {
      'okta.users': [
        user('lock', { status: 'LOCKED_OUT', lastLogin: '2025-01-01T00:00:00.000Z' }),
        user('sus', { status: 'SUSPENDED', lastLogin: '2025-01-01T00:00:00.000Z' }),
      ],
    },
    status: 'fail',
    failing: ['lock@acme.example'],
  },
]);

const passwordPolicyOf = (password: unknown, provider = 'OKTA') =>
  policy('Pw', { type: 'PASSWORD', settings: { password }, conditions: { authProvider: { provider } } });
const strong = {
  complexity: { minLength: 12, dictionary: { common: { exclude: true } } },
  lockout: { maxAttempts: 10 },
  age: { historyCount: 4 },
};

describeCheck(passwordPolicy, [
  {
    name: 'the minimums exactly pass',
    data: { 'okta.passwordPolicies': [passwordPolicyOf(strong)] },
    status: 'pass',
  },
  {
    name: 'eleven characters and eleven attempts fail',
    data: {
      'okta.passwordPolicies': [
        passwordPolicyOf({
          ...strong,
          complexity: { ...strong.complexity, minLength: 11 },
          lockout: { maxAttempts: 11 },
        }),
      ],
    },
    status: 'fail',
    message: /minimum length 11 \(at least 12\); lockout after 11 attempts/,
  },
  {
    name: 'a policy without settings (no lockout, no dictionary) fails',
    data: { 'okta.passwordPolicies': [passwordPolicyOf({})] },
    status: 'fail',
    message: /common passwords allowed; no lockout/,
  },
]);

describeCheck(deprovisionedAppAccess, [
  {
    name: 'an app whose users are all active passes',
    data: {
      'okta.users': [user('ana')],
      'okta.apps': [
        {
          scope: 'Wiki (0oa1)',
          status: 'ok',
          value: {
            id: '0oa1',
            label: 'Wiki',
            name: 'wiki',
            status: 'ACTIVE',
            signOnMode: 'SAML_2_0',
            assignments: [{ userId: '00uana', scope: 'USER', status: 'ACTIVE' }],
          },
        },
      ],
    },
    status: 'pass',
  },
  {
    name: 'a deprovisioned user assigned directly fails, a deprovisioned user elsewhere does not matter',
    data: {
      'okta.users': [user('ana'), user('dep', { status: 'DEPROVISIONED' })],
      'okta.apps': [
        {
          scope: 'Vault (0oa2)',
          status: 'ok',
          value: {
            id: '0oa2',
            label: 'Vault',
            name: 'vault',
            status: 'ACTIVE',
            signOnMode: 'SAML_2_0',
            assignments: [
              { userId: '00uana', scope: 'USER', status: 'PROVISIONED' },
              { userId: '00udep', scope: 'USER', status: 'PROVISIONED' },
            ],
          },
        },
      ],
    },
    status: 'fail',
    failing: ['okta:app/Vault/dep@acme.example'],
    message: /still assigned to deprovisioned user dep@acme.example \(directly\)/,
  },
  {
    name: 'an app that could not be read is not checked, the others are judged',
    data: {
      'okta.users': [user('dep', { status: 'DEPROVISIONED' })],
      'okta.apps': [
        {
          scope: 'Vault (0oa2)',
          status: 'error',
          cause: { kind: 'permission', status: 403, code: 'E0000006', message: 'denied' },
        },
        {
          scope: 'Wiki (0oa1)',
          status: 'ok',
          value: {
            id: '0oa1',
            label: 'Wiki',
            name: 'wiki',
            status: 'ACTIVE',
            signOnMode: 'SAML_2_0',
            assignments: [{ userId: '00udep', scope: 'GROUP', status: 'PROVISIONED' }],
          },
        },
      ],
    },
    status: 'error',
    notChecked: ['Vault (0oa2)'],
    failing: ['okta:app/Wiki/dep@acme.example'],
  },
]);

const roster = (people: { email: string; status: string; endDate?: string }[]) => ({
  people: people.map((p) => ({ name: p.email, startDate: '2020-01-01', ...p })),
});

describeCheck(offboarding, [
  {
    name: 'a leaver matched on the primary email (not the login) with an active user fails',
    data: {
      'hr.roster': roster([{ email: 'ana.real@acme.example', status: 'terminated', endDate: '2026-05-01' }]),
      'okta.users': [user('ana', { email: 'ana.real@acme.example' })],
    },
    status: 'fail',
    failing: ['okta:ana@acme.example'],
  },
  {
    name: 'a suspended leaver passes, said so',
    data: {
      'hr.roster': roster([{ email: 'ana@acme.example', status: 'terminated', endDate: '2026-05-01' }]),
      'okta.users': [user('ana', { status: 'SUSPENDED' })],
    },
    status: 'pass',
    message: /SUSPENDED \(cannot sign in/,
  },
]);

describeCheck(orphans, [
  {
    name: 'a user nobody in the roster owns fails',
    data: { 'hr.roster': roster([]), 'okta.users': [user('ghost')] },
    status: 'fail',
    failing: ['okta:ghost@acme.example'],
  },
  {
    name: 'a deprovisioned unknown user is no orphan',
    data: { 'hr.roster': roster([]), 'okta.users': [user('ghost', { status: 'DEPROVISIONED' })] },
    status: 'pass',
  },
]);
