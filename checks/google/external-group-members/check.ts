import { defineCheck } from '../../../src/engine/check.js';
import { perScope } from '../../../src/engine/scope.js';
import type { Finding } from '../../../src/engine/types.js';
import { plural } from '../helpers.js';

interface Options {
  allowedDomains: string[];
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

export default defineCheck<'google.groupMembers' | 'google.domains', Options>({
  id: 'google.external-group-members',
  title: 'Google groups have no members outside the organization',
  provider: 'google',
  severity: 'medium',
  description:
    "Fails each group with a member (user or group) whose email domain is not one of the organization's " +
    'domains (Directory API domains.list, or providers.google.domain/domains) nor in `allowedDomains`. A ' +
    'group whose members could not be read is reported as not checked.',
  risk:
    'Group membership grants access to the files, calendars, mail and sites shared with the group; an ' +
    'outside address receives confidential material without anyone noticing.',
  remediation:
    'Remove the outside members, or move the collaboration to a group meant for partners; restrict external ' +
    'members in Admin console > Apps > Google Workspace > Groups for Business > Sharing options, and add ' +
    'partner domains you accept to allowedDomains.',
  requires: ['google.groupMembers', 'google.domains'],
  options: {
    schema: { allowedDomains: { type: 'array', items: { type: 'string', minLength: 1 } } },
    defaults: { allowedDomains: [] },
  },
  evaluate(data, { allowedDomains }, { organization }) {
    const perGroup = data['google.groupMembers'];
    const inside = new Set(
      [...data['google.domains'].domains, ...allowedDomains].map((d) => d.toLowerCase()),
    );
    if (perGroup.length === 0) return [{ resource: organization, status: 'pass', message: 'No groups' }];
    return perScope(perGroup, 'Group membership', (members, group): Finding[] => {
      const outside = members
        .filter((m) => m.email && m.type !== 'CUSTOMER' && !inside.has(domainOf(m.email)))
        .map((m) => ({ email: m.email!, type: m.type, role: m.role }));
      if (outside.length === 0)
        return [
          {
            resource: group,
            status: 'pass',
            message: `${plural(members.length, 'member')}, all inside the organization`,
          },
        ];
      return [
        {
          resource: group,
          status: 'fail',
          message: `${plural(outside.length, 'member')} outside the organization: ${outside.map((o) => o.email).join(', ')}`,
          details: { externalMembers: outside, organizationDomains: [...inside].sort() },
        },
      ];
    });
  },
});
