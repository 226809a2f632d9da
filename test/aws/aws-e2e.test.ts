import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubAwsEnv as env } from './stub-env.js';
import { allChecks } from '../../checks/index.js';
import { providers } from '../../src/collectors/index.js';
import { loadCatalog } from '../../src/core/catalog.js';
import { defaultConfig, type Config } from '../../src/core/config.js';
import { withSegments } from '../../src/engine/segmented.js';
import { runScan } from '../../src/engine/scan.js';
import { startFakeAws, type FakeAws, type FakeWorld } from '../fakes/aws/server.js';
import {
  account,
  bucket,
  credentialReport,
  item,
  recordingRegion,
  securityGroup,
  trail,
} from '../fakes/aws/world.js';

const NOW = new Date('2026-11-02T09:00:00.000Z');
const catalog = loadCatalog({ checks: allChecks });

let fake: FakeAws | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await fake?.close();
  fake = undefined;
});

async function scan(
  world: FakeWorld,
  aws: Config['providers']['aws'],
  extraEnv: (url: string) => Record<string, string> = () => ({}),
  shard?: Config['shard'],
  scope?: Config['scope'],
) {
  fake = await startFakeAws(world);
  const config: Config = { ...defaultConfig(), organization: 'Test Co', providers: { aws }, shard, scope };
  const outcome = await runScan({
    config,
    catalog,
    checks: allChecks,
    providers,
    selection: { providers: ['aws'] },
    env: env(fake.url, extraEnv(fake.url)),
    clock: () => NOW,
  });
  const { result } = outcome;
  const snapshot = withSegments(outcome.snapshot, outcome.segments);
  const check = (id: string) => result.checks.find((c) => c.id === id)!;
  const failing = (id: string) =>
    check(id)
      .findings.filter((f) => f.status === 'fail')
      .map((f) => f.resource);
  return { result, snapshot, check, failing, requests: fake.requests };
}

const A = '111111111111';
const B = '222222222222';
const C = '333333333333';

function orgWorld(): FakeWorld {
  return {
    callerAccount: A,
    aggregator: undefined,
    throttle: {
      'iam:GetAccountAuthorizationDetails': 2,
      'config:SelectResourceConfig': 1,
      'sts:AssumeRole': 1,
    },
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
        summary: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: 3 },
        passwordPolicy: {
          MinimumPasswordLength: 14,
          PasswordReusePrevention: 24,
          RequireSymbols: true,
          RequireNumbers: true,
          RequireUppercaseCharacters: true,
          RequireLowercaseCharacters: true,
          AllowUsersToChangePassword: true,
          ExpirePasswords: false,
        },
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
          {
            name: 'devs',
            inline: [
              {
                name: 'read',
                document: {
                  Version: '2012-10-17',
                  Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }],
                },
              },
            ],
          },
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
          // Nothing the checks read, but the default network ACL every region has: the aggregator holds it.
          'eu-west-1': recordingRegion({
            items: [item(A, 'eu-west-1', 'AWS::EC2::NetworkAcl', 'acl-default', { isDefault: true })],
          }),
        },
      }),
      account(B, {
        name: 'staging',
        credentialReportCsv: credentialReport(B, [], { mfa: false, lastUsed: '2026-10-20T00:00:00+00:00' }),
        summary: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 0, Users: 0 },
        denied: ['iam:GetAccountPasswordPolicy'],
        regions: {
          'us-east-1': recordingRegion({
            items: [
              item(B, 'us-east-1', 'AWS::EC2::Volume', 'vol-1', { volumeId: 'vol-1', encrypted: false }),
              // A volume deleted since: its last configuration item remains, and is never judged.
              {
                ...item(B, 'us-east-1', 'AWS::EC2::Volume', 'vol-deleted', { encrypted: false }),
                configurationItemStatus: 'ResourceDeleted',
              },
              trail(B, 'us-east-1', 'single', false, true),
            ],
          }),
          // eu-west-1: AWS Config was never enabled here.
        },
      }),
      account(C, { name: 'sandbox', assumable: false }),
    ],
  };
}

