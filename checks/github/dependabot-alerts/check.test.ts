import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

describeCheck(check, [
  {
    name: 'passes when enabled',
    data: { 'github.vulnerabilityAlerts': [{ repo: 'acme/api', enabled: true }] },
    status: 'pass',
    passing: ['acme/api'],
  },
  {
    name: 'fails disabled repositories',
    data: {
      'github.vulnerabilityAlerts': [
        { repo: 'acme/api', enabled: true },
        { repo: 'acme/web', enabled: false },
      ],
    },
    status: 'fail',
    failing: ['acme/web'],
  },
  { name: 'no repositories passes', data: { 'github.vulnerabilityAlerts': [] }, status: 'pass' },
]);
