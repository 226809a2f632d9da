import { describeCheck } from '../../../test/harness/check-tester.js';
import { group, member } from '../../../test/builders/google.js';
import check from './check.js';

const domains = { domains: ['example.com', 'example.io'], source: 'directory' };

describeCheck(check, [
  {
    name: 'passes groups whose members are all inside',
    data: {
      'google.groups': [group('eng@example.com', 3)],
      'google.groupMembers': [
        member('eng@example.com', 'a@example.com'),
        member('eng@example.com', 'b@example.io'),
        member('eng@example.com', undefined, 'CUSTOMER'),
      ],
      'google.domains': domains,
    },
    status: 'pass',
    passing: ['eng@example.com'],
  },
  {
    name: 'fails a group with a gmail.com member',
    data: {
      'google.groups': [group('eng@example.com'), group('finance@example.com')],
      'google.groupMembers': [
        member('eng@example.com', 'a@example.com'),
        member('finance@example.com', 'cfo.personal@gmail.com'),
      ],
      'google.domains': domains,
    },
    status: 'fail',
    failing: ['finance@example.com'],
    message: /cfo.personal@gmail.com/,
  },
  {
    name: 'fails an outside group nested as a member',
    data: {
      'google.groups': [group('partners@example.com')],
      'google.groupMembers': [member('partners@example.com', 'team@vendor.example', 'GROUP')],
      'google.domains': domains,
    },
    status: 'fail',
    failing: ['partners@example.com'],
  },
  {
    name: 'accepts allowed partner domains',
    data: {
      'google.groups': [group('partners@example.com')],
      'google.groupMembers': [member('partners@example.com', 'team@vendor.example', 'GROUP')],
      'google.domains': domains,
    },
    options: { allowedDomains: ['vendor.example'] },
    status: 'pass',
  },
  {
    name: 'passes on the organization with no groups',
    data: { 'google.groups': [], 'google.groupMembers': [], 'google.domains': domains },
    status: 'pass',
    passing: ['Example Corp'],
  },
]);
