import { causeOf, defineCollector, SkipError, type ProviderRuntime } from '../../src/sdk/index.js';
import type {
  ConditionalAccessPolicy,
  EntraPrincipal,
  EntraRegistration,
  EntraRoleAssignment,
  EntraRoles,
  EntraSignIn,
  EntraUser,
} from './data.js';
import { GraphError } from './graph.js';
import { createEntraSession, DEFAULT_RETRY, type EntraSession } from './session.js';

/** Graph error codes that mean the tenant lacks a licence, not that the app lacks a permission. */
const LICENCES: Record<string, string> = {
  Authentication_RequestFromNonPremiumTenantOrB2CTenant: 'Microsoft Entra ID P1 (or P2)',
  AadPremiumLicenseRequired: 'Microsoft Entra ID P2 (or Entra ID Governance)',
};

/**
 * A refusal is not a fault: a missing licence or application permission skips the data key, naming
 * what is missing. Anything else (5xx after retries, 404, a bad token) stays an error with its cause.
 */
export function denial(error: unknown, what: string, permission: string): SkipError | undefined {
  if (!(error instanceof GraphError)) return undefined;
  const answer = `Graph answered ${error.status} ${error.code ?? ''}`.trim();
  const licence = error.code ? LICENCES[error.code] : undefined;
  if (licence) return new SkipError(`${what} needs a ${licence} licence in the tenant (${answer})`);
  if (error.status === 403)
    return new SkipError(
      `${what} was denied (${answer}: ${error.graphMessage}): grant the application permission ${permission} with admin consent`,
    );
  return undefined;
}

async function read<T>(what: string, permission: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw denial(error, what, permission) ?? error;
  }
}

interface GraphUser extends Partial<EntraUser> {
  id: string;
  signInActivity?: Partial<EntraSignIn> | null;
}

interface GraphPrincipal {
  '@odata.type'?: string;
  id: string;
  userPrincipalName?: string;
  displayName?: string;
  accountEnabled?: boolean;
}

interface GraphRoleAssignment {
  roleDefinitionId: string;
  directoryScopeId?: string;
  principalId: string;
  principal?: GraphPrincipal | null;
}

const USER_FIELDS =
  'id,userPrincipalName,mail,displayName,accountEnabled,userType,createdDateTime,onPremisesSyncEnabled,proxyAddresses,externalUserState';

function principalOf(id: string, principal: GraphPrincipal | null | undefined): EntraPrincipal {
  const type = principal?.['@odata.type']?.replace('#microsoft.graph.', '') ?? 'unknown';
  return {
    id,
    type,
    name: principal?.userPrincipalName ?? principal?.displayName ?? id,
    ...(typeof principal?.accountEnabled === 'boolean' ? { accountEnabled: principal.accountEnabled } : {}),
  };
}

const users = defineCollector<'entra.users', EntraSession>({
  key: 'entra.users',
  async collect({ session, limit, progress }) {
    progress('users');
    const list = await read('listing users', 'User.Read.All', () =>
      limit(() => session.graph.list<GraphUser>('users', `/users?$select=${USER_FIELDS}&$top=999`)),
    );
    return list.map((u) => ({
      id: u.id,
      userPrincipalName: u.userPrincipalName ?? u.id,
      mail: u.mail ?? null,
      displayName: u.displayName ?? null,
      accountEnabled: u.accountEnabled === true,
      userType: u.userType ?? null,
      createdDateTime: u.createdDateTime ?? null,
      onPremisesSyncEnabled: u.onPremisesSyncEnabled ?? null,
      proxyAddresses: u.proxyAddresses ?? [],
      externalUserState: u.externalUserState ?? null,
    }));
  },
});

const signIns = defineCollector<'entra.signIns', EntraSession>({
  key: 'entra.signIns',
  async collect({ session, limit, progress }) {
    progress('sign-in activity');
    // signInActivity pages hold at most 500 users (https://learn.microsoft.com/graph/api/user-list).
    const list = await read('reading signInActivity of users', 'AuditLog.Read.All', () =>
      limit(() =>
        session.graph.list<GraphUser>('users signInActivity', '/users?$select=id,signInActivity&$top=500'),
      ),
    );
    return list.map((u) => ({
      id: u.id,
      lastSignInDateTime: u.signInActivity?.lastSignInDateTime ?? null,
      lastNonInteractiveSignInDateTime: u.signInActivity?.lastNonInteractiveSignInDateTime ?? null,
      lastSuccessfulSignInDateTime: u.signInActivity?.lastSuccessfulSignInDateTime ?? null,
    }));
  },
});

const registration = defineCollector<'entra.registration', EntraSession>({
  key: 'entra.registration',
  async collect({ session, limit, progress }) {
    progress('authentication methods registration');
    const list = await read('reading authentication methods registration details', 'AuditLog.Read.All', () =>
      limit(() =>
        session.graph.list<Partial<EntraRegistration> & { id: string }>(
          'userRegistrationDetails',
          '/reports/authenticationMethods/userRegistrationDetails',
        ),
      ),
    );
    return list.map((r) => ({
      id: r.id,
      userPrincipalName: r.userPrincipalName ?? r.id,
      userType: r.userType ?? null,
      isAdmin: r.isAdmin === true,
      isMfaRegistered: r.isMfaRegistered === true,
      isMfaCapable: r.isMfaCapable === true,
      methodsRegistered: r.methodsRegistered ?? [],
    }));
  },
});

