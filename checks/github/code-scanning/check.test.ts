import { describeCheck } from '../../../test/harness/check-tester.js';
import { allRead, notRead } from '../../../test/builders/github.js';
import check from './check.js';

describeCheck(check, [
  {
    name: 'passes default setup and advanced setup',
    data: {
      'github.codeScanningSetup': allRead([
        { repo: 'acme/api', available: true, defaultSetup: 'configured', hasAnalyses: true },
        { repo: 'acme/web', available: true, defaultSetup: 'not-configured', hasAnalyses: true },
      ]),
    },
    status: 'pass',
    passing: ['acme/api', 'acme/web'],
  },
  {
    name: 'passes where code scanning is not available',
    data: {
      'github.codeScanningSetup': allRead([
        {
          repo: 'acme/secret',
          available: false,
          reason: 'Advanced Security must be enabled for this repository to use code scanning.',
        },
      ]),
    },
    status: 'pass',
  },
  {
    name: 'fails an available repository without scanning',
    data: {
      'github.codeScanningSetup': allRead([
        { repo: 'acme/web', available: true, defaultSetup: 'not-configured', hasAnalyses: false },
      ]),
    },
    status: 'fail',
    failing: ['acme/web'],
  },
  {
    name: 'a repository that could not be read is not checked',
    data: {
      'github.codeScanningSetup': [
        ...allRead([
          { repo: 'acme/web', available: true, defaultSetup: 'not-configured', hasAnalyses: false },
        ]),
        notRead('acme/api'),
      ],
    },
    status: 'error',
    failing: ['acme/web'],
    notChecked: ['acme/api'],
  },
  { name: 'no repositories passes', data: { 'github.codeScanningSetup': [] }, status: 'pass' },
]);
