import { describeCheck } from '../../../test/harness/check-tester.js';
import { githubMembers, person, roster } from '../../../test/harness/people-builders.js';
import check from './check.js';

const alice = person({ email: 'alice@co.example', github: 'alice-ng' });

describeCheck(check, [
  {
    name: 'members all in the roster pass',
    data: {
      'hr.roster': roster(alice),
      'github.members': githubMembers('Alice-NG'),
      'github.outsideCollaborators': [],
    },
    status: 'pass',
  },
  {
    name: 'a member nobody in HR knows fails',
    data: {
      'hr.roster': roster(alice),
      'github.members': githubMembers('alice-ng', 'mystery-dev'),
      'github.outsideCollaborators': [],
    },
    status: 'fail',
    failing: ['github:mystery-dev'],
  },
  {
    name: 'a bot account on the allow-list passes',
    data: {
      'hr.roster': roster(alice),
      'github.members': githubMembers('alice-ng', 'lumen-ci-bot'),
      'github.outsideCollaborators': [],
    },
    options: { allow: ['*-bot'] },
    status: 'pass',
    passing: ['github:lumen-ci-bot'],
  },
  {
    // GET /orgs/{org}/outside_collaborators lists people with repository access but no membership.
    name: 'an outside collaborator nobody in HR knows fails',
    data: {
      'hr.roster': roster(alice),
      'github.members': githubMembers('alice-ng'),
      'github.outsideCollaborators': [{ login: 'agency-dev', id: 9001 }],
    },
    status: 'fail',
    failing: ['github:agency-dev'],
    message: /outside collaborator/,
  },
  {
    name: 'an empty organization passes on its scope',
    data: { 'hr.roster': roster(alice), 'github.members': [], 'github.outsideCollaborators': [] },
    status: 'pass',
    passing: ['github:organization'],
  },
]);
