import { describe, expect, it } from 'vitest';
import { describeCheck, runCheck } from '../../../test/harness/check-tester.js';
import {
  assignment,
  FORBIDDEN,
  GROUPS_ADMIN_ROLE,
  SUPER_ADMIN_ROLE,
  NO_SSO,
  user,
} from '../../../test/builders/google.js';
import check from './check.js';

const roles = [SUPER_ADMIN_ROLE, GROUPS_ADMIN_ROLE];
const boss = user('boss@example.com', { isAdmin: true });
const helper = user('helper@example.com', { isDelegatedAdmin: true, isEnrolledIn2Sv: false });
const plain = user('plain@example.com', { isEnrolledIn2Sv: false });

describeCheck(check, [
  {
    name: 'passes when every admin is enrolled, ignoring non-admins',
    data: {
      'google.sso': NO_SSO,
      'google.users': [boss, plain],
      'google.roles': roles,
      'google.roleAssignments': [assignment(SUPER_ADMIN_ROLE, boss)],
    },
    status: 'pass',
    passing: ['boss@example.com'],
  },
  {
    name: 'fails a delegated admin without 2SV and names the role',
    data: {
      'google.sso': NO_SSO,
      'google.users': [boss, helper],
      'google.roles': roles,
      'google.roleAssignments': [assignment(SUPER_ADMIN_ROLE, boss), assignment(GROUPS_ADMIN_ROLE, helper)],
    },
    status: 'fail',
    failing: ['helper@example.com'],
    message: /_GROUPS_ADMIN_ROLE/,
  },
  {
    name: 'finds admins by role assignment even without the user flags',
    data: {
      'google.sso': NO_SSO,
      'google.users': [plain],
      'google.roles': roles,
      'google.roleAssignments': [assignment(GROUPS_ADMIN_ROLE, plain)],
    },
    status: 'fail',
    failing: ['plain@example.com'],
  },
  {
    name: 'fails a super admin known only from isAdmin',
    data: {
      'google.sso': NO_SSO,
      'google.users': [user('root@example.com', { isAdmin: true, isEnrolledIn2Sv: false })],
      'google.roles': [],
      'google.roleAssignments': [],
    },
    status: 'fail',
    message: /Super Admin/,
  },
  {
    name: 'passes on the organization when there are no admins',
    data: {
      'google.sso': NO_SSO,
      'google.users': [plain],
      'google.roles': roles,
      'google.roleAssignments': [],
    },
    status: 'pass',
    passing: ['Example Corp'],
  },
  {
    name: 'passes an enrolled member of a group holding an admin role',
    data: {
      'google.sso': NO_SSO,
      'google.users': [plain, { ...boss, isAdmin: false }],
      'google.roles': roles,
      'google.roleAssignments': [{ ...assignment(GROUPS_ADMIN_ROLE, boss), viaGroup: 'it-admins' }],
    },
    status: 'pass',
    passing: ['boss@example.com'],
  },
  {
    name: 'fails an unenrolled member of a group holding an admin role, naming the group',
    data: {
      'google.sso': NO_SSO,
      'google.users': [plain],
      'google.roles': roles,
      'google.roleAssignments': [
        { ...assignment(GROUPS_ADMIN_ROLE, plain), assigneeType: 'group', assignedTo: 'it-admins' },
        { ...assignment(GROUPS_ADMIN_ROLE, plain), viaGroup: 'it-admins' },
      ],
    },
    status: 'fail',
    failing: ['plain@example.com'],
    message: /_GROUPS_ADMIN_ROLE \(via group it-admins\)/,
  },
  {
    name: 'a group holding an admin role whose members could not be read is not checked; the admins known are',
    data: {
      'google.sso': NO_SSO,
      'google.users': [boss, helper],
      'google.roles': roles,
      'google.roleAssignments': [
        assignment(SUPER_ADMIN_ROLE, boss),
        assignment(GROUPS_ADMIN_ROLE, helper),
        {
          ...assignment(GROUPS_ADMIN_ROLE, plain),
          assigneeType: 'group',
          assignedTo: 'it-admins',
          membersNotRead: FORBIDDEN,
        },
      ],
    },
    status: 'error',
    failing: ['helper@example.com'],
    passing: ['boss@example.com'],
  },
]);

describe('google.admins-2sv with a role group not read', () => {
  it('names the group and the role in an error finding with the cause', () => {
    const result = runCheck(check, {
      'google.sso': NO_SSO,
      'google.users': [plain],
      'google.roles': roles,
      'google.roleAssignments': [
        {
          ...assignment(GROUPS_ADMIN_ROLE, plain),
          assigneeType: 'group',
          assignedTo: 'it-admins',
          membersNotRead: FORBIDDEN,
        },
      ],
    });
    expect(result.findings).toEqual([
      {
        resource: 'group it-admins',
        status: 'error',
        message:
          'Who holds _GROUPS_ADMIN_ROLE through the group not checked for group it-admins: 403 forbidden: Not Authorized to access this resource/api',
        cause: FORBIDDEN,
      },
    ]);
  });
});
