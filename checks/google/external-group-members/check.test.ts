import { describe, expect, it } from 'vitest';
import { describeCheck, runCheck } from '../../../test/harness/check-tester.js';
import { FORBIDDEN, member, membersByGroup, unread } from '../../../test/builders/google.js';
import check from './check.js';

const domains = { domains: ['example.com', 'example.io'], source: 'directory' };

describeCheck(check, [
  {
    name: 'passes groups whose members are all inside',
    data: {
      'google.groupMembers': membersByGroup([
        member('eng@example.com', 'a@example.com'),
        member('eng@example.com', 'b@example.io'),
        member('eng@example.com', undefined, 'CUSTOMER'),
      ]),
      'google.domains': domains,
    },
    status: 'pass',
    passing: ['eng@example.com'],
  },
  {
    name: 'fails a group with a gmail.com member',
    data: {
      'google.groupMembers': membersByGroup([
        member('eng@example.com', 'a@example.com'),
        member('finance@example.com', 'cfo.personal@gmail.com'),
      ]),
      'google.domains': domains,
    },
    status: 'fail',
    failing: ['finance@example.com'],
    message: /cfo.personal@gmail.com/,
  },
  {
    name: 'fails an outside group nested as a member',
    data: {
      'google.groupMembers': membersByGroup([member('partners@example.com', 'team@vendor.example', 'GROUP')]),
      'google.domains': domains,
    },
    status: 'fail',
    failing: ['partners@example.com'],
  },
  {
    name: 'accepts allowed partner domains',
    data: {
      'google.groupMembers': membersByGroup([member('partners@example.com', 'team@vendor.example', 'GROUP')]),
      'google.domains': domains,
    },
    options: { allowedDomains: ['vendor.example'] },
    status: 'pass',
  },
  {
    name: 'passes an empty group',
    data: {
      'google.groupMembers': membersByGroup([], { empty: ['archive@example.com'] }),
      'google.domains': domains,
    },
    status: 'pass',
    passing: ['archive@example.com'],
  },
  {
    name: 'passes on the organization with no groups',
    data: { 'google.groupMembers': [], 'google.domains': domains },
    status: 'pass',
    passing: ['Example Corp'],
  },
  {
    name: 'a group whose members could not be read is not checked; the others still fail or pass',
    data: {
      'google.groupMembers': membersByGroup(
        [member('eng@example.com', 'a@example.com'), member('finance@example.com', 'cfo@gmail.com')],
        { unread: [unread('board@example.com')] },
      ),
      'google.domains': domains,
    },
    status: 'error',
    failing: ['finance@example.com'],
    passing: ['eng@example.com'],
  },
]);

describe('google.external-group-members with a group not read', () => {
  it('gives that group an error finding with the cause and no verdict', () => {
    const result = runCheck(check, {
      'google.groupMembers': membersByGroup([member('eng@example.com', 'a@example.com')], {
        unread: [unread('board@example.com')],
      }),
      'google.domains': domains,
    });
    expect(result.findings.find((f) => f.resource === 'board@example.com')).toEqual({
      resource: 'board@example.com',
      status: 'error',
      message:
        'Group membership not checked for board@example.com: 403 forbidden: Not Authorized to access this resource/api',
      cause: FORBIDDEN,
    });
    expect(result.reason).toMatch(/^1 scope\(s\) not checked: 403 forbidden/);
  });
});
