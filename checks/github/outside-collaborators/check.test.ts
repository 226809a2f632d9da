import { describeCheck } from '../../../test/harness/check-tester.js';
import { allRead, notRead } from '../../../test/builders/github.js';
import check from './check.js';

const collab = (login: string, role: string) => ({
  login,
  id: login.length,
  role_name: role,
  permissions: {
    admin: role === 'admin',
    maintain: role === 'maintain',
    push: ['admin', 'maintain', 'write'].includes(role),
    triage: true,
    pull: true,
  },
});

describeCheck(check, [
  {
    name: 'passes when outside collaborators only read',
    data: {
      'github.outsideCollaborators': [{ login: 'vendor-dev', id: 9 }],
      'github.collaborators': allRead([
        { repo: 'acme/api', collaborators: [collab('alice', 'admin'), collab('vendor-dev', 'read')] },
      ]),
    },
    status: 'pass',
    passing: ['outside collaborators'],
  },
  {
    name: 'fails an outside collaborator with write',
    data: {
      'github.outsideCollaborators': [{ login: 'Vendor-Dev', id: 9 }],
      'github.collaborators': allRead([
        { repo: 'acme/api', collaborators: [collab('alice', 'admin'), collab('vendor-dev', 'write')] },
        { repo: 'acme/web', collaborators: [collab('vendor-dev', 'admin')] },
      ]),
    },
    status: 'fail',
    failing: ['acme/api:vendor-dev', 'acme/web:vendor-dev'],
    message: /outside collaborator vendor-dev has (write|admin) access/,
  },
  {
    name: 'members with write are not flagged',
    data: {
      'github.outsideCollaborators': [],
      'github.collaborators': allRead([{ repo: 'acme/api', collaborators: [collab('alice', 'write')] }]),
    },
    status: 'pass',
  },
  {
    name: 'a repository that could not be read is not checked',
    data: {
      'github.outsideCollaborators': [{ login: 'vendor-dev', id: 9 }],
      'github.collaborators': [
        ...allRead([{ repo: 'acme/api', collaborators: [collab('vendor-dev', 'write')] }]),
        notRead('acme/web'),
      ],
    },
    status: 'error',
    failing: ['acme/api:vendor-dev'],
    notChecked: ['acme/web'],
  },
]);
