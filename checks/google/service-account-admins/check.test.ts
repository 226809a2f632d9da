// roleAssignments.list: assignedTo is "the unique ID of the entity this role is assigned to—either the
// user_id of a user, the group_id of a group, or the uniqueId of a service account as defined in Identity
// and Access Management (IAM)" (https://developers.google.com/workspace/admin/directory/reference/rest/v1/roleAssignments).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { assignment, GROUPS_ADMIN_ROLE, SUPER_ADMIN_ROLE, user } from '../../../test/builders/google.js';
import check from './check.js';

const boss = user('boss@example.com', { isAdmin: true });
const robot = { ...assignment(GROUPS_ADMIN_ROLE, boss), assignedTo: '104918273645019283746' };
const roles = [SUPER_ADMIN_ROLE, GROUPS_ADMIN_ROLE];

describeCheck(check, [
  {
    name: 'passes when every role is held by directory users',
    data: {
      'google.users': [boss],
      'google.roles': roles,
      'google.roleAssignments': [assignment(SUPER_ADMIN_ROLE, boss)],
    },
    status: 'pass',
    passing: ['Example Corp'],
  },
  {
    name: 'fails a role assigned to an id that is no directory user (a service account)',
    data: {
      'google.users': [boss],
      'google.roles': roles,
      'google.roleAssignments': [assignment(SUPER_ADMIN_ROLE, boss), robot],
    },
    status: 'fail',
    failing: ['service-account:104918273645019283746'],
    message: /_GROUPS_ADMIN_ROLE/,
  },
  {
    name: 'passes approved service accounts',
    options: { approvedServiceAccounts: ['104918273645019283746'] },
    data: { 'google.users': [boss], 'google.roles': roles, 'google.roleAssignments': [robot] },
    status: 'pass',
    passing: ['service-account:104918273645019283746'],
  },
]);
