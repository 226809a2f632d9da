import { describeCheck } from '../../../test/harness/check-tester.js';
import { allRead, notRead } from '../../../test/builders/github.js';
import check from './check.js';

describeCheck(check, [
  {
    name: 'passes when enabled',
    data: { 'github.vulnerabilityAlerts': allRead([{ repo: 'acme/api', enabled: true }]) },
    status: 'pass',
    passing: ['acme/api'],
  },
  {
    name: 'fails disabled repositories',
    data: {
      'github.vulnerabilityAlerts': allRead([
        { repo: 'acme/api', enabled: true },
        { repo: 'acme/web', enabled: false },
      ]),
    },
    status: 'fail',
    failing: ['acme/web'],
  },
  {
    name: 'a repository that could not be read is not checked',
    data: {
      'github.vulnerabilityAlerts': [...allRead([{ repo: 'acme/api', enabled: false }]), notRead('acme/web')],
    },
    status: 'error',
    failing: ['acme/api'],
    notChecked: ['acme/web'],
  },
  { name: 'no repositories passes', data: { 'github.vulnerabilityAlerts': [] }, status: 'pass' },
]);
