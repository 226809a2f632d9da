import { describeCheck } from '../../../test/harness/check-tester.js';
import {
  assignment,
  FORBIDDEN,
  GROUPS_ADMIN_ROLE,
  SUPER_ADMIN_ROLE,
  user,
} from '../../../test/builders/google.js';
import check from './check.js';

const roles = [SUPER_ADMIN_ROLE, GROUPS_ADMIN_ROLE];
const gone = user('gone@example.com', { suspended: true, isAdmin: true });
const archived = user('old@example.com', { archived: true });

describeCheck(check, [
  {
    name: 'passes when no suspended user holds a role',
    data: {
      'google.users': [
        user('boss@example.com', { isAdmin: true }),
        user('gone@example.com', { suspended: true }),
      ],
      'google.roles': roles,
      'google.roleAssignments': [],
    },
    status: 'pass',
    passing: ['Example Corp'],
  },
  {
    name: 'fails a suspended super admin and an archived user with a role assignment',
    data: {
      'google.users': [gone, archived],
      'google.roles': roles,
      'google.roleAssignments': [assignment(SUPER_ADMIN_ROLE, gone), assignment(GROUPS_ADMIN_ROLE, archived)],
    },
    status: 'fail',
    failing: ['gone@example.com', 'old@example.com'],
  },
  {
    name: 'names the role in the message',
    data: {
      'google.users': [archived],
      'google.roles': roles,
      'google.roleAssignments': [assignment(GROUPS_ADMIN_ROLE, archived)],
    },
    status: 'fail',
    message: /Archived user still holds _GROUPS_ADMIN_ROLE/,
  },
  {
    name: 'a group holding an admin role whose members could not be read is not checked',
    data: {
      'google.users': [gone],
      'google.roles': roles,
      'google.roleAssignments': [
        assignment(SUPER_ADMIN_ROLE, gone),
        {
          ...assignment(GROUPS_ADMIN_ROLE, gone),
          assigneeType: 'group',
          assignedTo: 'it-admins',
          membersNotRead: FORBIDDEN,
        },
      ],
    },
    status: 'error',
    failing: ['gone@example.com'],
  },
]);
