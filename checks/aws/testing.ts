import type {
  AccountResult,
  AuthorizationDetails,
  ConfigCoverage,
  ConfigItem,
  ConfigResources,
  CredentialReport,
  CredentialReportRow,
} from '../../src/collectors/aws/data.js';
import type { CheckCase } from '../../test/harness/check-tester.js';

/** Snapshot builders for the AWS check tests. */

export const ACCOUNT = '111111111111';
export const REGION = 'us-east-1';

export function row(user: string, fields: Partial<CredentialReportRow> = {}): CredentialReportRow {
  const na = 'N/A';
  return {
    user,
    arn: user === '<root_account>' ? `arn:aws:iam::${ACCOUNT}:root` : `arn:aws:iam::${ACCOUNT}:user/${user}`,
    user_creation_time: '2025-01-01T00:00:00+00:00',
    password_enabled: 'false',
    password_last_used: na,
    password_last_changed: na,
    password_next_rotation: na,
    mfa_active: 'false',
    access_key_1_active: 'false',
    access_key_1_last_rotated: na,
    access_key_1_last_used_date: na,
    access_key_1_last_used_region: na,
    access_key_1_last_used_service: na,
    access_key_2_active: 'false',
    access_key_2_last_rotated: na,
    access_key_2_last_used_date: na,
    access_key_2_last_used_region: na,
    access_key_2_last_used_service: na,
    cert_1_active: 'false',
    cert_1_last_rotated: na,
    cert_2_active: 'false',
    cert_2_last_rotated: na,
    ...fields,
  } as CredentialReportRow;
}

export const root = (fields: Partial<CredentialReportRow> = {}) =>
  row('<root_account>', {
    password_enabled: 'not_supported',
    password_last_used: 'no_information',
    mfa_active: 'true',
    ...fields,
  });

export function report(rows: CredentialReportRow[]): AccountResult<CredentialReport>[] {
  return [{ accountId: ACCOUNT, status: 'ok', value: { rows } }];
}

export function accountError<T>(error = 'account not checked: cannot assume role'): AccountResult<T>[] {
  return [
    {
      accountId: '333333333333',
      status: 'error',
      error,
      cause: { kind: 'permission', status: 403, code: 'AccessDenied', message: error },
    },
  ];
}

export function details(partial: Partial<AuthorizationDetails>): AccountResult<AuthorizationDetails>[] {
  return [
    {
      accountId: ACCOUNT,
      status: 'ok',
      value: { users: [], groups: [], roles: [], policies: [], ...partial },
    },
  ];
}

export function ci(
  resourceType: string,
  resourceId: string,
  configuration: Record<string, unknown> = {},
  supplementaryConfiguration: Record<string, unknown> = {},
  where: { accountId?: string; region?: string } = {},
): ConfigItem {
  const accountId = where.accountId ?? ACCOUNT;
  const region = where.region ?? REGION;
  return {
    accountId,
    awsRegion: region,
    resourceType,
    resourceId,
    resourceName: resourceId,
    arn: `arn:aws:${resourceType.split('::')[1]!.toLowerCase()}:${region}:${accountId}:${resourceId}`,
    configuration,
    supplementaryConfiguration,
  };
}

export const recording = (accountId = ACCOUNT, region = REGION): ConfigCoverage => ({
  accountId,
  region,
  recording: true,
  resourceTypes: 'all',
});
export const notRecording = (accountId = ACCOUNT, region = 'eu-west-1'): ConfigCoverage => ({
  accountId,
  region,
  recording: false,
  resourceTypes: [],
});

export function resources(items: ConfigItem[], coverage: ConfigCoverage[] = [recording()]): ConfigResources {
  return { source: 'account', coverage, items };
}

export const arnOf = (resourceType: string, id: string, accountId = ACCOUNT, region = REGION) =>
  `arn:aws:${resourceType.split('::')[1]!.toLowerCase()}:${region}:${accountId}:${id}`;

/**
 * The cases every AWS Config resource check shares: a compliant and a non-compliant item, and each way
 * a region can leave the resource type unchecked (never a silent pass).
 */
export function resourceCheckCases(
  resourceType: string,
  good: ConfigItem,
  bad: ConfigItem,
): CheckCase<'aws.config.resources', object>[] {
  return [
    {
      name: 'compliant resource passes',
      data: { 'aws.config.resources': resources([good]) },
      status: 'pass',
      passing: [arnOf(resourceType, good.resourceId)],
    },
    {
      name: 'non-compliant resource fails',
      data: { 'aws.config.resources': resources([good, bad]) },
      status: 'fail',
      failing: [arnOf(resourceType, bad.resourceId)],
    },
    {
      name: 'nothing recorded passes on the recorded region',
      data: { 'aws.config.resources': resources([]) },
      status: 'pass',
      passing: ['aws-account/111111111111/us-east-1'],
    },
    {
      name: 'a region without Config fails explicitly',
      data: { 'aws.config.resources': resources([good], [recording(), notRecording()]) },
      status: 'fail',
      failing: ['aws-account/111111111111/eu-west-1'],
      message: /not recording/,
    },
    {
      name: 'a recorder that skips the type fails explicitly',
      data: {
        'aws.config.resources': resources(
          [],
          [
            {
              accountId: '111111111111',
              region: 'us-east-1',
              recording: true,
              resourceTypes: ['AWS::IAM::User'],
            },
          ],
        ),
      },
      status: 'fail',
      message: /does not record/,
    },
    {
      name: 'an unreadable region is not checked (error with its cause), never a pass or a fail',
      data: {
        'aws.config.resources': resources(
          [],
          [
            {
              ...recording(),
              error: 'config:SelectResourceConfig failed: ServiceUnavailable',
              cause: {
                kind: 'unavailable',
                status: 503,
                code: 'ServiceUnavailable',
                message: 'Service Unavailable',
              },
            },
          ],
        ),
      },
      status: 'error',
      failing: [],
      notChecked: [`aws-account/${ACCOUNT}/${REGION}`],
    },
  ];
}
