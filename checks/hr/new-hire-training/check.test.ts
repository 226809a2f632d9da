import { describeCheck } from '../../../test/harness/check-tester.js';
import { person, roster } from '../../../test/harness/people-builders.js';
import check from './check.js';

describeCheck(check, [
  {
    name: 'trained within 30 days of start passes',
    data: {
      'hr.roster': roster(
        person({ email: 'n@co.example', startDate: '2026-03-02', securityTrainingDate: '2026-03-20' }),
      ),
    },
    status: 'pass',
    passing: ['hr:n@co.example'],
  },
  {
    name: 'trained late fails',
    data: {
      'hr.roster': roster(
        person({ email: 'n@co.example', startDate: '2026-03-02', securityTrainingDate: '2026-05-01' }),
      ),
    },
    status: 'fail',
    message: /trained only on 2026-05-01 \(due 2026-04-01\)/,
  },
  {
    name: 'not trained 45 days after start fails',
    data: {
      'hr.roster': roster(
        person({ email: 'n@co.example', startDate: '2026-05-16', securityTrainingDate: undefined }),
      ),
    },
    status: 'fail',
    failing: ['hr:n@co.example'],
    message: /45 days ago/,
  },
  {
    name: 'not trained yet but still inside the window passes',
    data: {
      'hr.roster': roster(
        person({ email: 'n@co.example', startDate: '2026-06-15', securityTrainingDate: undefined }),
      ),
    },
    status: 'pass',
  },
  {
    name: 'people who started before the lookback are not new hires',
    data: {
      'hr.roster': roster(
        person({ email: 'o@co.example', startDate: '2020-01-01', securityTrainingDate: undefined }),
      ),
    },
    status: 'pass',
    passing: ['hr:roster'],
  },
  {
    name: 'withinDays option',
    data: {
      'hr.roster': roster(
        person({ email: 'n@co.example', startDate: '2026-06-01', securityTrainingDate: '2026-06-20' }),
      ),
    },
    options: { withinDays: 7 },
    status: 'fail',
  },
]);
