import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { passOn, readRepos } from '../shared.js';

const WRITE_ROLES = ['admin', 'maintain', 'write', 'push'];

export default defineCheck({
  id: 'github.outside-collaborators',
  title: 'Outside collaborators have no write or admin access',
  provider: 'github',
  severity: 'high',
  description:
    "Cross-references the organization's outside collaborators with each active repository's collaborators and flags every outside collaborator with write, maintain or admin permission.",
  risk: 'People outside the organization (contractors, former staff) who can push code bypass onboarding, offboarding and SSO, and are easily forgotten.',
  remediation:
    'Lower the collaborator to read or remove them (Repository settings > Collaborators and teams). If a contractor needs write access, make them a member so joiner/leaver controls apply, and record an exception with an expiry.',
  requires: ['github.outsideCollaborators', 'github.collaborators'],
  evaluate({ 'github.outsideCollaborators': outside, 'github.collaborators': repos }) {
    const outsiders = new Set(outside.map((u) => u.login.toLowerCase()));
    const { read, notRead } = readRepos(repos, 'collaborators');
    const findings: Finding[] = [];
    for (const { repo, collaborators } of read) {
      for (const c of collaborators) {
        if (!outsiders.has(c.login.toLowerCase())) continue;
        const p = c.permissions ?? {};
        const role = c.role_name ?? (p.admin ? 'admin' : p.maintain ? 'maintain' : p.push ? 'write' : 'read');
        if (p.admin || p.maintain || p.push || WRITE_ROLES.includes(role)) {
          findings.push({
            resource: `${repo}:${c.login}`,
            status: 'fail',
            message: `outside collaborator ${c.login} has ${role} access to ${repo}`,
            details: { permissions: c.permissions, role_name: c.role_name },
          });
        }
      }
    }
    if (findings.length === 0) {
      findings.push(
        passOn(
          'outside collaborators',
          `${outside.length} outside collaborator(s), none with write or admin access`,
        ),
      );
    }
    return [...findings, ...notRead];
  },
});
