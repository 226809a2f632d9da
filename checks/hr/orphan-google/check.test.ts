import { describeCheck } from '../../../test/harness/check-tester.js';
import { googleUser, person, roster } from '../../../test/harness/people-builders.js';
import check from './check.js';

const alice = person({ email: 'alice@co.example' });

describeCheck(check, [
  {
    name: 'users all in the roster pass',
    data: { 'hr.roster': roster(alice), 'google.users': [googleUser('alice@co.example')] },
    status: 'pass',
  },
  {
    name: 'an active user nobody in HR knows fails',
    data: {
      'hr.roster': roster(alice),
      'google.users': [googleUser('alice@co.example'), googleUser('temp@co.example')],
    },
    status: 'fail',
    failing: ['google:temp@co.example'],
  },
  {
    name: 'a suspended unknown user is not an orphan risk',
    data: {
      'hr.roster': roster(alice),
      'google.users': [googleUser('gone@co.example', { suspended: true })],
    },
    status: 'pass',
  },
  {
    name: 'shared mailboxes on the allow-list pass',
    data: { 'hr.roster': roster(alice), 'google.users': [googleUser('security@co.example')] },
    options: { allow: ['security@co.example'] },
    status: 'pass',
    passing: ['google:security@co.example'],
  },
]);