const roles = defineCollector<'entra.roles', EntraSession>({
  key: 'entra.roles',
  async collect({ session, limit, progress }): Promise<EntraRoles> {
    progress('directory roles');
    const permission = 'RoleManagement.Read.Directory';
    const [definitions, active] = await Promise.all([
      read('listing directory role definitions', permission, () =>
        limit(() =>
          session.graph.list<{ id: string; displayName?: string; templateId?: string }>(
            'role definitions',
            '/roleManagement/directory/roleDefinitions?$select=id,displayName,templateId',
          ),
        ),
      ),
      read('listing directory role assignments', permission, () =>
        limit(() =>
          session.graph.list<GraphRoleAssignment>(
            'role assignments',
            '/roleManagement/directory/roleAssignments?$expand=principal',
          ),
        ),
      ),
    ]);
    // PIM eligible assignments need Entra ID P2: without it the active assignments still count.
    let eligible: EntraRoles['eligible'] = { status: 'ok' };
    const eligibleList = await limit(() =>
      session.graph.list<GraphRoleAssignment>(
        'role eligibility schedules',
        '/roleManagement/directory/roleEligibilitySchedules?$expand=principal',
      ),
    ).catch((error: unknown) => {
      const skip = denial(
        error,
        'reading PIM eligible role assignments',
        'RoleEligibilitySchedule.Read.Directory',
      );
      if (!skip) throw error;
      eligible = { status: 'unavailable', reason: skip.message };
      return [];
    });
    const byId = new Map(definitions.map((d) => [d.id, d]));
    const assignments: EntraRoleAssignment[] = [
      ...active.map((a) => ({ a, kind: 'active' as const })),
      ...eligibleList.map((a) => ({ a, kind: 'eligible' as const })),
    ].map(({ a, kind }) => {
      const definition = byId.get(a.roleDefinitionId);
      return {
        roleDefinitionId: a.roleDefinitionId,
        roleTemplateId: definition?.templateId ?? a.roleDefinitionId,
        roleName: definition?.displayName ?? a.roleDefinitionId,
        directoryScopeId: a.directoryScopeId ?? '/',
        kind,
        principal: principalOf(a.principalId, a.principal),
      };
    });
    // A role-assignable group's users hold the role through it.
    await Promise.all(
      assignments
        .filter((a) => a.principal.type === 'group')
        .map(async (assignment) => {
          try {
            const members = await limit(() =>
              session.graph.list<GraphPrincipal>(
                `members of group ${assignment.principal.name}`,
                `/groups/${encodeURIComponent(assignment.principal.id)}/transitiveMembers/microsoft.graph.user?$select=id,userPrincipalName,accountEnabled`,
              ),
            );
            assignment.members = {
              status: 'ok',
              users: members.map((m) => principalOf(m.id, { '@odata.type': '#microsoft.graph.user', ...m })),
            };
          } catch (error) {
            const skip = denial(
              error,
              `reading the members of group ${assignment.principal.name}`,
              'GroupMember.Read.All',
            );
            assignment.members = {
              status: 'error',
              cause: { ...causeOf(error), ...(skip ? { message: skip.message } : {}) },
            };
          }
        }),
    );
    return { assignments, eligible };
  },
});

const conditionalAccess = defineCollector<'entra.conditionalAccess', EntraSession>({
  key: 'entra.conditionalAccess',
  async collect({ session, limit, progress }) {
    progress('conditional access policies');
    let list: ConditionalAccessPolicy[];
    try {
      list = await limit(() =>
        session.graph.list<ConditionalAccessPolicy>(
          'conditional access policies',
          '/identity/conditionalAccess/policies',
        ),
      );
    } catch (error) {
      const skip = denial(error, 'listing conditional access policies', 'Policy.Read.All');
      if (skip && error instanceof GraphError && error.code && LICENCES[error.code])
        return { licensed: false, reason: skip.message, policies: [] };
      throw skip ?? error;
    }
    const policies = list.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      state: p.state,
      conditions: {
        users: p.conditions?.users ?? null,
        applications: p.conditions?.applications ?? null,
        clientAppTypes: p.conditions?.clientAppTypes ?? [],
        locations: p.conditions?.locations ?? null,
        platforms: p.conditions?.platforms ?? null,
        signInRiskLevels: p.conditions?.signInRiskLevels ?? [],
        userRiskLevels: p.conditions?.userRiskLevels ?? [],
      },
      grantControls: p.grantControls
        ? {
            operator: p.grantControls.operator ?? 'OR',
            builtInControls: p.grantControls.builtInControls ?? [],
            authenticationStrength: p.grantControls.authenticationStrength
              ? {
                  id: p.grantControls.authenticationStrength.id,
                  displayName: p.grantControls.authenticationStrength.displayName,
                }
              : null,
          }
        : null,
    }));
    return { licensed: true, policies };
  },
});

const securityDefaults = defineCollector<'entra.securityDefaults', EntraSession>({
  key: 'entra.securityDefaults',
  async collect({ session, limit, progress }) {
    progress('security defaults');
    const policy = await read('reading the security defaults policy', 'Policy.Read.All', () =>
      limit(() =>
        session.graph.get<{ isEnabled?: boolean }>(
          'security defaults policy',
          '/policies/identitySecurityDefaultsEnforcementPolicy',
        ),
      ),
    );
    return { isEnabled: policy.isEnabled === true };
  },
});

export const runtime: ProviderRuntime<EntraSession> = {
  async createSession(config, env, signal) {
    const retry = { ...DEFAULT_RETRY, ...(config.providers.entra?.retry ?? {}) };
    return createEntraSession(config, env, signal, retry);
  },
  collectors: [users, signIns, registration, roles, conditionalAccess, securityDefaults],
  stats: (session) => ({ ...session.graph.stats, auth: session.authMode }),
};
