// security.less_secure_apps allowLessSecureApps (https://cloud.google.com/identity/docs/concepts/supported-policy-api-settings).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { policy } from '../../../test/builders/google.js';
import check from './check.js';

describeCheck(check, [
  {
    name: 'passes when less secure apps are not allowed',
    data: { 'google.policies': [policy('security.less_secure_apps', { allowLessSecureApps: false })] },
    status: 'pass',
    passing: ['policy:security.less_secure_apps:/'],
  },
  {
    name: 'fails the org unit allowing them, group policies included',
    data: {
      'google.policies': [
        policy('security.less_secure_apps', { allowLessSecureApps: false }),
        policy('security.less_secure_apps', { allowLessSecureApps: true }, '/Legacy'),
        {
          ...policy('security.less_secure_apps', { allowLessSecureApps: true }),
          orgUnit: undefined,
          group: 'groups/01abc',
        },
      ],
    },
    status: 'fail',
    failing: ['policy:security.less_secure_apps:/Legacy', 'policy:security.less_secure_apps:groups/01abc'],
  },
  {
    name: 'passes on no policy: Google disallows them by default',
    data: { 'google.policies': [] },
    status: 'pass',
  },
]);
