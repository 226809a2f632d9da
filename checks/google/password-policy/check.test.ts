// Policy resources as documented (https://cloud.google.com/identity/docs/reference/rest/v1/policies) with
// setting security.password and its fields minimumLength / enforceRequirementsAtLogin
// (https://cloud.google.com/identity/docs/concepts/supported-policy-api-settings).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { policy } from '../../../test/builders/google.js';
import check from './check.js';

describeCheck(check, [
  {
    name: 'passes a long minimum length enforced at sign-in',
    data: {
      'google.policies': [
        policy('security.password', { minimumLength: 14, enforceRequirementsAtLogin: true }),
      ],
    },
    status: 'pass',
    passing: ['policy:security.password:/'],
  },
  {
    name: 'fails each org unit below the minimum or not enforced at sign-in',
    data: {
      'google.policies': [
        policy('security.password', { minimumLength: 12, enforceRequirementsAtLogin: true }),
        policy('security.password', { minimumLength: 8, enforceRequirementsAtLogin: true }, '/Sales'),
        policy('security.password', { minimumLength: 16, enforceRequirementsAtLogin: false }, '/Support'),
      ],
    },
    status: 'fail',
    failing: ['policy:security.password:/Sales', 'policy:security.password:/Support'],
    passing: ['policy:security.password:/'],
  },
  {
    name: "judges Google's default (8) when no policy is returned",
    data: { 'google.policies': [] },
    status: 'fail',
    failing: ['policy:security.password:/'],
    message: /default/,
  },
  {
    name: 'minLength is configurable',
    options: { minLength: 8 },
    data: {
      'google.policies': [
        policy('security.password', { minimumLength: 8, enforceRequirementsAtLogin: true }),
      ],
    },
    status: 'pass',
  },
]);
