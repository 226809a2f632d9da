import { defineCollector } from '../../engine/collector.js';
import { SkipError } from '../../engine/errors.js';
import { inPeriod, type Period } from '../../engine/population.js';
import type { GithubSession } from './client.js';
import { apiMessage, describeFailure, statusOf } from './failure.js';
import { readActiveRepos, type GithubContext } from './per-repo.js';
import type { MembershipEvent, MergedPull, PeriodAlert } from './period-data.js';

type Row = Record<string, unknown>;
const login = (user: unknown) => ((user as { login?: string } | null | undefined)?.login ?? null) || null;

function periodOf(ctx: GithubContext): Period {
  const period = ctx.config.period;
  if (!period) throw new Error('collected only for a Type II period (--period or period: in the config)');
  return period;
}

/**
 * Every pull request merged into each active repository's default branch in the period. GitHub REST
 * (https://docs.github.com/rest/pulls/pulls#list-pull-requests): `state=closed&base=<default>` sorted by
 * `updated` newest first; a pull request is updated when merged, so paging stops at the first one last
 * updated before the period. The list omits `merged_by`, so each merged one is read whole, with its
 * reviews (https://docs.github.com/rest/pulls/reviews#list-reviews-for-a-pull-request) and the check
 * runs and commit statuses of its head commit (https://docs.github.com/rest/checks/runs,
 * https://docs.github.com/rest/commits/statuses#get-the-combined-status-for-a-specific-reference).
 */
export const mergedPullsCollector = defineCollector<'github.mergedPulls', GithubSession>({
  key: 'github.mergedPulls',
  async collect(ctx) {
    const period = periodOf(ctx);
    const { octokit } = ctx.session;
    return readActiveRepos(ctx, 'merged pull requests', async (repo, owner, name) => {
      const merged: Row[] = [];
      await octokit.paginate(
        'GET /repos/{owner}/{repo}/pulls',
        {
          owner,
          repo: name,
          state: 'closed',
          base: repo.default_branch,
          sort: 'updated',
          direction: 'desc',
          per_page: 100,
        },
        (response, done) => {
          for (const pull of response.data as Row[]) {
            if (String(pull.updated_at).slice(0, 10) < period.from) {
              done();
              break;
            }
            if (inPeriod(pull.merged_at as string | null, period)) merged.push(pull);
          }
          return [];
        },
      );
      const pulls: MergedPull[] = [];
      for (const listed of merged) {
        const number = listed.number as number;
        const params = { owner, repo: name, pull_number: number, per_page: 100 };
        const { data: pull } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', params);
        const reviews = await octokit.paginate(
          'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
          params,
        );
        const headSha = pull.head.sha;
        const ref = { owner, repo: name, ref: headSha, per_page: 100 };
        const runs = await octokit.paginate('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', ref);
        const { data: status } = await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/status', ref);
        pulls.push({
          number,
          html_url: pull.html_url,
          title: pull.title,
          base: pull.base.ref,
          author: login(pull.user),
          merged_by: login(pull.merged_by),
          merged_at: pull.merged_at!,
          merge_commit_sha: pull.merge_commit_sha ?? null,
          head_sha: headSha,
          reviews: reviews.map((r) => ({
            user: login(r.user),
            state: r.state,
            submitted_at: r.submitted_at ?? null,
            commit_id: r.commit_id ?? null,
          })),
          checks: [
            ...runs.map((run) => ({ name: run.name, result: run.conclusion ?? run.status })),
            ...status.statuses.map((s) => ({ name: s.context, result: s.state })),
          ],
        });
      }
      return { repo: repo.full_name, default_branch: repo.default_branch, pulls };
    });
  },
});

/**
 * Members added to and removed from the organization in the period, from its audit log
 * (https://docs.github.com/enterprise-cloud@latest/rest/orgs/orgs#get-the-audit-log-for-an-organization):
 * GitHub Enterprise Cloud only, organization owner with `read:audit_log`. Elsewhere GitHub answers 404
 * (or 403 without the scope): the key then says the log is not available, so removal dates are unknown.
 */
