import type { FakeAccount, FakeRegion, FakeWorld } from './server.js';

/** Small builders for fake AWS accounts: credential reports, Config regions, configuration items. */

export const CSV_HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

export interface UserRow {
  user: string;
  password?: boolean;
  mfa?: boolean;
  passwordLastUsed?: string;
  key1Rotated?: string;
  key1Used?: string;
}

export function credentialReport(
  account: string,
  users: UserRow[],
  root: { mfa: boolean; key?: boolean; lastUsed?: string },
): string {
  const rootLine = [
    '<root_account>',
    `arn:aws:iam::${account}:root`,
    '2020-01-01T00:00:00+00:00',
    'not_supported',
    root.lastUsed ?? 'no_information',
    'not_supported',
    'not_supported',
    String(root.mfa),
    String(Boolean(root.key)),
    root.key ? '2021-01-01T00:00:00+00:00' : 'N/A',
    'N/A',
    'N/A',
    'N/A',
    'false',
    'N/A',
    'N/A',
    'N/A',
    'N/A',
    'false',
    'N/A',
    'false',
    'N/A',
  ].join(',');
  const lines = users.map((u) =>
    [
      u.user,
      `arn:aws:iam::${account}:user/${u.user}`,
      '2025-01-15T10:00:00+00:00',
      String(Boolean(u.password)),
      u.password ? (u.passwordLastUsed ?? 'no_information') : 'N/A',
      u.password ? '2025-01-15T10:00:00+00:00' : 'N/A',
      'N/A',
      String(Boolean(u.mfa)),
      String(Boolean(u.key1Rotated)),
      u.key1Rotated ?? 'N/A',
      u.key1Used ?? 'N/A',
      u.key1Used ? 'us-east-1' : 'N/A',
      u.key1Used ? 's3' : 'N/A',
      'false',
      'N/A',
      'N/A',
      'N/A',
      'N/A',
      'false',
      'N/A',
      'false',
      'N/A',
    ].join(','),
  );
  return [CSV_HEADER, rootLine, ...lines].join('\n') + '\n';
}

const epoch = (iso: string) => Date.parse(iso) / 1000;

export function recordingRegion(extra: Partial<FakeRegion> = {}): FakeRegion {
  return {
    recorders: [
      {
        name: 'default',
        roleARN:
          'arn:aws:iam::111111111111:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig',
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [] },
      },
    ],
    recorderStatus: [
      {
        name: 'default',
        recording: true,
        lastStatus: 'SUCCESS',
        lastStartTime: epoch('2026-01-01T00:00:00Z'),
      },
    ],
    channels: [
      {
        name: 'default',
        s3BucketName: 'config-bucket',
        configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
      },
    ],
    channelStatus: [
      {
        name: 'default',
        configHistoryDeliveryInfo: { lastStatus: 'SUCCESS', lastAttemptTime: epoch('2026-11-02T08:00:00Z') },
        configSnapshotDeliveryInfo: { lastStatus: 'SUCCESS', lastAttemptTime: epoch('2026-11-02T08:00:00Z') },
        configStreamDeliveryInfo: { lastStatus: 'NOT_APPLICABLE' },
      },
    ],
    ...extra,
  };
}

export function item(
  account: string,
  region: string,
  resourceType: string,
  resourceId: string,
  configuration: object,
  supplementaryConfiguration: object = {},
): object {
  const service = resourceType.split('::')[1]!.toLowerCase();
  return {
    accountId: account,
    awsRegion: region,
    resourceType,
    resourceId,
    resourceName: resourceId,
    arn: `arn:aws:${service}:${region}:${account}:${resourceId}`,
    // AWS Config developer guide, configuration item components: OK | ResourceDiscovered |
    // ResourceNotRecorded | ResourceDeleted | ResourceDeletedNotRecorded.
    configurationItemStatus: 'OK',
    configuration,
    supplementaryConfiguration,
    tags: [],
  };
}

export const bucket = (
  account: string,
  region: string,
  name: string,
  opts: { encrypted: boolean; blocked: boolean; versioned: boolean },
) =>
  item(
    account,
    region,
    'AWS::S3::Bucket',
    name,
    { name },
    {
      ...(opts.encrypted
        ? {
            ServerSideEncryptionConfiguration: {
              rules: [
                { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' }, bucketKeyEnabled: false },
              ],
            },
          }
        : {}),
      ...(opts.blocked
        ? {
            PublicAccessBlockConfiguration: {
              blockPublicAcls: true,
              ignorePublicAcls: true,
              blockPublicPolicy: true,
              restrictPublicBuckets: true,
            },
          }
        : {}),
      BucketVersioningConfiguration: { status: opts.versioned ? 'Enabled' : 'Off', isMfaDeleteEnabled: null },
    },
  );

export const securityGroup = (account: string, region: string, id: string, openPort?: number) =>
  item(account, region, 'AWS::EC2::SecurityGroup', id, {
    groupId: id,
    groupName: id,
    vpcId: 'vpc-1',
    ipPermissions: openPort
      ? [
          {
            ipProtocol: 'tcp',
            fromPort: openPort,
            toPort: openPort,
            ipRanges: ['0.0.0.0/0'],
            ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
            ipv6Ranges: [],
            userIdGroupPairs: [],
            prefixListIds: [],
          },
        ]
      : [
          {
            ipProtocol: 'tcp',
            fromPort: 443,
            toPort: 443,
            ipRanges: ['0.0.0.0/0'],
            ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
            ipv6Ranges: [],
            userIdGroupPairs: [],
            prefixListIds: [],
          },
        ],
    ipPermissionsEgress: [
      { ipProtocol: '-1', ipRanges: ['0.0.0.0/0'], ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] },
    ],
  });

export const trail = (
  account: string,
  region: string,
  name: string,
  multiRegion: boolean,
  validation: boolean,
) =>
  item(account, region, 'AWS::CloudTrail::Trail', name, {
    name,
    isMultiRegionTrail: multiRegion,
    logFileValidationEnabled: validation,
    isOrganizationTrail: false,
    homeRegion: region,
    trailARN: `arn:aws:cloudtrail:${region}:${account}:trail/${name}`,
    s3BucketName: 'trail-bucket',
  });

export function account(id: string, extra: Partial<FakeAccount> = {}): FakeAccount {
  return {
    id,
    name: `acct-${id}`,
    credentialReportCsv: credentialReport(id, [], { mfa: true }),
    summary: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: 0 },
    passwordPolicy: null,
    users: [],
    groups: [],
    roles: [],
    policies: [],
    regions: {},
    ...extra,
  };
}

export type { FakeWorld };

/**
 * Environment that points the AWS SDK at a fake: test credentials, the fake's URL as the endpoint, no
 * shared config or credentials files, no instance metadata.
 */
export const fakeAwsEnv = (url: string): Record<string, string> => ({
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_REGION: 'us-east-1',
  AWS_ENDPOINT_URL: url,
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
});
