import { startFakeAws, type FakeWorld } from '../../fakes/aws/server.js';
import {
  account,
  bucket,
  credentialReport,
  fakeAwsEnv,
  item,
  recordingRegion,
  securityGroup,
  trail,
} from '../../fakes/aws/world.js';
import type { Target } from '../harness.js';

const A = '111111111111';
const B = '222222222222';
const C = '333333333333';
const REGIONS = ['us-east-1', 'eu-west-1'];

/**
 * An organization of three accounts, AWS Config in two regions, IAM entities, non-compliant rules and
 * configuration items, with small server pages so every listing takes several requests. Every scope is
 * readable: test/faults/aws-scopes.test.ts breaks one at a time.
 */
export function world(): FakeWorld {
  return {
    callerAccount: A,
    pageSize: { iam: 2, config: 2, organizations: 2, compliance: 1 },
    accounts: [
      account(A, {
        name: 'prod',
        credentialReportCsv: credentialReport(
          A,
          [
            { user: 'alice', password: true, mfa: true, passwordLastUsed: '2026-10-30T10:00:00+00:00' },
            { user: 'bob', password: true, mfa: false, passwordLastUsed: '2026-10-01T10:00:00+00:00' },
            {
              user: 'deploy',
              key1Rotated: '2025-01-01T00:00:00+00:00',
              key1Used: '2026-11-01T00:00:00+00:00',
            },
          ],
          { mfa: true },
        ),
        reportPolls: 1,
        summary: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: 3 },
        passwordPolicy: { MinimumPasswordLength: 14, PasswordReusePrevention: 24, RequireSymbols: true },
        users: [
          { name: 'alice', groups: ['admins'] },
          { name: 'bob', groups: ['devs'] },
          {
            name: 'deploy',
            attached: [{ name: 'DeployPolicy', arn: `arn:aws:iam::${A}:policy/DeployPolicy` }],
          },
        ],
        groups: [
          {
            name: 'admins',
            attached: [{ name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
          },
          { name: 'devs' },
        ],
        roles: [
          {
            name: 'break-glass',
            inline: [
              {
                name: 'all',
                document: {
                  Version: '2012-10-17',
                  Statement: { Effect: 'Allow', Action: '*', Resource: '*' },
                },
              },
            ],
          },
        ],
        policies: [
          {
            name: 'DeployPolicy',
            arn: `arn:aws:iam::${A}:policy/DeployPolicy`,
            document: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: ['ecs:*'], Resource: '*' }],
            },
          },
        ],
        regions: {
          'us-east-1': recordingRegion({
            rules: {
              's3-bucket-versioning-enabled': [
                { resourceType: 'AWS::S3::Bucket', resourceId: 'logs', annotation: 'Versioning is off' },
                { resourceType: 'AWS::S3::Bucket', resourceId: 'tmp' },
                { resourceType: 'AWS::S3::Bucket', resourceId: 'scratch' },
              ],
              'encrypted-volumes': [],
              'restricted-ssh': [{ resourceType: 'AWS::EC2::SecurityGroup', resourceId: 'sg-ssh' }],
            },
            items: [
              bucket(A, 'us-east-1', 'data', { encrypted: true, blocked: true, versioned: true }),
              bucket(A, 'us-east-1', 'logs', { encrypted: false, blocked: false, versioned: false }),
              bucket(A, 'us-east-1', 'tmp', { encrypted: true, blocked: true, versioned: false }),
              securityGroup(A, 'us-east-1', 'sg-ssh', 22),
              securityGroup(A, 'us-east-1', 'sg-web'),
              trail(A, 'us-east-1', 'org-trail', true, true),
              item(A, 'us-east-1', 'AWS::RDS::DBInstance', 'db-main', {
                dBInstanceIdentifier: 'db-main',
                storageEncrypted: true,
                backupRetentionPeriod: 7,
                publiclyAccessible: false,
                multiAZ: false,
                engine: 'postgres',
              }),
            ],
          }),
          'eu-west-1': recordingRegion({
            items: [bucket(A, 'eu-west-1', 'eu-data', { encrypted: true, blocked: false, versioned: true })],
          }),
        },
      }),
      account(B, {
        name: 'staging',
        credentialReportCsv: credentialReport(B, [{ user: 'ci', key1Rotated: '2026-06-01T00:00:00+00:00' }], {
          mfa: false,
          lastUsed: '2026-10-20T00:00:00+00:00',
        }),
        summary: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 0, Users: 1 },
        users: [{ name: 'ci' }],
        regions: {
          'us-east-1': recordingRegion({
            items: [
              item(B, 'us-east-1', 'AWS::EC2::Volume', 'vol-1', { volumeId: 'vol-1', encrypted: false }),
              item(B, 'us-east-1', 'AWS::EC2::Volume', 'vol-2', { volumeId: 'vol-2', encrypted: true }),
              trail(B, 'us-east-1', 'single', false, true),
            ],
          }),
        },
      }),
      account(C, {
        name: 'sandbox',
        credentialReportCsv: credentialReport(C, [{ user: 'tester', password: true, mfa: false }], {
          mfa: true,
        }),
        summary: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: 1 },
        users: [{ name: 'tester' }],
        regions: {
          'us-east-1': recordingRegion({
            items: [
              item(C, 'us-east-1', 'AWS::EC2::Volume', 'vol-9', { volumeId: 'vol-9', encrypted: false }),
            ],
          }),
          'eu-west-1': recordingRegion({}),
        },
      }),
    ],
  };
}

/** The AWS target over a given world (by default the clean one above). */
export function awsTargetWith(make: () => FakeWorld = world): Target {
  return { ...awsTarget, start: async () => startedAt(make()) };
}

async function startedAt(w: FakeWorld) {
  const fake = await startFakeAws(w);
  return { url: fake.url, close: () => fake.close() };
}

export const awsTarget: Target = {
  provider: 'aws',
  start: () => startedAt(world()),
  config: () => ({ aws: { organization: true, regions: REGIONS } }),
  env: (url) => ({
    ...fakeAwsEnv(url),
    SOC2_AWS_RETRY_BASE_MS: '1',
    SOC2_AWS_POLL_MS: '1',
  }),
};
