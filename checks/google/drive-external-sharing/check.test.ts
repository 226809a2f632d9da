// drive_and_docs.external_sharing externalSharingMode ALLOWED / DISALLOWED / ALLOWLISTED_DOMAINS, warnForExternalSharing
// (https://cloud.google.com/identity/docs/concepts/supported-policy-api-settings).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { policy } from '../../../test/builders/google.js';
import check from './check.js';

describeCheck(check, [
  {
    name: 'passes sharing turned off or limited to allowlisted domains',
    data: {
      'google.policies': [
        policy('drive_and_docs.external_sharing', { externalSharingMode: 'DISALLOWED' }),
        policy(
          'drive_and_docs.external_sharing',
          { externalSharingMode: 'ALLOWLISTED_DOMAINS' },
          '/Partners',
        ),
      ],
    },
    status: 'pass',
  },
  {
    name: 'fails an org unit sharing with anyone, saying whether users are warned',
    data: {
      'google.policies': [
        policy(
          'drive_and_docs.external_sharing',
          { externalSharingMode: 'ALLOWED', warnForExternalSharing: true },
          '/Sales',
        ),
      ],
    },
    status: 'fail',
    failing: ['policy:drive_and_docs.external_sharing:/Sales'],
    message: /ALLOWED, users warned/,
  },
  {
    name: 'ALLOWED passes when the organization accepts it',
    options: { allowedModes: ['ALLOWED', 'DISALLOWED', 'ALLOWLISTED_DOMAINS'] },
    data: {
      'google.policies': [policy('drive_and_docs.external_sharing', { externalSharingMode: 'ALLOWED' })],
    },
    status: 'pass',
  },
]);
