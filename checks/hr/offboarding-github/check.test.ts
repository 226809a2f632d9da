import { describeCheck } from '../../../test/harness/check-tester.js';
import { githubMembers, person, roster } from '../../../test/harness/people-builders.js';
import check from './check.js';

const ben = person({
  email: 'ben@co.example',
  github: 'bnokafor',
  status: 'terminated',
  endDate: '2026-06-10',
});

describeCheck(check, [
  {
    name: 'terminated person no longer in the organization passes',
    data: {
      'hr.roster': roster(ben),
      'github.members': githubMembers('alice-ng'),
      'github.outsideCollaborators': [],
    },
    status: 'pass',
    passing: ['hr:ben@co.example'],
  },
  {
    name: 'terminated person still a member 20 days later fails',
    data: {
      'hr.roster': roster(ben),
      'github.members': githubMembers('alice-ng', 'BNOkafor'),
      'github.outsideCollaborators': [],
    },
    status: 'fail',
    failing: ['github:BNOkafor'],
    message: /20 days ago, deadline 1/,
  },
  {
    name: 'terminated person removed from the organization but still an outside collaborator fails',
    data: {
      'hr.roster': roster(ben),
      'github.members': githubMembers('alice-ng'),
      'github.outsideCollaborators': [{ login: 'bnokafor', id: 7002 }],
    },
    status: 'fail',
    failing: ['github:bnokafor'],
    message: /still active: outside collaborator/,
  },
  {
    name: 'deadline option of 30 days passes the same member',
    data: {
      'hr.roster': roster(ben),
      'github.members': githubMembers('bnokafor'),
      'github.outsideCollaborators': [],
    },
    options: { deadlineDays: 30 },
    status: 'pass',
  },
  {
    name: 'a terminated person without a github column cannot match a member',
    data: {
      'hr.roster': roster(person({ email: 'x@co.example', status: 'terminated', endDate: '2026-01-01' })),
      'github.members': githubMembers('x'),
      'github.outsideCollaborators': [],
    },
    status: 'pass',
  },
  {
    name: 'empty roster passes on the organization scope',
    data: { 'hr.roster': roster(), 'github.members': [], 'github.outsideCollaborators': [] },
    status: 'pass',
    passing: ['github:organization'],
  },
]);
