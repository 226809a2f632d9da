import { describeCheck } from '../../../test/harness/check-tester.js';
import { person, roster } from '../../../test/harness/people-builders.js';
import check from './check.js';

describeCheck(check, [
  {
    name: 'trained within 12 months passes',
    data: { 'hr.roster': roster(person({ email: 'a@co.example', securityTrainingDate: '2025-07-01' })) },
    status: 'pass',
    passing: ['hr:a@co.example'],
  },
  {
    name: 'training 13 months old fails',
    data: { 'hr.roster': roster(person({ email: 'a@co.example', securityTrainingDate: '2025-05-30' })) },
    status: 'fail',
    failing: ['hr:a@co.example'],
    message: /396 days ago \(max 365\)/,
  },
  {
    name: 'no training recorded fails',
    data: { 'hr.roster': roster(person({ email: 'a@co.example', securityTrainingDate: undefined })) },
    status: 'fail',
    message: /no security training recorded/,
  },
  {
    name: 'a new hire inside the grace period passes with a due date',
    data: {
      'hr.roster': roster(
        person({ email: 'n@co.example', startDate: '2026-06-20', securityTrainingDate: undefined }),
      ),
    },
    status: 'pass',
  },
  {
    name: 'terminated people are not evaluated',
    data: {
      'hr.roster': roster(
        person({ email: 't@co.example', status: 'terminated', securityTrainingDate: undefined }),
      ),
    },
    status: 'pass',
    passing: ['hr:roster'],
  },
  {
    name: 'contractors can be excluded',
    data: {
      'hr.roster': roster(
        person({ email: 'c@co.example', employmentType: 'contractor', securityTrainingDate: undefined }),
      ),
    },
    options: { includeContractors: false },
    status: 'pass',
  },
  {
    name: 'maxAgeDays option tightens the window',
    data: { 'hr.roster': roster(person({ email: 'a@co.example', securityTrainingDate: '2026-01-01' })) },
    options: { maxAgeDays: 90 },
    status: 'fail',
  },
]);
