import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';

export default defineCheck({
  id: 'github.base-permission',
  title: 'GitHub base repository permission is none or read',
  provider: 'github',
  severity: 'medium',
  description:
    "The organization's base permission (default_repository_permission) gives every member that access to every repository; it should be none or read.",
  risk: 'A base permission of write or admin lets every member push to (or administer) every repository, bypassing least privilege.',
  remediation:
    'Organization settings > Member privileges > Base permissions: choose "No permission" or "Read", and grant write through teams.',
  requires: ['github.org'],
  options: {
    schema: { allowed: { type: 'array', items: { enum: ['none', 'read', 'write', 'admin'] }, minItems: 1 } },
    defaults: { allowed: ['none', 'read'] },
  },
  evaluate({ 'github.org': org }, { allowed }) {
    const value = org.default_repository_permission;
    const ok = allowed.includes(value);
    return [
      {
        resource: org.login,
        status: ok ? 'pass' : 'fail',
        message: ok
          ? `base repository permission is ${value}`
          : `base repository permission is ${value}; allowed: ${allowed.join(', ')}`,
        details: { default_repository_permission: value },
      },
    ];
  },
});
