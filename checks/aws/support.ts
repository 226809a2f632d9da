import type {
  AccountResult,
  ConfigCoverage,
  ConfigItem,
  ConfigResources,
  CredentialReportRow,
  PolicyDocument,
  PolicyStatement,
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
/** The root user's ARN in the account's partition (aws, aws-us-gov, aws-cn). */
export const rootArn = (accountId: string, partition = 'aws') => `arn:${partition}:iam::${accountId}:root`;
/** The partition an ARN is in (the credential report's root row carries the real one). */
export const partitionOf = (arn: string | undefined) => /^arn:([^:]+):/.exec(arn ?? '')?.[1] ?? 'aws';
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

export { globToRegExp } from '../../src/engine/glob.js';

/** A pass or fail finding about one configuration item, with the item's identity in the evidence. */
export function itemFinding(
  item: ConfigItem,
  ok: boolean,
  message: string,
  evidence: Record<string, unknown> = {},
): Finding {
  return {
    resource: itemResource(item),
    status: ok ? 'pass' : 'fail',
    message,
    details: itemEvidence(item, evidence),
  };
}

/** The name people know a resource by: a configuration property, else the recorded name or id. */
export function itemName(item: ConfigItem, key?: string): string {
  return (key ? config<string>(item, key) : undefined) ?? item.resourceName ?? item.resourceId;
}

const sameScope = (item: ConfigItem, scope: { accountId: string; region: string }) =>
  item.accountId === scope.accountId && item.awsRegion === scope.region;

/**
 * A regional service that must be on in every scanned account and region (GuardDuty, IAM Access
 * Analyzer): one finding per region, passing when an item of `resourceType` that `serves` the region is
 * recorded. Regions that cannot be read or do not record the type are reported as `resourceCheck` does.
 */
export function regionalCheck(
  resources: ConfigResources,
  resourceType: string,
  label: string,
  serves: (item: ConfigItem, scope: ConfigCoverage) => boolean,
): Finding[] {
  const findings = unrecordedScopes(resources, resourceType, label);
  const items = resources.items.filter((i) => i.resourceType === resourceType);
  for (const scope of resources.coverage.filter((s) => covers(s, resourceType))) {
    const serving = items.filter((item) => serves(item, scope));
    const present = items.filter((item) => sameScope(item, scope)).map((i) => i.resourceName ?? i.resourceId);
    findings.push({
      resource: scopeResource(scope),
      status: serving.length ? 'pass' : 'fail',
      message: serving.length
        ? `${label} on in ${scope.accountId} ${scope.region} (${serving.map((i) => i.resourceName ?? i.resourceId).join(', ')})`
        : `no ${label} on in ${scope.accountId} ${scope.region}${present.length ? ` (recorded but not on: ${present.join(', ')})` : ''}`,
      details: {
        accountId: scope.accountId,
        region: scope.region,
        resources: serving.map((i) => i.arn ?? i.resourceId),
      },
    });
  }
  return findings.length > 0
    ? findings
    : [{ resource: 'aws', status: 'fail', message: `no AWS region was scanned for ${label}` }];
}

/**
 * `resourceCheck` for a type judged against other recorded types (VPCs against flow logs, volumes
 * against backup selections): a region that does not record one of `related` is reported once, and its
 * items are not judged there, since what would cover them is invisible.
 */
export function relatedResourceCheck(
  resources: ConfigResources,
  resourceType: string,
  label: string,
  related: readonly string[],
  evaluate: (item: ConfigItem) => Finding | undefined,
): Finding[] {
  const blind = new Map<string, Finding>();
  for (const type of related) {
    for (const finding of unrecordedScopes(resources, type, label)) {
      if (!blind.has(finding.resource)) blind.set(finding.resource, finding);
    }
  }
  const findings = resourceCheck(resources, resourceType, label, (item) =>
    blind.has(scopeResource({ accountId: item.accountId, region: item.awsRegion }))
      ? undefined
      : evaluate(item),
  ).filter((f) => !blind.has(f.resource));
  return [...blind.values(), ...findings];
}

/** The statements of a policy document recorded as JSON text or as an object. */
export function policyStatements(policy: unknown): PolicyStatement[] {
  let document = policy;
  if (typeof policy === 'string') {
    try {
      document = JSON.parse(policy);
    } catch {
      return [];
    }
  }
  const statement = (document as PolicyDocument | undefined)?.Statement;
  if (!statement) return [];
  return Array.isArray(statement) ? statement : [statement];
}

/** The values of a policy element that may be one string or a list. */
export const policyValues = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);

/** Whether a statement's principal is everyone (`"*"` or `{"AWS": "*"}`). */
export function anyonePrincipal(statement: PolicyStatement): boolean {
  const principal = statement.Principal;
  if (principal === '*') return true;
  if (principal && typeof principal === 'object') {
    return policyValues((principal as Record<string, unknown>).AWS).includes('*');
  }
  return false;
}

/**
 * One finding per item of the type, passing when the configuration property `key` holds a value (a log
 * group, a key); `says` words the finding from the item's name and that value.
 */
export function settingCheck(
  resources: ConfigResources,
  resourceType: string,
  label: string,
  key: string,
  says: (name: string, value: string | undefined) => string,
  nameKey = 'name',
): Finding[] {
  return resourceCheck(resources, resourceType, label, (item) => {
    const value = config<string>(item, key) || undefined;
    const name = itemName(item, nameKey);
    return itemFinding(item, value !== undefined, says(name, value), { name, [key]: value ?? null });
  });
}
