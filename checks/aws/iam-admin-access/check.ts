import type {
  AuthorizationDetails,
  PolicyDocument,
  PolicyStatement,
} from '../../../src/collectors/aws/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { accountResource, globToRegExp, perAccount } from '../support.js';

const ADMIN_POLICY_ARN = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;
const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Allow of `*` (or `*:*`) on resource `*`, without conditions narrowing it. */
export function grantsFullAdmin(document: PolicyDocument | undefined): boolean {
  if (!document?.Statement) return false;
  const statements: PolicyStatement[] = Array.isArray(document.Statement)
    ? document.Statement
    : [document.Statement];
  return statements.some(
    (s) =>
      s.Effect === 'Allow' &&
      !s.Condition &&
      asList(s.Action).some((a) => a === '*' || a === '*:*') &&
      asList(s.Resource).includes('*'),
  );
}

interface Options {
  /** Names or ARNs (with * wildcards) of identities that are expected to be administrators. */
  allowed: string[];
}

function adminIdentities(
  details: AuthorizationDetails,
): { kind: string; name: string; arn: string; via: string[] }[] {
  const policyDocs = new Map(details.policies.map((p) => [p.arn, p.document]));
  const adminSources = (
    attached: { name: string; arn: string }[],
    inline: { name: string; document: PolicyDocument }[],
  ) => [
    ...attached
      .filter((p) => ADMIN_POLICY_ARN.test(p.arn) || grantsFullAdmin(policyDocs.get(p.arn)))
      .map((p) => p.name),
    ...inline.filter((p) => grantsFullAdmin(p.document)).map((p) => `${p.name} (inline)`),
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
    'Lists every IAM user and role with full administrator access (AdministratorAccess, or a policy allowing "*" on "*", directly or through a group) and fails for any not in the `allowed` list.',
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
