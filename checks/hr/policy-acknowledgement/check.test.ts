import { describeCheck } from '../../../test/harness/check-tester.js';
import { person, roster } from '../../../test/harness/people-builders.js';
import check from './check.js';

describeCheck(check, [
  {
    name: 'recent acknowledgement passes',
    data: { 'hr.roster': roster(person({ email: 'a@co.example', policyAckDate: '2026-01-05' })) },
    status: 'pass',
    passing: ['hr:a@co.example'],
  },
  {
    name: 'acknowledgement older than 12 months fails',
    data: { 'hr.roster': roster(person({ email: 'a@co.example', policyAckDate: '2025-06-01' })) },
    status: 'fail',
    message: /max 365/,
  },
  {
    name: 'missing acknowledgement fails',
    data: { 'hr.roster': roster(person({ email: 'a@co.example', policyAckDate: undefined })) },
    status: 'fail',
    failing: ['hr:a@co.example'],
  },
  {
    name: 'new hire inside the grace period passes',
    data: {
      'hr.roster': roster(
        person({ email: 'n@co.example', startDate: '2026-06-25', policyAckDate: undefined }),
      ),
    },
    status: 'pass',
  },
  {
    name: 'a roster with nobody in it (a header row only) fails: it proves nothing',
    data: { 'hr.roster': roster() },
    status: 'fail',
    failing: ['hr:roster'],
    message: /lists nobody/,
  },
  {
    name: 'a roster whose people have all left passes on its scope',
    data: { 'hr.roster': roster(person({ email: 'gone@co.example', status: 'terminated' })) },
    status: 'pass',
    passing: ['hr:roster'],
  },
]);