describe('AWS provider end to end (real SDK clients against the local wire-protocol fake)', () => {
  it('scans an organization: pagination, throttling, an unassumable account, a region without Config', async () => {
    const { result, check, failing, snapshot, requests } = await scan(orgWorld(), {
      organization: true,
      regions: ['us-east-1', 'eu-west-1'],
    });

    const accounts = snapshot.data['aws.accounts'];
    expect(accounts?.status).toBe('ok');
    // Only regions enabled in every account are scanned: no opt-in status to ask for.
    expect(requests.filter((r) => r.action === 'ListRegions')).toEqual([]);
    const value = (accounts as { value: { accounts: { id: string; error?: string }[] } }).value;
    expect(value.accounts.map((a) => a.id)).toEqual([A, B, C]);
    expect(value.accounts.find((a) => a.id === C)?.error).toMatch(
      /cannot assume arn:aws:iam::333333333333:role\/soc2-audit: sts:AssumeRole denied/,
    );

    // The unassumable account C is not checked: `error` findings with the cause, never pass or fail.
    const notChecked = (id: string) =>
      check(id)
        .findings.filter((f) => f.status === 'error')
        .map((f) => f.resource)
        .sort();
    for (const c of result.checks.filter((x) => x.provider === 'aws')) {
      expect(c.status, c.id).toBe('error');
      for (const f of c.findings.filter((x) => x.status === 'error'))
        expect(f.cause, `${c.id} ${f.resource}`).toMatchObject({ kind: 'permission', code: 'AccessDenied' });
    }

    // IAM
    expect(failing('aws.iam-root-mfa').sort()).toEqual([`arn:aws:iam::${B}:root`]);
    expect(notChecked('aws.iam-root-mfa')).toEqual([`aws-account/${C}`]);
    expect(failing('aws.iam-console-mfa')).toEqual([`arn:aws:iam::${A}:user/bob`]);
    expect(failing('aws.iam-access-key-rotation')).toEqual([`arn:aws:iam::${A}:user/deploy/access_key_1`]);
    expect(failing('aws.iam-root-recent-use')).toEqual([`arn:aws:iam::${B}:root`]);
    expect(failing('aws.iam-user-attached-policies')).toEqual([`arn:aws:iam::${A}:user/deploy`]);
    expect(failing('aws.iam-admin-access').sort()).toEqual(
      [`arn:aws:iam::${A}:user/alice`, `arn:aws:iam::${A}:role/break-glass`].sort(),
    );
    const policy = check('aws.iam-password-policy');
    expect(policy.findings.find((f) => f.resource === `aws-account/${A}`)?.status).toBe('pass');
    const denied = policy.findings.find((f) => f.resource === `aws-account/${B}`)!;
    expect(denied.status).toBe('error');
    expect(denied.message).toMatch(/iam:GetAccountPasswordPolicy denied/);
    expect(notChecked('aws.iam-password-policy')).toEqual([`aws-account/${B}`, `aws-account/${C}`]);
    expect(policy.findings.find((f) => f.resource === `aws-account/${C}`)?.message).toMatch(
      /not checked.*sts:AssumeRole denied/,
    );

    // AWS Config
    expect(failing('aws.config-recording').sort()).toEqual([`aws-account/${B}/eu-west-1`]);
    expect(notChecked('aws.config-recording')).toEqual([
      `aws-account/${C}/eu-west-1`,
      `aws-account/${C}/us-east-1`,
    ]);
    expect(
      check('aws.config-recording').findings.find((f) => f.resource === `aws-account/${B}/eu-west-1`)
        ?.message,
    ).toMatch(/no configuration recorder/);
    expect(
      failing('aws.config-rule-compliance')
        .filter((r) => r.startsWith(`aws-account/${A}`))
        .sort(),
    ).toEqual(['logs', 'scratch', 'tmp'].map((b) => `aws-account/${A}/us-east-1/AWS::S3::Bucket/${b}`));
    const s3enc = check('aws.s3-encryption');
    expect(failing('aws.s3-encryption')).toContain('arn:aws:s3:us-east-1:111111111111:logs');
    expect(s3enc.findings.find((f) => f.resource === `aws-account/${B}/eu-west-1`)?.message).toMatch(
      /not recording in 222222222222 eu-west-1/,
    );
    expect(failing('aws.ec2-open-admin-ports')).toContain('arn:aws:ec2:us-east-1:111111111111:sg-ssh');
    expect(failing('aws.ec2-open-admin-ports')).not.toContain('arn:aws:ec2:us-east-1:111111111111:sg-web');
    expect(failing('aws.ebs-encryption')).toContain('arn:aws:ec2:us-east-1:222222222222:vol-1');
    expect(JSON.stringify(check('aws.ebs-encryption').findings)).not.toContain('vol-deleted');
    expect(failing('aws.rds-multi-az')).toContain('arn:aws:rds:us-east-1:111111111111:db-main');
    expect(check('aws.rds-encryption').findings.find((f) => f.resource.endsWith('db-main'))?.status).toBe(
      'pass',
    );
    expect(failing('aws.cloudtrail-multi-region').sort()).toEqual([`aws-account/${B}`]);
    expect(notChecked('aws.cloudtrail-multi-region')).toEqual([`aws-account/${C}`]);
    expect(result.summary.exitCode).toBe(3);

    // Requests: pages and retries as the fake's page sizes dictate.
    const count = (service: string, action: string, account?: string) =>
      requests.filter(
        (r) => r.service === service && r.action === action && (!account || r.account === account),
      ).length;
    expect(count('organizations', 'ListAccounts')).toBe(2); // 3 accounts, 2 per page
    expect(count('sts', 'AssumeRole')).toBe(3); // B and C, plus one throttled retry
    // Throttles land on whichever account asks first, so retries are counted across accounts.
    // A: 3 users + 2 groups + 1 role + 1 policy = 7 entities at 2 per page = 4 pages; B: 1 page; 2 throttled
    expect(count('iam', 'GetAccountAuthorizationDetails')).toBe(4 + 1 + 2);
    // A us-east-1: 7 items at 2 per page = 4; A eu-west-1: 1; B us-east-1: 3 items (one deleted) = 2; B eu-west-1 not recording: 0; 1 throttled
    expect(count('config', 'SelectResourceConfig')).toBe(4 + 1 + 2 + 1);
    expect(count('config', 'DescribeConfigurationRecorders', B)).toBe(2);
    expect(count('config', 'DescribeConfigurationRecorderStatus', B)).toBe(1); // not asked where there is no recorder
    expect(count('config', 'DescribeComplianceByConfigRule', B)).toBe(1); // nor rule compliance
    expect(requests.filter((r) => r.account === C)).toEqual([]);
    const stats = result.providers.find((p) => p.id === 'aws')?.stats;
    expect(stats?.requests).toBe(requests.length);
    expect(stats?.retries).toBe(4);
    // One connection pool for all of the scan's SDK clients (STS, Organizations, and IAM and Config in 2
    // regions for each of 2 accounts): connections are reused across accounts and services. With one
    // pool per client this scan opened 16 connections for its 47 requests; now 9, about the most
    // requests it has in flight at once.
    expect(fake!.connections()).toBeLessThanOrEqual(10);
    console.log(
      'aws e2e org requests:',
      JSON.stringify(
        Object.fromEntries(Object.entries(stats ?? {}).filter(([k]) => k.startsWith('requests.'))),
      ),
    );
  });

  it('splits the organization accounts across shards, disjoint and complete', async () => {
    const accountsOf = async (shard?: Config['shard']) => {
      const { snapshot } = await scan(
        orgWorld(),
        { organization: true, regions: ['us-east-1'] },
        () => ({}),
        shard,
      );
      await fake?.close();
      fake = undefined;
      const entry = snapshot.data['aws.accounts'] as { value: { accounts: { id: string }[] } };
      return entry.value.accounts.map((a) => a.id);
    };
    const first = await accountsOf({ index: 1, count: 2 });
    const second = await accountsOf({ index: 2, count: 2 });
    expect(first.filter((id) => second.includes(id))).toEqual([]);
    expect([...first, ...second].sort()).toEqual([A, B, C]);
  });

  it('does not collect accounts and regions the scope leaves out, and lists them as out of scope', async () => {
    const { result, snapshot, requests } = await scan(
      orgWorld(),
      { organization: true, regions: ['us-east-1', 'eu-west-1'] },
      () => ({}),
      undefined,
      { aws: { accounts: { exclude: [C] }, regions: { include: ['us-*'] } } },
    );
    const value = (
      snapshot.data['aws.accounts'] as { value: { accounts: { id: string }[]; regions: string[] } }
    ).value;
    expect(value.accounts.map((a) => a.id)).toEqual([A, B]);
    expect(value.regions).toEqual(['us-east-1']);
    // C's role is never assumed and nothing is asked of eu-west-1.
    expect(requests.filter((r) => r.account === C)).toEqual([]);
    expect(requests.filter((r) => r.region === 'eu-west-1')).toEqual([]);
    expect(result.outOfScope.resources).toEqual([
      { resource: `aws-account/${C}`, rule: `scope.aws.accounts.exclude: ${C}` },
      { resource: 'aws-region/eu-west-1', rule: 'scope.aws.regions.include (us-*)' },
    ]);
    // The unassumable account C is out of scope, not unread: no finding names it, checked or not.
    const findings = result.checks.flatMap((c) => c.findings);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter((f) => f.resource.includes(C) || f.resource.includes('eu-west-1'))).toEqual([]);
  });

  it('skips a key whose permission is missing, naming the denied action', async () => {
    const world: FakeWorld = {
      callerAccount: A,
      accounts: [
        account(A, { denied: ['iam:GetAccountAuthorizationDetails', 'iam:GenerateCredentialReport'] }),
      ],
    };
    const { check } = await scan(world, { regions: ['us-east-1'] });
    for (const id of ['aws.iam-admin-access', 'aws.iam-user-attached-policies']) {
      expect(check(id).status).toBe('skipped');
      expect(check(id).reason).toBe('iam:GetAccountAuthorizationDetails denied');
    }
    expect(check('aws.iam-console-mfa').status).toBe('skipped');
    expect(check('aws.iam-console-mfa').reason).toBe('iam:GenerateCredentialReport denied');
    expect(check('aws.iam-password-policy').status).toBe('fail'); // no policy (NoSuchEntity) is data
    expect(check('aws.iam-password-policy').findings[0]?.message).toMatch(/no IAM password policy/);
    expect(check('aws.iam-root-mfa').status).toBe('pass');
    // Config never enabled in the only region: resource checks say so instead of passing.
    expect(check('aws.s3-encryption').status).toBe('fail');
    expect(check('aws.s3-encryption').findings[0]?.message).toMatch(
      /not recording in 111111111111 us-east-1/,
    );
  });

  it("tells a root user's virtual MFA device from a hardware one (ListVirtualMFADevices, paged)", async () => {
    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListVirtualMFADevices.html
    const world: FakeWorld = {
      callerAccount: A,
      pageSize: { iam: 1 },
      accounts: [
        account(A, {
          virtualMfaDevices: [
            { name: 'alice', user: 'alice' },
            { name: 'spare' }, // unassigned: not asked for
            { name: 'bob', user: 'bob' },
            { name: 'root-account-mfa-device', user: 'root' },
          ],
        }),
        account(B, { virtualMfaDevices: [{ name: 'carol', user: 'carol' }] }),
        account(C, { denied: ['iam:ListVirtualMFADevices'] }),
      ],
    };
    const { check, requests, snapshot } = await scan(world, { organization: true, regions: ['us-east-1'] });
    const listings = requests.filter((r) => r.action === 'ListVirtualMFADevices');
    expect(listings.filter((r) => r.account === A)).toHaveLength(3); // 3 assigned devices, 1 per page
    const devices = snapshot.data['aws.iam.virtualMfaDevices'] as {
      value: { accountId: string; status: string; value?: { serialNumber: string; userArn?: string }[] }[];
    };
    expect(devices.value.find((r) => r.accountId === A)?.value).toEqual([
      expect.objectContaining({
        serialNumber: `arn:aws:iam::${A}:mfa/alice`,
        userArn: `arn:aws:iam::${A}:user/alice`,
      }),
      expect.objectContaining({ serialNumber: `arn:aws:iam::${A}:mfa/bob` }),
      expect.objectContaining({
        serialNumber: `arn:aws:iam::${A}:mfa/root-account-mfa-device`,
        userArn: `arn:aws:iam::${A}:root`,
        enableDate: '2025-02-01T09:00:00.000Z',
      }),
    ]);
    const root = (account: string) =>
      check('aws.iam-root-mfa').findings.find((f) => f.resource === `arn:aws:iam::${account}:root`)!;
    expect(root(A)).toMatchObject({ status: 'fail', details: { mfaType: 'virtual' } });
    expect(root(A).message).toMatch(
      /virtual MFA device \(arn:aws:iam::111111111111:mfa\/root-account-mfa-device\)/,
    );
    expect(root(B)).toMatchObject({ status: 'pass', details: { mfaType: 'hardware' } });
    // Denied in C: the listing is a per-account error, the check still runs and C's root is not checked.
    expect(root(C)).toMatchObject({ status: 'error', cause: { kind: 'permission', code: 'AccessDenied' } });
    expect(check('aws.iam-root-mfa').status).toBe('error');
  });

  it('a listing denied in every account leaves the root MFA verdict standing, never skipped', async () => {
    const world: FakeWorld = {
      callerAccount: A,
      accounts: [
        account(A, {
          summary: { AccountMFAEnabled: 0, AccountPasswordPresent: 1 },
          denied: ['iam:ListVirtualMFADevices'],
        }),
      ],
    };
    const { check } = await scan(world, { regions: ['us-east-1'] });
    expect(check('aws.iam-root-mfa').status).toBe('fail');
    expect(check('aws.iam-root-mfa').findings[0]?.message).toMatch(/has a password but no MFA device/);
  });

  it('waits for the credential report and honours service-specific endpoint variables', async () => {
    const world: FakeWorld = {
      callerAccount: A,
      accounts: [account(A, { reportPolls: 2, regions: { 'us-east-1': recordingRegion() } })],
    };
    const { check, requests } = await scan(world, { regions: ['us-east-1'] }, (url) => ({
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9', // nothing listens there: the per-service variables must win
      AWS_ENDPOINT_URL_IAM: url,
      AWS_ENDPOINT_URL_STS: url,
      AWS_ENDPOINT_URL_CONFIG_SERVICE: url,
    }));
    expect(requests.filter((r) => r.action === 'GenerateCredentialReport')).toHaveLength(3);
    expect(check('aws.iam-root-access-keys').status).toBe('pass');
    expect(check('aws.config-recording').status).toBe('pass');
    expect(check('aws.s3-encryption').findings[0]?.message).toMatch(
      /no S3 buckets to check in 111111111111 us-east-1/,
    );
  });

  it('reads resources and rule compliance for the whole organization through a Config aggregator', async () => {
    const world = orgWorld();
    world.aggregator = 'org-aggregator';
    world.throttle = {};
    const { check, failing, requests, snapshot } = await scan(world, {
      organization: true,
      regions: ['us-east-1', 'eu-west-1'],
      configAggregator: 'org-aggregator',
    });
    const perAccountQueries = requests.filter(
      (r) => r.action === 'SelectResourceConfig' || r.action === 'DescribeComplianceByConfigRule',
    );
    expect(perAccountQueries).toEqual([]);
    // Read whole through the aggregator, the Config keys reuse the account list: each role assumed once.
    expect(requests.filter((r) => r.action === 'AssumeRole')).toHaveLength(2);
    const select = requests.filter((r) => r.action === 'SelectAggregateResourceConfig');
    expect(select).toHaveLength(5); // 9 items of both accounts at 2 per page
    expect(select.every((r) => r.account === A)).toBe(true);
    expect(requests.filter((r) => r.action === 'GetAggregateComplianceDetailsByConfigRule')).toHaveLength(2);
    const resources = snapshot.data['aws.config.resources'] as {
      value: { source: string; items: unknown[] };
    };
    expect(resources.value.source).toBe('aggregator');
    expect(resources.value.items).toHaveLength(9);
    expect(failing('aws.ebs-encryption')).toContain('arn:aws:ec2:us-east-1:222222222222:vol-1');
    expect(failing('aws.config-rule-compliance')).toContain(
      `aws-account/${A}/us-east-1/AWS::S3::Bucket/scratch`,
    );
    expect(
      check('aws.s3-encryption').findings.find((f) => f.resource === `aws-account/${B}/eu-west-1`)?.status,
    ).toBe('fail');
  });

  it('reports accounts the aggregator holds nothing from as not checked, never as passing', async () => {
    const world = orgWorld();
    world.aggregator = 'org-aggregator';
    world.aggregatorSources = [A]; // B records in us-east-1, but the aggregator does not collect from it
    world.throttle = {};
    const { check, requests } = await scan(world, {
      organization: true,
      regions: ['us-east-1', 'eu-west-1'],
      configAggregator: 'org-aggregator',
    });
    const counts = requests.filter((r) => r.action === 'GetAggregateDiscoveredResourceCounts');
    expect(counts.map((r) => r.account)).toEqual([A, A]); // one per region, from the aggregator account
    const finding = (id: string, resource: string) => check(id).findings.find((f) => f.resource === resource);
    for (const id of ['aws.ebs-encryption', 'aws.s3-encryption', 'aws.config-rule-compliance']) {
      const b = finding(id, `aws-account/${B}/us-east-1`);
      expect(b?.status, id).toBe('error');
      expect(b?.cause, id).toMatchObject({ kind: 'not_found' });
      expect(b?.message, id).toMatch(/org-aggregator holds no resources from 222222222222 in us-east-1/);
    }
    // B's unencrypted volume is not in the aggregator: nothing about B passes or fails by omission.
    expect(check('aws.ebs-encryption').findings.filter((f) => f.resource.includes(B))).toEqual([
      expect.objectContaining({ status: 'error' }),
      expect.objectContaining({ status: 'fail', resource: `aws-account/${B}/eu-west-1` }), // no recorder
    ]);
    // A region of A with only resources no check reads is still covered by the aggregator.
    expect(finding('aws.ebs-encryption', `aws-account/${A}/eu-west-1`)?.status).toBe('pass');
  });

  it('reports account-regions whose aggregator source FAILED or is OUTDATED as not checked, never covered', async () => {
    // https://docs.aws.amazon.com/config/latest/APIReference/API_DescribeConfigurationAggregatorSourcesStatus.html
    // and API_AggregatedSourceStatus.html: SourceType ACCOUNT | ORGANIZATION, LastUpdateStatus
    // SUCCEEDED | FAILED | OUTDATED, LastErrorCode, LastErrorMessage, LastUpdateTime (epoch seconds).
    const world = orgWorld();
    world.aggregator = 'org-aggregator';
    world.throttle = {};
    world.aggregatorSourceStatus = [
      {
        SourceId: 'o-a1b2c3d4e5',
        SourceType: 'ORGANIZATION',
        AwsRegion: 'us-east-1',
        LastUpdateStatus: 'SUCCEEDED',
        LastUpdateTime: 1793600000,
      },
      {
        SourceId: 'o-a1b2c3d4e5',
        SourceType: 'ORGANIZATION',
        AwsRegion: 'eu-west-1',
        LastUpdateStatus: 'OUTDATED',
        LastUpdateTime: 1790000000,
      },
      {
        SourceId: B,
        SourceType: 'ACCOUNT',
        AwsRegion: 'us-east-1',
        LastUpdateStatus: 'FAILED',
        LastUpdateTime: 1793600000,
        LastErrorCode: 'OrganizationAccessDeniedException',
        LastErrorMessage: 'The source account is not authorized',
      },
    ];
    const { check, requests } = await scan(world, {
      organization: true,
      regions: ['us-east-1', 'eu-west-1'],
      configAggregator: 'org-aggregator',
    });
    // 3 sources at the fake's 2 per page: the listing is paged, from the aggregator account.
    const status = requests.filter((r) => r.action === 'DescribeConfigurationAggregatorSourcesStatus');
    expect(status.map((r) => r.account)).toEqual([A, A]);
    const finding = (id: string, resource: string) => check(id).findings.find((f) => f.resource === resource);
    for (const id of ['aws.ebs-encryption', 'aws.s3-encryption', 'aws.config-rule-compliance']) {
      const failed = finding(id, `aws-account/${B}/us-east-1`);
      expect(failed, id).toMatchObject({
        status: 'error',
        cause: { kind: 'unavailable', code: 'OrganizationAccessDeniedException' },
      });
      expect(failed?.message, id).toMatch(
        /org-aggregator's source account 222222222222 in us-east-1 is FAILED \(last update 2026-11-02T.*\): OrganizationAccessDeniedException: The source account is not authorized/,
      );
      const outdated = finding(id, `aws-account/${A}/eu-west-1`);
      expect(outdated, id).toMatchObject({
        status: 'error',
        cause: { kind: 'unavailable', code: 'OUTDATED' },
      });
      expect(outdated?.message, id).toMatch(/source organization o-a1b2c3d4e5 in eu-west-1 is OUTDATED/);
    }
    // B's volume came from the failed source: it is neither passed nor failed on stale data.
    expect(JSON.stringify(check('aws.ebs-encryption').findings)).not.toContain('vol-1');
    // A in us-east-1 comes through the organization source, which SUCCEEDED: judged as usual.
    expect(finding('aws.s3-encryption', 'arn:aws:s3:us-east-1:111111111111:logs')?.status).toBe('fail');
  });

  it.each([
    'config:GetAggregateDiscoveredResourceCounts',
    'config:DescribeConfigurationAggregatorSourcesStatus',
  ])(
    'skips the Config checks naming the permission when aggregator coverage cannot be read (%s)',
    async (action) => {
      const world = orgWorld();
      world.aggregator = 'org-aggregator';
      world.throttle = {};
      world.accounts[0]!.denied = [action];
      const { check } = await scan(world, {
        organization: true,
        regions: ['us-east-1'],
        configAggregator: 'org-aggregator',
      });
      for (const id of ['aws.s3-encryption', 'aws.config-rule-compliance']) {
        expect(check(id).status, id).toBe('skipped');
        expect(check(id).reason, id).toBe(`needs aws.config.aggregatorCoverage: ${action} denied`);
      }
    },
  );

  it("reads each trail's event selectors in its home region: a data-events-only trail covers nothing", async () => {
    const r = 'us-east-1';
    const world = (denied: string[] = []): FakeWorld => ({
      callerAccount: A,
      accounts: [
        account(A, {
          denied,
          regions: {
            [r]: recordingRegion({
              items: [trail(A, r, 'objects', true, true)],
              // GetEventSelectors' documented advanced-selector shape: S3 object data events only.
              trailSelectors: {
                objects: {
                  AdvancedEventSelectors: [
                    {
                      Name: 'S3 data events',
                      FieldSelectors: [
                        { Field: 'eventCategory', Equals: ['Data'] },
                        { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
                      ],
                    },
                  ],
                },
              },
            }),
          },
        }),
      ],
    });
    const { check, failing, requests } = await scan(world(), { regions: [r] });
    expect(requests.filter((q) => q.action === 'GetEventSelectors')).toEqual([
      expect.objectContaining({ service: 'cloudtrail', account: A, region: r, status: 200 }),
    ]);
    expect(failing('aws.cloudtrail-multi-region')).toEqual([`aws-account/${A}`]);
    expect(check('aws.cloudtrail-multi-region').findings[0]?.message).toMatch(/objects no management events/);
    await fake?.close();

    const denied = await scan(world(['cloudtrail:GetEventSelectors']), { regions: [r] });
    expect(denied.check('aws.cloudtrail-multi-region').status).toBe('skipped');
    expect(denied.check('aws.cloudtrail-multi-region').reason).toMatch(/cloudtrail:GetEventSelectors denied/);
  });

  it('skips an opt-in region an account has not enabled; without account:ListRegions it is not checked', async () => {
    const optIn = 'ap-east-1'; // launched 2019, disabled unless the account opts in
    const world = (denied: string[] = []): FakeWorld => ({
      callerAccount: A,
      accounts: [
        account(A, {
          regionOptStatus: { [optIn]: 'ENABLED' },
          regions: { 'us-east-1': recordingRegion(), [optIn]: recordingRegion() },
        }),
        account(B, { denied, regions: { 'us-east-1': recordingRegion() } }),
      ],
    });
    const { check, requests, snapshot } = await scan(world(), {
      organization: true,
      regions: ['us-east-1', optIn],
    });
    expect(
      requests
        .filter((r) => r.action === 'ListRegions')
        .map((r) => [r.service, r.account])
        .sort(),
    ).toEqual([
      ['account', A],
      ['account', B],
    ]);
    const accounts = (
      snapshot.data['aws.accounts'] as { value: { accounts: { id: string; disabledRegions?: string[] }[] } }
    ).value.accounts;
    expect(accounts.map((a) => [a.id, a.disabledRegions])).toEqual([
      [A, undefined],
      [B, [optIn]],
    ]);
    // B is never asked about ap-east-1, and nothing is reported for it: out of scope, not "not checked".
    expect(requests.filter((r) => r.account === B && r.region === optIn)).toEqual([]);
    const recording = check('aws.config-recording');
    expect(recording.status).toBe('pass');
    expect(recording.findings.map((f) => f.resource).sort()).toEqual([
      `aws-account/${A}/${optIn}`,
      `aws-account/${A}/us-east-1`,
      `aws-account/${B}/us-east-1`,
    ]);
    await fake?.close();

    // Without the permission the status is unknown: B's ap-east-1 is scanned, fails to answer, and is
    // reported as not checked with AWS's own error code.
    const blind = await scan(world(['account:ListRegions']), {
      organization: true,
      regions: ['us-east-1', optIn],
    });
    const b = blind
      .check('aws.config-recording')
      .findings.find((f) => f.resource === `aws-account/${B}/${optIn}`);
    expect(b?.status).toBe('error');
    expect(b?.cause?.code).toBe('UnrecognizedClientException');
  });

  it('reads every resource type of the Config-based checks through the advanced query', async () => {
    const r = 'us-east-1';
    const world: FakeWorld = {
      callerAccount: A,
      aggregator: undefined,
      throttle: {},
      pageSize: { iam: 100, config: 3, organizations: 100, compliance: 100 },
      accounts: [
        account(A, {
          regions: {
            [r]: recordingRegion({
              items: [
                item(A, r, 'AWS::GuardDuty::Detector', 'det-1', { Id: 'det-1', Enable: true }),
                item(A, r, 'AWS::EC2::Instance', 'i-1', {
                  instanceId: 'i-1',
                  state: { code: 16, name: 'running' },
                  metadataOptions: { httpTokens: 'optional', httpEndpoint: 'enabled' },
                }),
                item(A, r, 'AWS::EC2::VPC', 'vpc-1', { vpcId: 'vpc-1', isDefault: false }),
                item(A, r, 'AWS::EC2::FlowLog', 'fl-1', { resourceId: 'vpc-1', flowLogStatus: 'ACTIVE' }),
                // The function policy is JSON text inside the item, as Lambda returns it.
                item(
                  A,
                  r,
                  'AWS::Lambda::Function',
                  'open-fn',
                  { functionName: 'open-fn', runtime: 'python3.8', packageType: 'Zip' },
                  {
                    Policy: JSON.stringify({
                      Statement: [
                        { Sid: 'open', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction' },
                      ],
                    }),
                  },
                ),
                {
                  ...item(A, r, 'AWS::SecretsManager::Secret', 'gone', {
                    Name: 'gone',
                    RotationEnabled: false,
                  }),
                  configurationItemStatus: 'ResourceDeleted',
                },
                // A type no check reads: the query must not select it.
                item(A, r, 'AWS::SNS::Topic', 'topic-1', {}),
              ],
            }),
          },
        }),
      ],
    };
    const { check, failing, requests, snapshot } = await scan(world, { regions: [r] });
    const items = (snapshot.data['aws.config.resources'] as { value: { items: { resourceType: string }[] } })
      .value.items;
    expect(items.map((i) => i.resourceType).sort()).toEqual([
      'AWS::EC2::FlowLog',
      'AWS::EC2::Instance',
      'AWS::EC2::VPC',
      'AWS::GuardDuty::Detector',
      'AWS::Lambda::Function',
    ]);
    expect(requests.filter((q) => q.action === 'SelectResourceConfig')).toHaveLength(2); // 6 selected, 3 a page
    expect(check('aws.guardduty-enabled').status).toBe('pass');
    expect(check('aws.vpc-flow-logs').status).toBe('pass');
    expect(failing('aws.ec2-imdsv2')).toEqual([`arn:aws:ec2:${r}:${A}:i-1`]);
    expect(failing('aws.lambda-public-access')).toEqual([`arn:aws:lambda:${r}:${A}:open-fn`]);
    expect(failing('aws.lambda-runtime-supported')).toEqual([`arn:aws:lambda:${r}:${A}:open-fn`]);
    expect(check('aws.secretsmanager-rotation').status).toBe('pass');
    expect(failing('aws.access-analyzer-enabled')).toEqual([`aws-account/${A}/${r}`]);
  });

  it('reports a missing aggregator as an error naming it', async () => {
    const world = orgWorld();
    world.throttle = {};
    const { check } = await scan(world, { regions: ['us-east-1'], configAggregator: 'nope' });
    expect(check('aws.s3-encryption').status).toBe('error');
    expect(check('aws.s3-encryption').reason).toMatch(
      /config:SelectAggregateResourceConfig failed: .*nope not found/,
    );
    // The aggregator answers for every account and region: each is not checked, with the cause.
    const errors = check('aws.s3-encryption').findings.filter((f) => f.status === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) expect(f.cause?.code).toBe('NoSuchConfigurationAggregatorException');
    expect(check('aws.s3-encryption').findings.filter((f) => f.status !== 'error')).toEqual([]);
  });

  it('explains missing credentials instead of a bare SDK error', async () => {
    const world: FakeWorld = { callerAccount: A, accounts: [account(A)] };
    const { check } = await scan(world, { regions: ['us-east-1'] }, () => ({
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
    }));
    expect(check('aws.iam-root-mfa').status).toBe('error');
    expect(check('aws.iam-root-mfa').reason).toMatch(/no AWS credentials found: set AWS_PROFILE/);
  });
});
