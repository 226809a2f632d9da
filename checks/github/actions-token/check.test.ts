import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

const p = (v: string) => ({ default_workflow_permissions: v, can_approve_pull_request_reviews: false });

describeCheck(check, [
  {
    name: 'passes when everything is read',
    data: {
      'github.actionsPermissions': { org: p('read'), repos: [{ repo: 'acme/api', permissions: p('read') }] },
    },
    status: 'pass',
    passing: ['organization (Example Corp)', 'acme/api'],
  },
  {
    name: 'fails a write organization default',
    data: { 'github.actionsPermissions': { org: p('write'), repos: [] } },
    status: 'fail',
    failing: ['organization (Example Corp)'],
  },
  {
    name: 'fails a repository with write',
    data: {
      'github.actionsPermissions': { org: p('read'), repos: [{ repo: 'acme/api', permissions: p('write') }] },
    },
    status: 'fail',
    failing: ['acme/api'],
    message: /is write/,
  },
]);
