import type {
  AccountResult,
  ConfigCoverage,
  ConfigItem,
  ConfigResources,
  CredentialReportRow,
} from '../../src/collectors/aws/data.js';
import { notChecked } from '../../src/engine/scope.js';
import type { FailureCause, Finding } from '../../src/engine/types.js';

/** Shared helpers for the AWS checks (pure). */

const NO_VALUE = new Set(['', 'N/A', 'no_information', 'not_supported']);
const DAY = 86_400_000;

export function reportDate(value: string | undefined): Date | undefined {
  if (value === undefined || NO_VALUE.has(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY);
}

/**
 * AWS's own sources disagree on the case of enum and boolean values (credential reports: observed
 * `true`, documented `TRUE`; Config statuses: SDK `Failure`, CLI `FAILURE`), so every comparison of
 * such a value ignores case. A boolean compares as its word.
 */
export function sameWord(value: unknown, expected: string): boolean {
  return (
    (typeof value === 'string' || typeof value === 'boolean') &&
    String(value).toLowerCase() === expected.toLowerCase()
  );
}

export const isTrue = (value: string | boolean | undefined) => sameWord(value, 'true');
export const ROOT_USER = '<root_account>';
export const rootArn = (accountId: string) => `arn:aws:iam::${accountId}:root`;
export const accountResource = (accountId: string) => `aws-account/${accountId}`;

/** The structured cause of an unreadable scope (snapshots from before causes were recorded have only the text). */
export function causeOf(scope: { error?: string; cause?: FailureCause }): FailureCause {
  return scope.cause ?? { kind: 'other', message: scope.error ?? 'not readable' };
}

/** An account that could not be read: an `error` finding with the cause, never a pass or a fail. */
export function accountNotChecked(
  accountId: string,
  scope: { error?: string; cause?: FailureCause },
  what: string,
): Finding {
  return notChecked(accountResource(accountId), causeOf(scope), what, { accountId });
}

/** An account-region that could not be read. */
export function regionNotChecked(
  scope: { accountId: string; region: string; error?: string; cause?: FailureCause },
  what: string,
): Finding {
  return notChecked(scopeResource(scope), causeOf(scope), what, {
    accountId: scope.accountId,
    region: scope.region,
  });
}

export function perAccount<T>(
  results: readonly AccountResult<T>[],
  what: string,
  evaluate: (accountId: string, value: T) => Finding[],
): Finding[] {
  const findings = results.flatMap((r) =>
    r.status === 'error' ? [accountNotChecked(r.accountId, r, what)] : evaluate(r.accountId, r.value),
  );
  return findings.length > 0
    ? findings
    : [{ resource: 'aws', status: 'fail', message: `no AWS accounts were scanned for ${what}` }];
}

export function userRows(rows: readonly CredentialReportRow[]): CredentialReportRow[] {
  return rows.filter((r) => r.user !== ROOT_USER);
}

export const KEY_SLOTS = [1, 2] as const;

function covers(scope: ConfigCoverage, resourceType: string): boolean {
  if (!scope.recording || scope.error || scope.cause) return false;
  if (scope.resourceTypes === 'all') return !(scope.excluded ?? []).includes(resourceType);
  return scope.resourceTypes.includes(resourceType);
}

export function scopeResource(scope: { accountId: string; region: string }): string {
  return `aws-account/${scope.accountId}/${scope.region}`;
}

/**
 * Findings for the scanned regions where `resourceType` was not seen: a region that could not be read is
 * an `error` finding (not checked); one where AWS Config does not record the type fails (a real gap).
 */
export function unrecordedScopes(resources: ConfigResources, resourceType: string, label: string): Finding[] {
  return resources.coverage
    .filter((scope) => !covers(scope, resourceType))
    .map((scope) =>
      scope.error || scope.cause
        ? regionNotChecked(scope, label)
        : {
            resource: scopeResource(scope),
            status: 'fail' as const,
            message: scope.recording
              ? `AWS Config does not record ${resourceType} in ${scope.accountId} ${scope.region}, so its ${label} were not checked`
              : `AWS Config is not recording in ${scope.accountId} ${scope.region}, so its ${label} were not checked`,
            details: { accountId: scope.accountId, region: scope.region, recording: scope.recording },
          },
    );
}

export function itemResource(item: ConfigItem): string {
  return item.arn ?? `${item.resourceType}/${item.accountId}/${item.awsRegion}/${item.resourceId}`;
}

export function itemEvidence(item: ConfigItem, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    accountId: item.accountId,
    region: item.awsRegion,
    resourceType: item.resourceType,
    resourceId: item.resourceId,
    ...extra,
  };
}

/**
 * The common shape of a configuration-item check: one finding per recorded resource of the type,
 * a failing finding per region that does not record it, and a pass on the covered scope if none exist.
 */
export function resourceCheck(
  resources: ConfigResources,
  resourceType: string,
  label: string,
  evaluate: (item: ConfigItem) => Finding | undefined,
): Finding[] {
  const findings: Finding[] = unrecordedScopes(resources, resourceType, label);
  const items = resources.items.filter((i) => i.resourceType === resourceType);
  for (const item of items) {
    const finding = evaluate(item);
    if (finding) findings.push(finding);
  }
  if (!findings.some((f) => f.resource !== 'aws' && !f.resource.startsWith('aws-account/'))) {
    const covered = resources.coverage.filter((s) => covers(s, resourceType));
    for (const scope of covered) {
      findings.push({
        resource: scopeResource(scope),
        status: 'pass',
        message: `no ${label} to check in ${scope.accountId} ${scope.region} (AWS Config records ${resourceType} there)`,
      });
    }
  }
  return findings.length > 0
    ? findings
    : [{ resource: 'aws', status: 'fail', message: `no AWS region was scanned for ${label}` }];
}

/** Configuration item values: advanced queries return objects; configuration history returns JSON strings. */
export function supplementary<T>(item: ConfigItem, key: string): T | undefined {
  const value = item.supplementaryConfiguration?.[key];
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as T;
    } catch {
      return undefined;
    }
  }
  return value as T | undefined;
}

export function config<T = unknown>(item: ConfigItem, key: string): T | undefined {
  return item.configuration?.[key] as T | undefined;
}

export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}
