import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

const on = { status: 'enabled' };
const off = { status: 'disabled' };
const repo = (name: string, sa: object | null) => ({
  repo: `acme/${name}`,
  visibility: 'private',
  security_and_analysis: sa,
});

describeCheck(check, [
  {
    name: 'passes when both are enabled',
    data: {
      'github.securityAnalysis': [repo('api', { secret_scanning: on, secret_scanning_push_protection: on })],
    },
    status: 'pass',
  },
  {
    name: 'fails without push protection',
    data: {
      'github.securityAnalysis': [
        repo('api', { secret_scanning: on, secret_scanning_push_protection: on }),
        repo('web', { secret_scanning: on, secret_scanning_push_protection: off }),
      ],
    },
    status: 'fail',
    failing: ['acme/web'],
    message: /push protection disabled/,
  },
  {
    name: 'fails when neither is reported',
    data: { 'github.securityAnalysis': [repo('web', {})] },
    status: 'fail',
    message: /secret scanning and push protection disabled/,
  },
  {
    name: 'a repository whose settings the token cannot see is not checked, never failed',
    data: { 'github.securityAnalysis': [repo('web', null)] },
    status: 'error',
    notChecked: ['acme/web'],
    message: /not visible/,
  },
  { name: 'no repositories passes on scope', data: { 'github.securityAnalysis': [] }, status: 'pass' },
]);
