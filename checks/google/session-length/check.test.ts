// security.session_controls webSessionDuration in seconds (https://cloud.google.com/identity/docs/concepts/supported-policy-api-settings);
// Policy shape: https://cloud.google.com/identity/docs/reference/rest/v1/policies.
import { describeCheck } from '../../../test/harness/check-tester.js';
import { policy } from '../../../test/builders/google.js';
import check from './check.js';

describeCheck(check, [
  {
    name: 'passes sessions within the limit, in seconds or as a "43200s" duration string',
    data: {
      'google.policies': [
        policy('security.session_controls', { webSessionDuration: 43200 }),
        policy('security.session_controls', { webSessionDuration: '28800s' }, '/Finance'),
      ],
    },
    status: 'pass',
    passing: ['policy:security.session_controls:/', 'policy:security.session_controls:/Finance'],
  },
  {
    name: 'fails an org unit whose sessions last longer',
    data: {
      'google.policies': [policy('security.session_controls', { webSessionDuration: 1209600 }, '/Sales')],
    },
    status: 'fail',
    failing: ['policy:security.session_controls:/Sales'],
    message: /336 hours, longer than 24/,
  },
  {
    name: "judges Google's 14-day default when no policy is returned",
    data: { 'google.policies': [] },
    status: 'fail',
    failing: ['policy:security.session_controls:/'],
  },
]);
