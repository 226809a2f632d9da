import { defineCollector } from '../../engine/collector.js';
import { SkipError } from '../../engine/errors.js';
import { skipIfAllDenied } from '../../engine/scope.js';
import type { GithubSession } from './client.js';
import type { GithubMember, GithubOrg, GithubUserRef, WorkflowPermissions } from './data.js';
import { apiMessage, describeFailure, statusOf, unreadable } from './failure.js';
import { readActiveRepos, readScope } from './per-repo.js';
import { trimHook } from './repo-collectors.js';

const userRef = (u: { login: string; id: number }): GithubUserRef => ({ login: u.login, id: u.id });

export const orgCollector = defineCollector<'github.org', GithubSession>({
  key: 'github.org',
  async collect({ session }) {
    const { octokit, org } = session;
    let data: Record<string, unknown>;
    try {
      data = (await octokit.request('GET /orgs/{org}', { org })).data as Record<string, unknown>;
    } catch (error) {
      if (statusOf(error) === 404) {
        throw describeFailure(
          `organization '${org}' was not found, or the credentials cannot see it (GET /orgs/${org})`,
          error,
        );
      }
      throw describeFailure(`GET /orgs/${org}`, error);
    }
    if (data.two_factor_requirement_enabled == null || data.default_repository_permission == null) {
      throw new SkipError(
        `GET /orgs/${org} returned no organization settings (two_factor_requirement_enabled, default_repository_permission): ` +
          'GitHub shows them only to organization owners (classic token of an owner with read:org; fine-grained: organization permission "Administration: read")',
      );
    }
    const keep = [
      'login',
      'id',
      'name',
      'html_url',
      'two_factor_requirement_enabled',
      'default_repository_permission',
      'members_can_create_repositories',
      'members_can_create_public_repositories',
      'members_can_create_private_repositories',
      'members_can_create_internal_repositories',
      'members_can_fork_private_repositories',
      'web_commit_signoff_required',
    ];
    const out = Object.fromEntries(keep.filter((k) => k in data).map((k) => [k, data[k]]));
    const plan = data.plan as { name?: string } | undefined;
    if (plan?.name) out.plan = { name: plan.name };
    return out as unknown as GithubOrg;
  },
});

export const membersCollector = defineCollector<'github.members', GithubSession>({
  key: 'github.members',
  async collect({ session, progress }) {
    const { octokit, org } = session;
    try {
      progress('organization members');
      const all = await octokit.paginate('GET /orgs/{org}/members', { org, role: 'all', per_page: 100 });
      const owners = await octokit.paginate('GET /orgs/{org}/members', { org, role: 'admin', per_page: 100 });
      const ownerIds = new Set(owners.map((o) => o.id));
      return all.map((m): GithubMember => ({
        login: m.login,
        id: m.id,
        role: ownerIds.has(m.id) ? 'admin' : 'member',
      }));
    } catch (error) {
      throw describeFailure(`GET /orgs/${org}/members`, error);
    }
  },
});

export const membersWithout2faCollector = defineCollector<'github.membersWithout2fa', GithubSession>({
  key: 'github.membersWithout2fa',
  async collect({ session }) {
    const { octokit, org } = session;
    try {
      const list = await octokit.paginate('GET /orgs/{org}/members', {
        org,
        filter: '2fa_disabled',
        per_page: 100,
      });
      return list.map(userRef);
    } catch (error) {
      const status = statusOf(error);
      if (status === 403 || status === 422 || status === 404) {
        throw new SkipError(
          `GitHub answers GET /orgs/${org}/members?filter=2fa_disabled only for organization owners ` +
            `(${status} ${apiMessage(error)}): scan with a token of an organization owner (classic scope read:org)`,
        );
      }
      throw describeFailure(`GET /orgs/${org}/members?filter=2fa_disabled`, error);
    }
  },
});

export const outsideCollaboratorsCollector = defineCollector<'github.outsideCollaborators', GithubSession>({
  key: 'github.outsideCollaborators',
  async collect({ session }) {
    const { octokit, org } = session;
    try {
      const list = await octokit.paginate('GET /orgs/{org}/outside_collaborators', { org, per_page: 100 });
      return list.map(userRef);
    } catch (error) {
      const status = statusOf(error);
      if (status === 403 || status === 404) {
        throw new SkipError(
          `cannot list outside collaborators of ${org} (${status} ${apiMessage(error)}): ` +
            'needs an organization owner or the organization permission "Members: read" (classic: read:org)',
        );
      }
      throw describeFailure(`GET /orgs/${org}/outside_collaborators`, error);
    }
  },
});

const WORKFLOW_ADMIN_READ =
  'an organization owner / repository admin (classic: admin:org and repo; fine-grained: "Administration: read")';

const workflowPermissions = (data: WorkflowPermissions): WorkflowPermissions => ({
  default_workflow_permissions: data.default_workflow_permissions,
  can_approve_pull_request_reviews: data.can_approve_pull_request_reviews,
});

/**
 * The organization's default and each active repository's, one scope each: a denied or failing
 * repository never loses the organization's setting or the other repositories'.
 */
export const actionsPermissionsCollector = defineCollector<'github.actionsPermissions', GithubSession>({
  key: 'github.actionsPermissions',
  async collect(ctx) {
    const { octokit, org } = ctx.session;
    const orgRoute = 'GET /orgs/{org}/actions/permissions/workflow';
    const orgPermissions = await readScope(ctx, org, async () => {
      try {
        return workflowPermissions((await octokit.request(orgRoute, { org })).data);
      } catch (error) {
        throw unreadable(error, orgRoute, WORKFLOW_ADMIN_READ);
      }
    });
    const repoRoute = 'GET /repos/{owner}/{repo}/actions/permissions/workflow';
    const what = 'GitHub Actions workflow permissions';
    const repos = await readActiveRepos(ctx, what, async (repo, owner, name) => {
      try {
        const { data } = await octokit.request(repoRoute, { owner, repo: name });
        return { repo: repo.full_name, permissions: workflowPermissions(data) };
      } catch (error) {
        throw unreadable(error, repoRoute, WORKFLOW_ADMIN_READ);
      }
    });
    skipIfAllDenied([orgPermissions, ...repos], what);
    return { org: orgPermissions, repos };
  },
});

export const orgWebhooksCollector = defineCollector<'github.orgWebhooks', GithubSession>({
  key: 'github.orgWebhooks',
  async collect({ session }) {
    const { octokit, org } = session;
    try {
      const hooks = await octokit.paginate('GET /orgs/{org}/hooks', { org, per_page: 100 });
      return hooks.map(trimHook);
    } catch (error) {
      const status = statusOf(error);
      if (status === 403 || status === 404) {
        throw new SkipError(
          `cannot list organization webhooks of ${org} (${status} ${apiMessage(error)}): ` +
            'needs an organization owner (classic: admin:org_hook; fine-grained: organization permission "Webhooks: read")',
        );
      }
      throw describeFailure(`GET /orgs/${org}/hooks`, error);
    }
  },
});
