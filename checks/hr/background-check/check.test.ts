import { describeCheck } from '../../../test/harness/check-tester.js';
import { person, roster } from '../../../test/harness/people-builders.js';
import check from './check.js';

describeCheck(check, [
  {
    name: 'employee with a background check passes',
    data: { 'hr.roster': roster(person({ email: 'a@co.example' })) },
    status: 'pass',
    passing: ['hr:a@co.example'],
  },
  {
    name: 'employee without one fails',
    data: { 'hr.roster': roster(person({ email: 'a@co.example', backgroundCheckDate: undefined })) },
    status: 'fail',
    failing: ['hr:a@co.example'],
    message: /no background check/,
  },
  {
    name: 'contractors are skipped by default',
    data: {
      'hr.roster': roster(
        person({ email: 'c@co.example', employmentType: 'contractor', backgroundCheckDate: undefined }),
      ),
    },
    status: 'pass',
    passing: ['hr:roster'],
  },
  {
    name: 'contractors included on request',
    data: {
      'hr.roster': roster(
        person({ email: 'c@co.example', employmentType: 'contractor', backgroundCheckDate: undefined }),
      ),
    },
    options: { includeContractors: true },
    status: 'fail',
  },
  {
    name: 'people on leave are still current staff',
    data: {
      'hr.roster': roster(person({ email: 'l@co.example', status: 'leave', backgroundCheckDate: undefined })),
    },
    status: 'fail',
  },
]);
