import { defineCollector } from '../../engine/collector.js';
import { SkipError } from '../../engine/errors.js';
import type { GithubSession } from './client.js';
import { apiMessage, describeFailure, statusOf } from './failure.js';
import type { CodeScanningAlert, DependabotAlert, SecretScanningAlert } from './data.js';

type AlertRoute =
  | 'GET /orgs/{org}/dependabot/alerts'
  | 'GET /orgs/{org}/secret-scanning/alerts'
  | 'GET /orgs/{org}/code-scanning/alerts';

/**
 * One organization-wide listing of open alerts (GitHub pages these with a cursor: the Link header's
 * next URL carries `after`, which octokit.paginate follows). 403/404 means the feature or the
 * permission is missing, which skips the dependent checks with the permission named.
 */
async function listOpenAlerts(
  session: GithubSession,
  route: AlertRoute,
  label: string,
  needs: string,
  progress: (m: string) => void,
  extra: Record<string, string | boolean> = {},
): Promise<Record<string, unknown>[]> {
  const { octokit, org } = session;
  progress(`${label}`);
  try {
    const alerts = await octokit.paginate(route, { org, state: 'open', per_page: 100, ...extra });
    return alerts as unknown as Record<string, unknown>[];
  } catch (error) {
    const status = statusOf(error);
    if (status === 403 || status === 404) {
      throw new SkipError(`cannot list ${label} of ${org} (${status} ${apiMessage(error)}): needs ${needs}`);
    }
    throw describeFailure(`${route.replace('{org}', org)}`, error);
  }
}

const repoOf = (a: Record<string, unknown>) => ({
  full_name: String((a.repository as { full_name?: string } | undefined)?.full_name ?? ''),
});

export const dependabotAlertsCollector = defineCollector<'github.dependabotAlerts', GithubSession>({
  key: 'github.dependabotAlerts',
  async collect({ session, progress }) {
    const alerts = await listOpenAlerts(
      session,
      'GET /orgs/{org}/dependabot/alerts',
      'Dependabot alerts',
      'an organization owner or security manager (classic: security_events, plus repo for private repositories; fine-grained: "Dependabot alerts: read")',
      progress,
    );
    return alerts.map((a): DependabotAlert => {
      const dep = a.dependency as DependabotAlert['dependency'];
      const adv = a.security_advisory as DependabotAlert['security_advisory'];
      const vuln = a.security_vulnerability as DependabotAlert['security_vulnerability'];
      return {
        number: a.number as number,
        state: a.state as string,
        created_at: a.created_at as string,
        html_url: a.html_url as string,
        repository: repoOf(a),
        ...(dep
          ? {
              dependency: {
                package: { ecosystem: dep.package?.ecosystem, name: dep.package?.name },
                manifest_path: dep.manifest_path,
              },
            }
          : {}),
        ...(adv
          ? {
              security_advisory: {
                ghsa_id: adv.ghsa_id,
                cve_id: adv.cve_id ?? null,
                summary: adv.summary,
                severity: adv.severity,
              },
            }
          : {}),
        ...(vuln ? { security_vulnerability: { severity: vuln.severity } } : {}),
      };
    });
  },
});

export const secretScanningAlertsCollector = defineCollector<'github.secretScanningAlerts', GithubSession>({
  key: 'github.secretScanningAlerts',
  async collect({ session, progress }) {
    const alerts = await listOpenAlerts(
      session,
      'GET /orgs/{org}/secret-scanning/alerts',
      'secret scanning alerts',
      'an organization owner or security manager (classic: repo or security_events; fine-grained: "Secret scanning alerts: read")',
      progress,
      // The leaked value never crosses the wire (GitHub REST, list secret scanning alerts: hide_secret).
      { hide_secret: true },
    );
    // The alert's `secret` field holds the leaked value itself: it never enters the snapshot.
    return alerts.map((a): SecretScanningAlert => ({
      number: a.number as number,
      state: a.state as string,
      created_at: a.created_at as string,
      html_url: a.html_url as string,
      repository: repoOf(a),
      secret_type: a.secret_type as string | undefined,
      secret_type_display_name: a.secret_type_display_name as string | undefined,
      push_protection_bypassed: (a.push_protection_bypassed as boolean | null | undefined) ?? null,
    }));
  },
});

export const codeScanningAlertsCollector = defineCollector<'github.codeScanningAlerts', GithubSession>({
  key: 'github.codeScanningAlerts',
  async collect({ session, progress }) {
    const alerts = await listOpenAlerts(
      session,
      'GET /orgs/{org}/code-scanning/alerts',
      'code scanning alerts',
      'an organization owner or security manager (classic: security_events; fine-grained: "Code scanning alerts: read")',
      progress,
    );
    return alerts.map((a): CodeScanningAlert => {
      const rule = a.rule as CodeScanningAlert['rule'];
      const tool = a.tool as CodeScanningAlert['tool'];
      return {
        number: a.number as number,
        state: a.state as string,
        created_at: a.created_at as string,
        html_url: a.html_url as string,
        repository: repoOf(a),
        ...(rule
          ? {
              rule: {
                id: rule.id,
                severity: rule.severity ?? null,
                security_severity_level: rule.security_severity_level ?? null,
                description: rule.description,
              },
            }
          : {}),
        ...(tool ? { tool: { name: tool.name } } : {}),
      };
    });
  },
});
