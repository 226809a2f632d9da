import { describeCheck } from '../../../test/harness/check-tester.js';
import { policy, policyFolder } from '../../../test/harness/people-builders.js';
import check from './check.js';

const only = (ids: string[]) => ({ required: ids });

describeCheck(check, [
  {
    name: 'approved, owned policy inside its review interval passes',
    data: { 'docs.policies': policyFolder(policy('backup')) },
    options: only(['backup']),
    status: 'pass',
    passing: ['policy:backup'],
  },
  {
    name: 'a required policy that is missing fails',
    data: { 'docs.policies': policyFolder(policy('backup')) },
    options: only(['backup', 'encryption']),
    status: 'fail',
    failing: ['policy:encryption'],
    message: /missing \(expected encryption\.md/,
  },
  {
    name: 'an unapproved policy fails',
    data: {
      'docs.policies': policyFolder(
        policy('backup', { approvedBy: undefined, approvedAt: undefined, reviewDueAt: undefined }),
      ),
    },
    options: only(['backup']),
    status: 'fail',
    message: /not approved/,
  },
  {
    name: 'a policy overdue for review fails',
    data: {
      'docs.policies': policyFolder(
        policy('backup', { approvedAt: '2025-05-01', reviewDueAt: '2026-05-01' }),
      ),
    },
    options: only(['backup']),
    status: 'fail',
    message: /overdue for review: due 2026-05-01/,
  },
  {
    name: 'a policy without an owner fails',
    data: { 'docs.policies': policyFolder(policy('backup', { owner: undefined })) },
    options: only(['backup']),
    status: 'fail',
    message: /no owner/,
  },
  {
    name: 'extra policies outside the required list are checked too',
    data: { 'docs.policies': policyFolder(policy('backup'), policy('travel', { approvedBy: undefined })) },
    options: only(['backup']),
    status: 'fail',
    failing: ['policy:travel'],
  },
  {
    name: 'by default all 16 starter policies are required',
    data: { 'docs.policies': policyFolder(policy('backup')) },
    status: 'fail',
  },
  {
    name: 'a policies folder that does not exist names the folder',
    data: { 'docs.policies': { dir: '/co/nope', exists: false, policies: [] } },
    options: only(['backup']),
    status: 'fail',
    message: /folder \/co\/nope does not exist/,
  },
]);
