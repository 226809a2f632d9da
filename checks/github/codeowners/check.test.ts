import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

describeCheck(check, [
  {
    name: 'passes with CODEOWNERS',
    data: { 'github.codeowners': [{ repo: 'acme/api', path: '.github/CODEOWNERS' }] },
    status: 'pass',
  },
  {
    name: 'fails without CODEOWNERS',
    data: {
      'github.codeowners': [
        { repo: 'acme/api', path: 'docs/CODEOWNERS' },
        { repo: 'acme/web', path: null },
      ],
    },
    status: 'fail',
    failing: ['acme/web'],
  },
  { name: 'no repositories passes', data: { 'github.codeowners': [] }, status: 'pass' },
]);
