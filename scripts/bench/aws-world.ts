import type { FakeAccount, FakeRegion, FakeWorld } from '../../test/fakes/aws/server.js';
import {
  account,
  bucket,
  credentialReport,
  item,
  recordingRegion,
  securityGroup,
  trail,
  type UserRow,
} from '../../test/fakes/aws/world.js';

/**
 * The synthetic AWS organization: sizes at scale 1 are the (50 accounts x 200 users, 5 regions,
 * 2,000 Config items per account and region: 500,000 items). The scale multiplies the accounts only.
 */
export interface AwsSizes {
  accounts: number;
  usersPerAccount: number;
  groupsPerAccount: number;
  rolesPerAccount: number;
  policiesPerAccount: number;
  regions: string[];
  /** Configuration items per account and region. */
  itemsPerAccountRegion: number;
  rulesPerAccountRegion: number;
  nonCompliantRulesPerAccountRegion: number;
  nonCompliantResourcesPerRule: number;
}

export const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'ap-southeast-1'];

export function awsSizes(scale: number): AwsSizes {
  const accounts = Math.max(1, Math.round(50 * scale));
  return {
    accounts,
    usersPerAccount: 200,
    groupsPerAccount: 10,
    rolesPerAccount: 20,
    policiesPerAccount: 5,
    regions: REGIONS,
    itemsPerAccountRegion: 2000,
    rulesPerAccountRegion: 10,
    nonCompliantRulesPerAccountRegion: 2,
    nonCompliantResourcesPerRule: 3,
  };
}

/** Account-regions whose items stay built: more than the scanner reads at once (its concurrency, 8). */
const RECENT_ACCOUNT_REGIONS = 32;

const accountId = (i: number) => String(100000000000 + i * 1111);

/** The organization's account ids, the caller's (management account) first. */
export const awsAccountIds = (sizes: AwsSizes): string[] =>
  Array.from({ length: sizes.accounts }, (_, a) => accountId(a));
const day = (daysAgo: number) =>
  new Date(Date.UTC(2026, 10, 2) - daysAgo * 86_400_000).toISOString().replace('.000Z', '+00:00');

function users(sizes: AwsSizes): UserRow[] {
  return Array.from({ length: sizes.usersPerAccount }, (_, u) => ({
    user: `user-${String(u).padStart(4, '0')}`,
    password: u % 4 !== 0,
    mfa: u % 7 !== 0,
    passwordLastUsed: u % 4 !== 0 ? day(u % 120) : undefined,
    key1Rotated: u % 3 === 0 ? day((u * 13) % 500) : undefined,
    key1Used: u % 3 === 0 ? day(u % 200) : undefined,
  }));
}

function items(id: string, region: string, sizes: AwsSizes): object[] {
  return Array.from({ length: sizes.itemsPerAccountRegion }, (_, i) => {
    const name = `r-${region}-${i}`;
    switch (i % 6) {
      case 0:
        return bucket(id, region, `b-${id}-${name}`, {
          encrypted: i % 5 !== 0,
          blocked: i % 4 !== 0,
          versioned: i % 3 !== 0,
        });
      case 1:
        return securityGroup(id, region, `sg-${name}`, i % 10 === 1 ? 22 : undefined);
      case 2:
        return item(id, region, 'AWS::EC2::Volume', `vol-${name}`, {
          volumeId: `vol-${name}`,
          encrypted: i % 4 !== 2,
        });
      case 3:
        return item(id, region, 'AWS::RDS::DBInstance', `db-${name}`, {
          dBInstanceIdentifier: `db-${name}`,
          storageEncrypted: true,
          backupRetentionPeriod: i % 9 === 3 ? 0 : 7,
          publiclyAccessible: false,
          multiAZ: i % 2 === 1,
          engine: 'postgres',
        });
      case 4:
        return item(
          id,
          region,
          'AWS::DynamoDB::Table',
          `t-${name}`,
          {
            tableName: `t-${name}`,
            tableStatus: 'ACTIVE',
          },
          {
            ContinuousBackupsDescription: {
              pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: i % 3 ? 'ENABLED' : 'DISABLED' },
            },
          },
        );
      default:
        return i === 5
          ? trail(id, region, `trail-${id}`, true, true)
          : item(id, region, 'AWS::KMS::Key', `k-${name}`, {
              keyId: `k-${name}`,
              keyManager: 'CUSTOMER',
              keyState: 'Enabled',
              keyRotationEnabled: i % 2 === 0,
            });
    }
  });
}

function rules(sizes: AwsSizes) {
  return Object.fromEntries(
    Array.from({ length: sizes.rulesPerAccountRegion }, (_, r) => [
      `rule-${r}`,
      r < sizes.nonCompliantRulesPerAccountRegion
        ? Array.from({ length: sizes.nonCompliantResourcesPerRule }, (_, k) => ({
            resourceType: 'AWS::S3::Bucket',
            resourceId: `bad-${r}-${k}`,
          }))
        : [],
    ]),
  );
}

export function awsWorld(sizes: AwsSizes): FakeWorld {
  // 500,000 items at scale 1 would make the bench process (which runs the fakes) huge: each
  // account-region builds its items when the fake reads them, and keeps them while they are read.
  const recent = new Map<string, object[]>();
  const lazyItems = (region: FakeRegion, id: string, name: string): FakeRegion =>
    Object.defineProperty(region, 'items', {
      enumerable: true,
      get() {
        const key = `${id} ${name}`;
        let built = recent.get(key);
        if (built) recent.delete(key);
        else built = items(id, name, sizes);
        recent.set(key, built);
        if (recent.size > RECENT_ACCOUNT_REGIONS) recent.delete(recent.keys().next().value!);
        return built;
      },
    });
  const accounts: FakeAccount[] = Array.from({ length: sizes.accounts }, (_, a) => {
    const id = accountId(a);
    const rows = users(sizes);
    return account(id, {
      name: `account-${a}`,
      credentialReportCsv: credentialReport(id, rows, { mfa: a % 5 !== 0 }),
      summary: { AccountMFAEnabled: a % 5 !== 0 ? 1 : 0, AccountAccessKeysPresent: 0, Users: rows.length },
      passwordPolicy:
        a % 3 === 0 ? null : { MinimumPasswordLength: 14, PasswordReusePrevention: 24, RequireSymbols: true },
      users: rows.map((r, u) => ({
        name: r.user,
        groups: [`group-${u % sizes.groupsPerAccount}`],
        ...(u % 25 === 0
          ? { attached: [{ name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] }
          : {}),
      })),
      groups: Array.from({ length: sizes.groupsPerAccount }, (_, g) => ({
        name: `group-${g}`,
        attached: [
          g === 0
            ? { name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }
            : { name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
        ],
      })),
      roles: Array.from({ length: sizes.rolesPerAccount }, (_, r) => ({ name: `role-${r}` })),
      policies: Array.from({ length: sizes.policiesPerAccount }, (_, p) => ({
        name: `policy-${p}`,
        arn: `arn:aws:iam::${id}:policy/policy-${p}`,
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }],
        },
      })),
      regions: Object.fromEntries(
        sizes.regions.map((region) => [
          region,
          lazyItems(recordingRegion({ rules: rules(sizes) }), id, region),
        ]),
      ),
    });
  });
  return { callerAccount: accounts[0]!.id, accounts };
}
