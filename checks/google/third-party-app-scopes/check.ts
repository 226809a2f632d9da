import type { GoogleToken } from '../../../src/collectors/google/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import { perScope } from '../../../src/engine/scope.js';
import type { Finding } from '../../../src/engine/types.js';
import { plural } from '../helpers.js';

interface Options {
  highRiskScopes: string[];
  lowRiskScopes: string[];
  allowedApps: string[];
}

/**
 * An entry ending in `*` matches by prefix; any other entry matches the scope and its family, the scopes
 * named after it with a dot (`…/auth/gmail` matches `…/auth/gmail.readonly` and `…/auth/gmail.modify`).
 */
export function matchesScope(scope: string, pattern: string): boolean {
  return pattern.endsWith('*')
    ? scope.startsWith(pattern.slice(0, -1))
    : scope === pattern || scope.startsWith(`${pattern}.`);
}

/** High risk: matched by a `highRiskScopes` entry and by no `lowRiskScopes` entry. */
export function isHighRisk(
  scope: string,
  patterns: readonly string[],
  lowRisk: readonly string[] = [],
): boolean {
  return patterns.some((p) => matchesScope(scope, p)) && !lowRisk.some((p) => matchesScope(scope, p));
}

/** tokens.list only lists grants users gave; domain-wide delegation is granted by an admin, to no user. */
const DWD_NOTE =
  'Service accounts with domain-wide delegation do not appear in per-user grants (tokens.list): review them ' +
  'in Admin console > Security > Access and data control > API controls > Domain-wide delegation.';

const AUTH = 'https://www.googleapis.com/auth/';

function appName(token: GoogleToken): string {
  return `app:${token.displayText || token.clientId} (${token.clientId})`;
}

export default defineCheck<'google.tokens', Options>({
  id: 'google.third-party-app-scopes',
  title: 'Third-party apps do not hold high-risk Google Workspace scopes',
  provider: 'google',
  severity: 'high',
  description:
    "Reads every active user's OAuth grants to third-party apps (Directory API tokens.list) and fails each " +
    'app, and each user, holding a high-risk scope: by default the Drive and Gmail scope families (drive, ' +
    'drive.readonly, gmail.readonly, gmail.modify, …, and https://mail.google.com/) and any Admin SDK scope ' +
    '(`highRiskScopes`: an entry matches itself and the scopes named after it with a dot, a trailing * ' +
    'matches by prefix), except `lowRiskScopes` (drive.file, drive.appdata, drive.install, gmail.labels: ' +
    'files the app created or opened, its own data, labels). Apps in `allowedApps` (client ID or name) ' +
    'were reviewed and pass. A user whose grants could not be read is reported as not checked. ' +
    DWD_NOTE,
  risk:
    'An app with full Drive or Gmail access can read and exfiltrate all of a user’s files or mail; one ' +
    'with admin scopes can change the organization. A malicious or breached vendor inherits that access.',
  remediation:
    'Review each listed app. Revoke grants that are not needed (Admin console > Security > Access and data ' +
    'control > API controls > App access control, or per user under Security > Connected applications), ' +
    'block unreviewed apps from high-risk scopes, and add approved apps to allowedApps.',
  requires: ['google.tokens'],
  options: {
    schema: {
      highRiskScopes: { type: 'array', items: { type: 'string', minLength: 1 } },
      lowRiskScopes: { type: 'array', items: { type: 'string', minLength: 1 } },
      allowedApps: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
    defaults: {
      highRiskScopes: [`${AUTH}drive`, 'https://mail.google.com/', `${AUTH}gmail`, `${AUTH}admin.*`],
      lowRiskScopes: [
        `${AUTH}drive.file`,
        `${AUTH}drive.appdata`,
        `${AUTH}drive.install`,
        `${AUTH}gmail.labels`,
      ],
      allowedApps: [],
    },
  },
  evaluate({ 'google.tokens': perUser }, { highRiskScopes, lowRiskScopes, allowedApps }, { organization }) {
    const tokens = perUser.flatMap((u) => (u.status === 'ok' ? u.value : []));
    const allRead = perUser.every((u) => u.status === 'ok');
    if (tokens.length === 0 && allRead)
      return [
        {
          resource: organization,
          status: 'pass',
          message: `No third-party app grants by users. ${DWD_NOTE}`,
        },
      ];
    const allowed = (t: GoogleToken) =>
      allowedApps.includes(t.clientId) || allowedApps.includes(t.displayText);
    const risky = (t: GoogleToken) => t.scopes.filter((s) => isHighRisk(s, highRiskScopes, lowRiskScopes));

    // An app's findings cover the users whose grants could be read; the others have their own error finding.
    const apps = new Map<string, GoogleToken[]>();
    for (const t of tokens) apps.set(appName(t), [...(apps.get(appName(t)) ?? []), t]);

    const appFindings = [...apps]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([resource, grants]): Finding => {
        const scopes = [...new Set(grants.flatMap(risky))].sort();
        const holders = grants
          .filter((g) => risky(g).length > 0)
          .map((g) => g.user)
          .sort();
        const details = {
          clientId: grants[0]!.clientId,
          highRiskScopes: scopes,
          users: holders,
          note: DWD_NOTE,
        };
        if (scopes.length === 0)
          return {
            resource,
            status: 'pass',
            message: `No high-risk scopes (${plural(grants.length, 'user')})`,
          };
        if (allowed(grants[0]!))
          return { resource, status: 'pass', message: `Approved app holds ${scopes.join(', ')}`, details };
        return {
          resource,
          status: 'fail',
          message: `Holds ${scopes.join(', ')} for ${plural(holders.length, 'user')}`,
          details,
        };
      });

    const userFindings = perScope(perUser, 'Third-party app grants', (grants, resource): Finding[] => {
      if (grants.length === 0) return [];
      const offending = grants
        .filter((g) => !allowed(g) && risky(g).length > 0)
        .map((g) => ({ app: g.displayText || g.clientId, clientId: g.clientId, scopes: risky(g) }));
      if (offending.length === 0)
        return [{ resource, status: 'pass', message: 'No unapproved app holds a high-risk scope' }];
      return [
        {
          resource,
          status: 'fail',
          message: `Granted high-risk scopes to ${offending.map((o) => `${o.app} (${o.scopes.join(', ')})`).join('; ')}`,
          details: { apps: offending },
        },
      ];
    });
    return [...appFindings, ...userFindings];
  },
});
