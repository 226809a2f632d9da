import { describeCheck } from '../../../test/harness/check-tester.js';
import { allRead, notRead } from '../../../test/builders/github.js';
import check from './check.js';

describeCheck(check, [
  {
    name: 'passes with CODEOWNERS',
    data: { 'github.codeowners': allRead([{ repo: 'acme/api', path: '.github/CODEOWNERS' }]) },
    status: 'pass',
  },
  {
    name: 'fails without CODEOWNERS',
    data: {
      'github.codeowners': allRead([
        { repo: 'acme/api', path: 'docs/CODEOWNERS' },
        { repo: 'acme/web', path: null },
      ]),
    },
    status: 'fail',
    failing: ['acme/web'],
  },
  {
    name: 'a repository that could not be read is not checked',
    data: {
      'github.codeowners': [...allRead([{ repo: 'acme/api', path: 'CODEOWNERS' }]), notRead('acme/web')],
    },
    status: 'error',
    passing: ['acme/api'],
    notChecked: ['acme/web'],
  },
  { name: 'no repositories passes', data: { 'github.codeowners': [] }, status: 'pass' },
]);
