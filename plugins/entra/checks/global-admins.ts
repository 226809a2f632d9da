import { defineCheck, notChecked, type Finding } from '../../../src/sdk/index.js';
import type { EntraPrincipal } from '../data.js';
import { GLOBAL_ADMINISTRATOR } from './helpers.js';

interface Holder {
  principal: EntraPrincipal;
  how: Set<string>;
}

export default defineCheck({
  id: 'entra.global-admins',
  title: 'Between two and four Global Administrators, all with MFA registered',
  provider: 'entra',
  severity: 'high',
  description:
    'Counts the enabled users and service principals that hold Global Administrator over the whole directory, directly, through a role-assignable group, or as PIM eligible where that can be read; the count must be between minAdmins and maxAdmins, and every user among them must have registered MFA.',
  risk: 'One Global Administrator is a single point of failure (lockout, no oversight); many are many targets for full tenant takeover, and one without MFA is a password away from it.',
  remediation:
    'Keep two to four Global Administrators (plus documented break-glass accounts), move everyday admin work to least-privileged roles, make the role PIM-eligible rather than permanent, and have every holder register MFA.',
  requires: ['entra.roles', 'entra.registration'],
  options: {
    schema: {
      minAdmins: { type: 'integer', minimum: 1, maximum: 100 },
      maxAdmins: { type: 'integer', minimum: 1, maximum: 100 },
    },
    defaults: { minAdmins: 2, maxAdmins: 4 },
  },
  evaluate(data, { minAdmins, maxAdmins }) {
    const roles = data['entra.roles'];
    const registration = new Map(data['entra.registration'].map((r) => [r.id, r]));
    const findings: Finding[] = [];
    const holders = new Map<string, Holder>();
    const hold = (principal: EntraPrincipal, how: string) => {
      if (principal.accountEnabled === false) return;
      const holder = holders.get(principal.id) ?? { principal, how: new Set<string>() };
      holder.how.add(how);
      holders.set(principal.id, holder);
    };
    for (const a of roles.assignments) {
      if (a.roleTemplateId !== GLOBAL_ADMINISTRATOR || a.directoryScopeId !== '/') continue;
      if (a.principal.type !== 'group') {
        hold(a.principal, a.kind);
        continue;
      }
      if (a.members?.status === 'ok')
        a.members.users.forEach((user) => hold(user, `${a.kind} through group ${a.principal.name}`));
      else if (a.members?.status === 'error')
        findings.push(
          notChecked(`entra:group/${a.principal.name}`, a.members.cause, 'Global Administrators'),
        );
    }
    const list = [...holders.values()].sort((x, y) => x.principal.name.localeCompare(y.principal.name));
    const names = list.map((h) => h.principal.name);
    const pim =
      roles.eligible.status === 'ok' ? '' : ` (PIM eligible assignments not read: ${roles.eligible.reason})`;
    const within = list.length >= minAdmins && list.length <= maxAdmins;
    findings.push({
      resource: 'entra:role/global-administrator',
      status: within ? 'pass' : 'fail',
      message: within
        ? `${list.length} Global Administrators (${names.join(', ')})${pim}`
        : `${list.length} Global Administrator${list.length === 1 ? '' : 's'}, expected ${minAdmins} to ${maxAdmins}${names.length ? ` (${names.join(', ')})` : ''}${pim}`,
      details: { count: list.length, minAdmins, maxAdmins, holders: names },
    });
    for (const { principal, how } of list) {
      const resource =
        principal.type === 'user'
          ? `entra:${principal.name.toLowerCase()}`
          : `entra:${principal.type}/${principal.name}`;
      const via = [...how].join(', ');
      if (principal.type !== 'user') {
        findings.push({
          resource,
          status: 'fail',
          message: `${principal.type} ${principal.name} holds Global Administrator (${via}) and cannot use MFA`,
        });
        continue;
      }
      const row = registration.get(principal.id);
      if (!row) {
        findings.push(
          notChecked(
            resource,
            { kind: 'not_found', message: 'no row in the registration details report' },
            'MFA registration',
          ),
        );
        continue;
      }
      findings.push({
        resource,
        status: row.isMfaRegistered ? 'pass' : 'fail',
        message: row.isMfaRegistered
          ? `Global Administrator ${principal.name} (${via}) registered MFA`
          : `Global Administrator ${principal.name} (${via}) has not registered MFA`,
        details: { methodsRegistered: row.methodsRegistered },
      });
    }
    return findings;
  },
});
