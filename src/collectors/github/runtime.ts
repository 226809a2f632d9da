import type { AnyCollector, ProviderRuntime } from '../../engine/collector.js';
import { readBudget } from './budget-read.js';
import { graphqlQueries } from './graphql-repos.js';
import {
  codeScanningAlertsCollector,
  dependabotAlertsCollector,
  secretScanningAlertsCollector,
} from './alert-collectors.js';
import { createGithubSession, type GithubSession } from './client.js';
import {
  actionsPermissionsCollector,
  membersCollector,
  membersWithout2faCollector,
  orgCollector,
  orgWebhooksCollector,
  outsideCollaboratorsCollector,
} from './org-collectors.js';
import { branchProtectionCollector } from './branch-protection.js';
import {
  membershipEventsCollector,
  mergedPullsCollector,
  periodAlertsCollector,
} from './period-collectors.js';
import {
  codeownersCollector,
  codeScanningSetupCollector,
  collaboratorsCollector,
  deployKeysCollector,
  reposCollector,
  securityAnalysisCollector,
  vulnerabilityAlertsCollector,
  webhooksCollector,
} from './repo-collectors.js';

export const runtime: ProviderRuntime<GithubSession> = {
  async createSession(config, env, signal) {
    return createGithubSession(config, env, signal);
  },
  source: (session) => ({ githubOrg: session.org, githubApi: session.baseUrl }),
  collectors: (
    [
      orgCollector,
      membersCollector,
      membersWithout2faCollector,
      outsideCollaboratorsCollector,
      reposCollector,
      securityAnalysisCollector,
      branchProtectionCollector,
      collaboratorsCollector,
      deployKeysCollector,
      webhooksCollector,
      orgWebhooksCollector,
      codeownersCollector,
      actionsPermissionsCollector,
      vulnerabilityAlertsCollector,
      codeScanningSetupCollector,
      dependabotAlertsCollector,
      secretScanningAlertsCollector,
      codeScanningAlertsCollector,
      mergedPullsCollector,
      membershipEventsCollector,
      periodAlertsCollector,
    ] as AnyCollector<GithubSession>[]
  ).map(afterBudgetRead),
  stats(session) {
    const { stats } = session;
    return {
      apiUrl: session.baseUrl,
      auth: session.auth,
      requests: stats.requests,
      graphqlQueries: graphqlQueries(session),
      rateLimitRetries: stats.retries,
      serverErrorRetries: stats.serverErrorRetries,
      ...(stats.rateLimitRemaining !== undefined ? { rateLimitRemaining: stats.rateLimitRemaining } : {}),
      ...(stats.rateLimitLimit !== undefined ? { rateLimitLimit: stats.rateLimitLimit } : {}),
      ...(stats.rateLimitReset !== undefined ? { rateLimitReset: stats.rateLimitReset } : {}),
      ...(session.budget.refused > 0 ? { notSentBudgetSpent: session.budget.refused } : {}),
      ...(session.budget.waitedMs > 0 ? { rateLimitWaitMs: Math.round(session.budget.waitedMs) } : {}),
    };
  },
};

/** Every collector starts after the scan's one GET /rate_limit. */
function afterBudgetRead(collector: AnyCollector<GithubSession>): AnyCollector<GithubSession> {
  return {
    key: collector.key,
    collect: async (ctx) => {
      await readBudget(ctx);
      return collector.collect(ctx);
    },
  };
}
