import { describeCheck } from '../../../test/harness/check-tester.js';
import { allRead, notRead } from '../../../test/builders/github.js';
import check from './check.js';

const p = (v: string) => ({ default_workflow_permissions: v, can_approve_pull_request_reviews: false });
const org = (v: string) => ({ scope: 'acme', status: 'ok', value: p(v) });

describeCheck(check, [
  {
    name: 'passes when everything is read',
    data: {
      'github.actionsPermissions': {
        org: org('read'),
        repos: allRead([{ repo: 'acme/api', permissions: p('read') }]),
      },
    },
    status: 'pass',
    passing: ['organization (Example Corp)', 'acme/api'],
  },
  {
    name: 'fails a write organization default',
    data: { 'github.actionsPermissions': { org: org('write'), repos: [] } },
    status: 'fail',
    failing: ['organization (Example Corp)'],
  },
  {
    name: 'fails a repository with write',
    data: {
      'github.actionsPermissions': {
        org: org('read'),
        repos: allRead([{ repo: 'acme/api', permissions: p('write') }]),
      },
    },
    status: 'fail',
    failing: ['acme/api'],
    message: /is write/,
  },
  {
    name: 'a repository that could not be read is not checked; the organization still is',
    data: {
      'github.actionsPermissions': {
        org: org('write'),
        repos: [...allRead([{ repo: 'acme/api', permissions: p('read') }]), notRead('acme/web')],
      },
    },
    status: 'error',
    failing: ['organization (Example Corp)'],
    passing: ['acme/api'],
    notChecked: ['acme/web'],
  },
  {
    name: 'an organization setting that could not be read is not checked',
    data: {
      'github.actionsPermissions': {
        org: notRead('acme'),
        repos: allRead([{ repo: 'acme/api', permissions: p('write') }]),
      },
    },
    status: 'error',
    failing: ['acme/api'],
    notChecked: ['organization (Example Corp)'],
  },
]);
