import { describeCheck } from '../../../test/harness/check-tester.js';
import { allRead, notRead } from '../../../test/builders/github.js';
import check from './check.js';

const key = (id: number, read_only: boolean) => ({
  id,
  title: `key-${id}`,
  read_only,
  created_at: '2026-01-01T00:00:00Z',
});

describeCheck(check, [
  {
    name: 'passes with read-only keys',
    data: { 'github.deployKeys': allRead([{ repo: 'acme/api', keys: [key(1, true)] }]) },
    status: 'pass',
  },
  {
    name: 'passes with no keys',
    data: { 'github.deployKeys': allRead([{ repo: 'acme/api', keys: [] }]) },
    status: 'pass',
    passing: ['deploy keys'],
  },
  {
    name: 'fails write keys',
    data: { 'github.deployKeys': allRead([{ repo: 'acme/api', keys: [key(1, true), key(2, false)] }]) },
    status: 'fail',
    failing: ['acme/api: deploy key 2 (key-2)'],
    message: /has write access/,
  },
  {
    name: 'a repository that could not be read is not checked; the keys of the others still count',
    data: {
      'github.deployKeys': [...allRead([{ repo: 'acme/api', keys: [key(1, true)] }]), notRead('acme/web')],
    },
    status: 'error',
    passing: ['deploy keys'],
    notChecked: ['acme/web'],
  },
]);