export const membershipEventsCollector = defineCollector<'github.membershipEvents', GithubSession>({
  key: 'github.membershipEvents',
  async collect(ctx) {
    const period = periodOf(ctx);
    const { octokit, org } = ctx.session;
    const events: MembershipEvent[] = [];
    for (const action of ['org.add_member', 'org.remove_member'] as const) {
      ctx.progress(`audit log: ${action}`);
      try {
        const found = (await octokit.paginate('GET /orgs/{org}/audit-log', {
          org,
          phrase: `action:${action} created:${period.from}..${period.to}`,
          order: 'asc',
          per_page: 100,
        })) as Row[];
        for (const event of found) {
          const at = (event['@timestamp'] ?? event.created_at) as number | string;
          events.push({
            action,
            user: (event.user as string | undefined) ?? null,
            actor: (event.actor as string | undefined) ?? null,
            at: new Date(at).toISOString(),
          });
        }
      } catch (error) {
        const status = statusOf(error);
        if (status === 404 || status === 403)
          return {
            available: false,
            reason: `GET /orgs/${org}/audit-log: ${status} ${apiMessage(error)} (the audit log API needs GitHub Enterprise Cloud and an organization owner's token with read:audit_log)`,
          };
        throw describeFailure(`GET /orgs/${org}/audit-log`, error);
      }
    }
    return { available: true, events: events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)) };
  },
});

type AlertRoute =
  | 'GET /orgs/{org}/dependabot/alerts'
  | 'GET /orgs/{org}/code-scanning/alerts'
  | 'GET /orgs/{org}/secret-scanning/alerts';

const ALERT_LISTINGS: {
  kind: PeriodAlert['kind'];
  route: AlertRoute;
  read(a: Row): Omit<PeriodAlert, 'kind'>;
}[] = [
  {
    kind: 'dependabot',
    route: 'GET /orgs/{org}/dependabot/alerts',
    read: (a) => {
      const advisory = a.security_advisory as { severity?: string; summary?: string } | undefined;
      return alertBase(a, advisory?.severity ?? null, advisory?.summary ?? '', [
        a.fixed_at,
        a.dismissed_at,
        a.auto_dismissed_at,
      ]);
    },
  },
  {
    kind: 'code-scanning',
    route: 'GET /orgs/{org}/code-scanning/alerts',
    read: (a) => {
      const rule = a.rule as
        | { security_severity_level?: string | null; severity?: string | null; description?: string }
        | undefined;
      return alertBase(a, rule?.security_severity_level ?? rule?.severity ?? null, rule?.description ?? '', [
        a.fixed_at,
        a.dismissed_at,
      ]);
    },
  },
  {
    kind: 'secret-scanning',
    route: 'GET /orgs/{org}/secret-scanning/alerts',
    read: (a) =>
      alertBase(a, null, String(a.secret_type_display_name ?? a.secret_type ?? 'secret'), [a.resolved_at]),
  },
];

function alertBase(
  a: Row,
  severity: string | null,
  title: string,
  closed: unknown[],
): Omit<PeriodAlert, 'kind'> {
  return {
    repo: String((a.repository as { full_name?: string } | undefined)?.full_name ?? ''),
    number: a.number as number,
    state: a.state as string,
    severity,
    title,
    html_url: a.html_url as string,
    created_at: a.created_at as string,
    closed_at: (closed.find((t) => typeof t === 'string') as string | undefined) ?? null,
  };
}

/**
 * Every alert of the three organization listings in any state (no `state` filter: GitHub then lists
 * open, fixed and dismissed ones; https://docs.github.com/rest/dependabot/alerts#list-dependabot-alerts-for-an-organization),
 * kept when it was opened or closed in the period or was open through it. The leaked value of a secret
 * never crosses the wire (`hide_secret`).
 */
export const periodAlertsCollector = defineCollector<'github.periodAlerts', GithubSession>({
  key: 'github.periodAlerts',
  async collect(ctx) {
    const period = periodOf(ctx);
    const { octokit, org } = ctx.session;
    const alerts: PeriodAlert[] = [];
    for (const listing of ALERT_LISTINGS) {
      ctx.progress(`${listing.kind} alerts in the period`);
      let found: Row[];
      try {
        found = (await octokit.paginate(listing.route, {
          org,
          per_page: 100,
          ...(listing.kind === 'secret-scanning' ? { hide_secret: true } : {}),
        })) as unknown as Row[];
      } catch (error) {
        const status = statusOf(error);
        if (status === 403 || status === 404)
          throw new SkipError(
            `cannot list ${listing.kind} alerts of ${org} (${status} ${apiMessage(error)}): needs an organization owner or security manager`,
          );
        throw describeFailure(listing.route.replace('{org}', org), error);
      }
      for (const raw of found) {
        const alert = { kind: listing.kind, ...listing.read(raw) };
        const openedBeforeEnd = alert.created_at.slice(0, 10) <= period.to;
        const closedAfterStart = !alert.closed_at || alert.closed_at.slice(0, 10) >= period.from;
        if (openedBeforeEnd && closedAfterStart) alerts.push(alert);
      }
    }
    return alerts;
  },
});
