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
  {
    // users.list returns aliases and nonEditableAliases
    // (https://developers.google.com/workspace/admin/directory/reference/rest/v1/users): the roster may know
    // the person by one of them.
    name: 'a user the roster knows by an email alias is not an orphan',
    data: {
      'hr.roster': roster(person({ email: 'al@co.example' })),
      'google.users': [googleUser('alice@co.example', { aliases: ['al@co.example'] })],
    },
    status: 'pass',
    failing: [],
  },
]);
