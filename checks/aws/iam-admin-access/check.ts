import type {
  AuthorizationDetails,
  PolicyDocument,
  PolicyStatement,
} from '../../../src/collectors/aws/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { accountResource, globToRegExp, perAccount } from '../support.js';

/**
 * AWS managed policies are not downloaded (GetAccountAuthorizationDetails is called for local ones
 * only): the ones that grant administrator access, or the power to grant it, are known by ARN.
 */
const ADMIN_MANAGED_POLICIES: Record<string, string> = {
  AdministratorAccess: 'full administrator',
  IAMFullAccess: 'can grant itself any permission (iam:*)',
};
const AWS_MANAGED = /^arn:aws[a-z-]*:iam::aws:policy\/(.+)$/;
const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** `*`, or an ARN pattern whose every part after the partition is `*` (arn:aws:*:*:*:*). */
const ALL_RESOURCES = /^(\*|arn:[^:]*:\*:\*:\*:\*(\/\*)?)$/;
const ALL_ACTIONS = /^\*(:\*)?$/;
/** Actions whose holder can grant itself anything (privilege escalation to administrator). */
const ESCALATION =
  /^iam:(\*|Put\*|Attach\*|Put(User|Role|Group)Policy|Attach(User|Role|Group)Policy|CreatePolicyVersion)$/i;

function statements(document: PolicyDocument | undefined): PolicyStatement[] {
  const list = document?.Statement;
  return list === undefined ? [] : Array.isArray(list) ? list : [list];
}

/**
 * Why a policy document amounts to administrator access, or undefined. A Condition does not narrow
 * it: an MFA-gated `*` on `*` is still administrator access for whoever meets the condition.
 * - `*` (or `*:*`) on all resources;
 * - NotAction on all resources that does not exclude IAM: everything but a few actions;
 * - `iam:*` or the IAM write actions that attach or put policies: the identity can make itself admin.
 */
export function adminGrant(document: PolicyDocument | undefined): string | undefined {
  for (const s of statements(document)) {
    if (s.Effect !== 'Allow' || s.NotResource !== undefined) continue;
    if (!asList(s.Resource).some((r) => ALL_RESOURCES.test(r))) continue;
    const conditioned = s.Condition ? ' (with conditions)' : '';
    if (asList(s.Action).some((a) => ALL_ACTIONS.test(a))) return `allows * on *${conditioned}`;
    const notActions = asList(s.NotAction);
    if (notActions.length > 0 && !notActions.some((a) => /^iam:\*$|^\*$/i.test(a))) {
      return `allows every action except ${notActions.join(', ')}${conditioned}`;
    }
    const escalation = asList(s.Action).find((a) => ESCALATION.test(a));
    if (escalation)
      return `allows ${escalation} on all resources: can grant itself any permission${conditioned}`;
  }
  return undefined;
}

interface Options {
  /** Names or ARNs (with * wildcards) of identities that are expected to be administrators. */
  allowed: string[];
}

function adminIdentities(
  details: AuthorizationDetails,
): { kind: string; name: string; arn: string; via: string[] }[] {
  const policyDocs = new Map(details.policies.map((p) => [p.arn, p.document]));
  const attachedGrant = (arn: string): string | undefined => {
    const managed = AWS_MANAGED.exec(arn)?.[1];
    return managed !== undefined ? ADMIN_MANAGED_POLICIES[managed] : adminGrant(policyDocs.get(arn));
  };
  const adminSources = (
    attached: { name: string; arn: string }[],
    inline: { name: string; document: PolicyDocument }[],
  ) => [
    ...attached.flatMap((p) => {
      const why = attachedGrant(p.arn);
      return why ? [`${p.name}: ${why}`] : [];
    }),
    ...inline.flatMap((p) => {
      const why = adminGrant(p.document);
      return why ? [`${p.name} (inline): ${why}`] : [];
    }),
  ];
  const groupAdmin = new Map(
    details.groups.map((g) => [g.name, adminSources(g.attachedPolicies, g.inlinePolicies)]),
  );
  const out: { kind: string; name: string; arn: string; via: string[] }[] = [];
  for (const user of details.users) {
    const via = [
      ...adminSources(user.attachedPolicies, user.inlinePolicies),
      ...user.groups.flatMap((g) => (groupAdmin.get(g) ?? []).map((p) => `${p} via group ${g}`)),
    ];
    if (via.length) out.push({ kind: 'user', name: user.name, arn: user.arn, via });
  }
  for (const role of details.roles) {
    if (role.path.startsWith('/aws-service-role/')) continue;
    const via = adminSources(role.attachedPolicies, role.inlinePolicies);
    if (via.length) out.push({ kind: 'role', name: role.name, arn: role.arn, via });
  }
  return out;
}

export default defineCheck<'aws.iam.authorizationDetails', Options>({
  id: 'aws.iam-admin-access',
  title: 'Full administrator access limited to an approved list',
  provider: 'aws',
  severity: 'high',
  description:
    'Lists every IAM user and role with administrator access, directly or through a group, and fails for any not in the `allowed` list. Administrator access is AdministratorAccess or IAMFullAccess, or a policy that allows "*" on all resources (with or without conditions), allows everything but a few actions (NotAction not excluding IAM), or allows iam:* or the IAM actions that attach or put policies (the identity can grant itself anything).',
  risk: 'Every administrator identity can disable logging, read all data and create backdoors; unreviewed administrators break least privilege.',
  remediation:
    'Replace AdministratorAccess with scoped policies for identities that do not need it. Add the identities that legitimately need it (break-glass, the IaC deployment role) to `allowed` with a reason in your access review.',
  requires: ['aws.iam.authorizationDetails'],
  options: {
    schema: { allowed: { type: 'array', items: { type: 'string', minLength: 1 } } },
    defaults: { allowed: [] },
  },
  evaluate(data, options) {
    const allowed = options.allowed.map(globToRegExp);
    return perAccount(data['aws.iam.authorizationDetails'], 'administrator access', (accountId, details) => {
      const admins = adminIdentities(details);
      const findings: Finding[] = admins.map((a) => {
        const ok = allowed.some((re) => re.test(a.name) || re.test(a.arn));
        return {
          resource: a.arn,
          status: ok ? 'pass' : 'fail',
          message: `${a.kind} ${a.name} has full administrator access (${a.via.join(', ')})${ok ? ', as allowed' : ' and is not on the allowed list'}`,
          details: { accountId, kind: a.kind, name: a.name, via: a.via },
        };
      });
      findings.push({
        resource: accountResource(accountId),
        status: 'pass',
        message: `${admins.length} administrator identit${admins.length === 1 ? 'y' : 'ies'} among ${details.users.length} users and ${details.roles.length} roles in ${accountId}`,
        details: { accountId, administrators: admins.map((a) => a.arn) },
      });
      return findings;
    });
  },
});
