import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local AWS that speaks the real wire protocols the SDK uses: the query protocol with XML responses
 * (IAM, STS) and JSON 1.1 (AWS Config `StarlingDoveService.*`, Organizations `AWSOrganizationsV20161128.*`).
 * The caller's account comes from the SigV4 access key: `test` is the caller, `ASIA<account>` an assumed role.
 */

export interface FakeIamEntity {
  name: string;
  attached?: { name: string; arn: string }[];
  inline?: { name: string; document: object }[];
}
export interface FakeUser extends FakeIamEntity {
  groups?: string[];
  tags?: Record<string, string>;
}
export interface FakeRegion {
  recorders?: object[];
  recorderStatus?: object[];
  channels?: object[];
  channelStatus?: object[];
  /** rule name -> non-compliant resources (empty list = compliant) */
  rules?: Record<string, { resourceType: string; resourceId: string; annotation?: string }[]>;
  items?: object[];
  /**
   * GetEventSelectors answers by trail name, for trails recorded here (their home region). A trail not
   * listed has the default the CloudTrail docs give a trail created without selectors: all read and
   * write management events, no data events.
   */
  trailSelectors?: Record<string, { EventSelectors?: object[]; AdvancedEventSelectors?: object[] }>;
  /**
   * Every AWS Config call here answers 503 ServiceUnavailable, the common error AWS documents for "a
   * temporary failure of the server", so the SDK retries and then gives up.
   */
  unavailable?: boolean;
}
export interface FakeAccount {
  id: string;
  name?: string;
  /** false: sts:AssumeRole into this account is denied. */
  assumable?: boolean;
  credentialReportCsv?: string;
  /** GenerateCredentialReport answers STARTED this many times before COMPLETE. */
  reportPolls?: number;
  summary?: Record<string, number>;
  passwordPolicy?: object | null;
  users?: FakeUser[];
  groups?: FakeIamEntity[];
  roles?: (FakeIamEntity & { path?: string })[];
  policies?: { name: string; arn: string; document: object; attachmentCount?: number }[];
  /**
   * Virtual MFA devices by name (the SerialNumber is `arn:aws:iam::<account>:mfa/<name>`), assigned to an
   * IAM user by name, to `root`, or to nobody.
   */
  virtualMfaDevices?: { name: string; user?: string; enableDate?: string }[];
  /**
   * Opt-in regions and their RegionOptStatus (ENABLED, ENABLING, DISABLING, DISABLED); a DISABLED or
   * DISABLING region rejects Config and CloudTrail calls as AWS does for regions not opted into.
   */
  regionOptStatus?: Record<string, string>;
  /** Actions (e.g. `iam:GenerateCredentialReport`) answered with AccessDenied. */
  denied?: string[];
  regions?: Record<string, FakeRegion>;
}
export interface FakeWorld {
  callerAccount: string;
  accounts: FakeAccount[];
  /** `service:Action` -> how many Throttling answers (HTTP 400) precede a real one, counted per action. */
  throttle?: Record<string, number>;
  /** Server-side page sizes (AWS may return fewer items than asked for). */
  pageSize?: { iam?: number; config?: number; organizations?: number; compliance?: number };
  aggregator?: string;
  /** The accounts the aggregator collects from (default: every account of the world). */
  aggregatorSources?: string[];
  /**
   * DescribeConfigurationAggregatorSourcesStatus's AggregatedSourceStatusList. Default: one ACCOUNT
   * source per aggregated account and region it has, each SUCCEEDED.
   */
  aggregatorSourceStatus?: object[];
}

export interface RecordedRequest {
  service: string;
  action: string;
  account: string;
  region: string;
  status: number;
}

export interface FakeAws {
  url: string;
  requests: RecordedRequest[];
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

/** Opt-in regions the fake knows (launched after March 2019): DISABLED unless the account says otherwise. */
const OPT_IN_REGIONS = ['ap-east-1', 'me-south-1', 'af-south-1', 'eu-south-1'];
const optStatus = (account: FakeAccount, region: string) =>
  OPT_IN_REGIONS.includes(region) ? (account.regionOptStatus?.[region] ?? 'DISABLED') : undefined;

/** A JSON-protocol service's answer to one action in one account and region. */
type JsonHandler = (
  account: FakeAccount,
  region: string,
  action: string,
  body: Record<string, unknown>,
) => object;

const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A query-protocol map: `<entry><key>..</key><value>..</value></entry>`. */
class XmlMap {
  constructor(readonly entries: [string, unknown][]) {}
}

function xml(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof XmlMap)
    return value.entries
      .map(([k, v]) => `<entry><key>${esc(k)}</key><value>${xml(v)}</value></entry>`)
      .join('');
  if (Array.isArray(value)) return value.map((v) => `<member>${xml(v)}</member>`).join('');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${xml(v)}</${k}>`)
      .join('');
  }
  return esc(String(value));
}

class Fail extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const page = <T>(list: T[], token: string | undefined, size: number) => {
  const start = token ? Number(token) : 0;
  const items = list.slice(start, start + size);
  const next = start + size < list.length ? String(start + size) : undefined;
  return { items, next };
};

const entity = (account: string, kind: string, e: FakeIamEntity & { path?: string }) => ({
  Path: e.path ?? '/',
  [`${kind}Name`]: e.name,
  [`${kind}Id`]: `AID${e.name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`,
  Arn: `arn:aws:iam::${account}:${kind.toLowerCase()}${e.path ?? '/'}${e.name}`,
  CreateDate: '2025-01-15T10:00:00Z',
  [`${kind}PolicyList`]: (e.inline ?? []).map((p) => ({
    PolicyName: p.name,
    PolicyDocument: encodeURIComponent(JSON.stringify(p.document)),
  })),
  AttachedManagedPolicies: (e.attached ?? []).map((p) => ({ PolicyName: p.name, PolicyArn: p.arn })),
});

/** The User element IAM list operations return (Path, UserName, UserId, Arn, CreateDate). */
const entityUser = (account: string, name: string) => {
  const { Path, UserName, UserId, Arn, CreateDate } = entity(account, 'User', { name });
  return { Path, UserName, UserId, Arn, CreateDate };
};

export async function startFakeAws(world: FakeWorld): Promise<FakeAws> {
  const requests: RecordedRequest[] = [];
  const throttled = new Map<string, number>();
  const reportPolls = new Map<string, number>();
  const byId = new Map(world.accounts.map((a) => [a.id, a]));

  const handleIam = (account: FakeAccount, action: string, params: URLSearchParams): object => {
    const iamPage = world.pageSize?.iam ?? 1000;
    switch (action) {
      case 'GenerateCredentialReport': {
        const seen = reportPolls.get(account.id) ?? 0;
        reportPolls.set(account.id, seen + 1);
        const state =
          seen < (account.reportPolls ?? 0) ? (seen === 0 ? 'STARTED' : 'INPROGRESS') : 'COMPLETE';
        return {
          State: state,
          Description: state === 'COMPLETE' ? 'Report is ready' : 'Report generation started',
        };
      }
      case 'GetCredentialReport':
        if (!account.credentialReportCsv)
          throw new Fail('ReportNotPresent', 'Credential report not present', 410);
        return {
          Content: Buffer.from(account.credentialReportCsv).toString('base64'),
          ReportFormat: 'text/csv',
          GeneratedTime: '2026-11-02T08:59:00Z',
        };
      case 'GetAccountSummary':
        return {
          SummaryMap: new XmlMap(Object.entries(account.summary ?? {})),
        };
      case 'GetAccountPasswordPolicy':
        if (!account.passwordPolicy)
          throw new Fail(
            'NoSuchEntity',
            `The Password Policy with domain name ${account.id} cannot be found.`,
            404,
          );
        return { PasswordPolicy: account.passwordPolicy };
      case 'GetAccountAuthorizationDetails': {
        const max = Math.min(Number(params.get('MaxItems') ?? 100), iamPage);
        const all: { kind: string; value: object }[] = [
          ...(account.users ?? []).map((u) => ({
            kind: 'UserDetailList',
            value: {
              ...entity(account.id, 'User', u),
              GroupList: u.groups ?? [],
              Tags: Object.entries(u.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
            },
          })),
          ...(account.groups ?? []).map((g) => ({
            kind: 'GroupDetailList',
            value: entity(account.id, 'Group', g),
          })),
          ...(account.roles ?? []).map((r) => ({
            kind: 'RoleDetailList',
            value: {
              ...entity(account.id, 'Role', r),
              AssumeRolePolicyDocument: encodeURIComponent(
                JSON.stringify({
                  Version: '2012-10-17',
                  Statement: [
                    {
                      Effect: 'Allow',
                      Principal: { Service: 'ec2.amazonaws.com' },
                      Action: 'sts:AssumeRole',
                    },
                  ],
                }),
              ),
            },
          })),
          ...(account.policies ?? []).map((p) => ({
            kind: 'Policies',
            value: {
              PolicyName: p.name,
              PolicyId: `ANPA${p.name.toUpperCase()}`,
              Arn: p.arn,
              Path: '/',
              DefaultVersionId: 'v1',
              AttachmentCount: p.attachmentCount ?? 1,
              IsAttachable: true,
              PolicyVersionList: [
                {
                  Document: encodeURIComponent(JSON.stringify(p.document)),
                  VersionId: 'v1',
                  IsDefaultVersion: true,
                },
              ],
            },
          })),
        ];
        const { items, next } = page(all, params.get('Marker') ?? undefined, max);
        const out: Record<string, unknown> = {
          UserDetailList: [],
          GroupDetailList: [],
          RoleDetailList: [],
          Policies: [],
        };
        for (const item of items) (out[item.kind] as object[]).push(item.value);
        return { ...out, IsTruncated: Boolean(next), ...(next ? { Marker: next } : {}) };
      }
      case 'ListVirtualMFADevices': {
        // https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListVirtualMFADevices.html: AssignmentStatus
        // Assigned | Unassigned | Any (default Any), MaxItems (default 100), Marker; VirtualMFADevices with
        // IsTruncated and Marker. The documented example gives the root user's device a User with only
        // UserId (the account id), Arn `arn:aws:iam::<account>:root` and CreateDate.
        const wanted = params.get('AssignmentStatus') ?? 'Any';
        if (!['Assigned', 'Unassigned', 'Any'].includes(wanted))
          throw new Fail(
            'ValidationError',
            `Value '${wanted}' at 'assignmentStatus' failed to satisfy constraint`,
          );
        const devices = (account.virtualMfaDevices ?? []).filter(
          (d) => wanted === 'Any' || (wanted === 'Assigned') === Boolean(d.user),
        );
        const max = Math.min(Number(params.get('MaxItems') ?? 100), iamPage);
        const { items, next } = page(devices, params.get('Marker') ?? undefined, max);
        const user = (name: string) =>
          name === 'root'
            ? {
                UserId: account.id,
                Arn: `arn:aws:iam::${account.id}:root`,
                CreateDate: '2020-01-01T00:00:00Z',
              }
            : entityUser(account.id, name);
        return {
          VirtualMFADevices: items.map((d) => ({
            SerialNumber: `arn:aws:iam::${account.id}:mfa/${d.name}`,
            ...(d.user ? { User: user(d.user), EnableDate: d.enableDate ?? '2025-02-01T09:00:00Z' } : {}),
          })),
          IsTruncated: Boolean(next),
          ...(next ? { Marker: next } : {}),
        };
      }
      default:
        throw new Fail('InvalidAction', `Could not find operation ${action} for version 2010-05-08`);
    }
  };

  const handleSts = (caller: string, action: string, params: URLSearchParams): object => {
    if (action === 'GetCallerIdentity') {
      return { Arn: `arn:aws:iam::${caller}:user/soc2-scanner`, UserId: 'AIDASCANNER', Account: caller };
    }
    if (action === 'AssumeRole') {
      const roleArn = params.get('RoleArn') ?? '';
      const target = byId.get(roleArn.split(':')[4] ?? '');
      if (!target || target.assumable === false) {
        throw new Fail(
          'AccessDenied',
          `User: arn:aws:iam::${caller}:user/soc2-scanner is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
          403,
        );
      }
      return {
        Credentials: {
          AccessKeyId: `ASIA${target.id}`,
          SecretAccessKey: 'fakeSecretForTestsOnly',
          SessionToken: 'fake-session-token',
          Expiration: '2099-01-01T00:00:00Z',
        },
        AssumedRoleUser: { AssumedRoleId: `AROA${target.id}:soc2-scan`, Arn: `${roleArn}/soc2-scan` },
      };
    }
    throw new Fail('InvalidAction', `Could not find operation ${action}`);
  };

  const regionOf = (account: FakeAccount, region: string) => account.regions?.[region];
  const aggregated = () =>
    world.accounts.filter((a) => !world.aggregatorSources || world.aggregatorSources.includes(a.id));

  const complianceOf = (account: FakeAccount, region: string) =>
    Object.entries(regionOf(account, region)?.rules ?? {}).map(([name, bad]) => ({
      ConfigRuleName: name,
      Compliance: {
        ComplianceType: bad.length ? 'NON_COMPLIANT' : 'COMPLIANT',
        ...(bad.length
          ? { ComplianceContributorCount: { CappedCount: bad.length, CapExceeded: false } }
          : {}),
      },
    }));

  const evaluations = (
    rule: string,
    bad: { resourceType: string; resourceId: string; annotation?: string }[],
  ) =>
    bad.map((r) => ({
      EvaluationResultIdentifier: {
        EvaluationResultQualifier: {
          ConfigRuleName: rule,
          ResourceType: r.resourceType,
          ResourceId: r.resourceId,
        },
        OrderingTimestamp: 1793600000,
      },
      ComplianceType: 'NON_COMPLIANT',
      ResultRecordedTime: 1793600000,
      ConfigRuleInvokedTime: 1793600000,
      ...(r.annotation ? { Annotation: r.annotation } : {}),
    }));

  const selectItems = (expression: string, items: object[]) => {
    if (!/^\s*SELECT\s/i.test(expression)) throw new Fail('InvalidExpressionException', 'Invalid expression');
    const types = /resourceType IN \(([^)]*)\)/i
      .exec(expression)?.[1]
      ?.match(/'[^']+'/g)
      ?.map((t) => t.slice(1, -1));
    return items.filter((i) => !types || types.includes((i as { resourceType: string }).resourceType));
  };

  const handleConfig: JsonHandler = (account, region, action, body) => {
    const r = regionOf(account, region) ?? {};
    const size = world.pageSize?.config ?? 100;
    const token = body.NextToken as string | undefined;
    const aggregatorName = body.ConfigurationAggregatorName as string | undefined;
    if (aggregatorName !== undefined && aggregatorName !== world.aggregator) {
      throw new Fail('NoSuchConfigurationAggregatorException', `Aggregator ${aggregatorName} not found`);
    }
    switch (action) {
      case 'DescribeConfigurationRecorders':
        return { ConfigurationRecorders: r.recorders ?? [] };
      case 'DescribeConfigurationRecorderStatus':
        return { ConfigurationRecordersStatus: r.recorderStatus ?? [] };
      case 'DescribeDeliveryChannels':
        return { DeliveryChannels: r.channels ?? [] };
      case 'DescribeDeliveryChannelStatus':
        return { DeliveryChannelsStatus: r.channelStatus ?? [] };
      case 'DescribeComplianceByConfigRule': {
        const { items, next } = page(complianceOf(account, region), token, world.pageSize?.compliance ?? 25);
        return { ComplianceByConfigRules: items, ...(next ? { NextToken: next } : {}) };
      }
      case 'GetComplianceDetailsByConfigRule': {
        const rule = body.ConfigRuleName as string;
        const bad = r.rules?.[rule];
        if (!bad) throw new Fail('NoSuchConfigRuleException', `Rule ${rule} not found`);
        const { items, next } = page(
          evaluations(rule, bad),
          token,
          Math.min(Number(body.Limit ?? 100), size),
        );
        return { EvaluationResults: items, ...(next ? { NextToken: next } : {}) };
      }
      case 'SelectResourceConfig': {
        const found = selectItems(String(body.Expression ?? ''), r.items ?? []);
        const { items, next } = page(found, token, Math.min(Number(body.Limit ?? 100), size));
        return {
          Results: items.map((i) => JSON.stringify(i)),
          QueryInfo: { SelectFields: [{ Name: 'resourceId' }] },
          ...(next ? { NextToken: next } : {}),
        };
      }
      case 'SelectAggregateResourceConfig': {
        const all = aggregated().flatMap((a) =>
          Object.values(a.regions ?? {}).flatMap((reg) => reg.items ?? []),
        );
        const found = selectItems(String(body.Expression ?? ''), all);
        const { items, next } = page(found, token, Math.min(Number(body.Limit ?? 100), size));
        return { Results: items.map((i) => JSON.stringify(i)), ...(next ? { NextToken: next } : {}) };
      }
      case 'DescribeAggregateComplianceByConfigRules': {
        const all = aggregated().flatMap((a) =>
          Object.keys(a.regions ?? {}).flatMap((reg) =>
            complianceOf(a, reg).map((c) => ({ ...c, AccountId: a.id, AwsRegion: reg })),
          ),
        );
        const { items, next } = page(all, token, Math.min(Number(body.Limit ?? 1000), size));
        return { AggregateComplianceByConfigRules: items, ...(next ? { NextToken: next } : {}) };
      }
      case 'GetAggregateDiscoveredResourceCounts': {
        // https://docs.aws.amazon.com/config/latest/APIReference/API_GetAggregateDiscoveredResourceCounts.html:
        // Filters {AccountId, Region, ResourceType}; GroupByKey RESOURCE_TYPE | ACCOUNT_ID | AWS_REGION;
        // TotalDiscoveredResources (required) and GroupedResourceCounts [{GroupName, ResourceCount}].
        const filters = (body.Filters ?? {}) as {
          AccountId?: string;
          Region?: string;
          ResourceType?: string;
        };
        const rows = aggregated()
          .flatMap((a) =>
            Object.entries(a.regions ?? {})
              .filter(([reg]) => !filters.Region || reg === filters.Region)
              .flatMap(([reg, data]) =>
                (data.items ?? []).map((i) => ({
                  ACCOUNT_ID: a.id,
                  AWS_REGION: reg,
                  RESOURCE_TYPE: (i as { resourceType: string }).resourceType,
                })),
              ),
          )
          .filter(
            (r) =>
              (!filters.AccountId || r.ACCOUNT_ID === filters.AccountId) &&
              (!filters.ResourceType || r.RESOURCE_TYPE === filters.ResourceType),
          );
        const key = body.GroupByKey as 'ACCOUNT_ID' | 'AWS_REGION' | 'RESOURCE_TYPE' | undefined;
        const groups = new Map<string, number>();
        if (key) for (const r of rows) groups.set(r[key], (groups.get(r[key]) ?? 0) + 1);
        const { items, next } = page(
          [...groups].map(([GroupName, ResourceCount]) => ({ GroupName, ResourceCount })),
          token,
          Math.min(Number(body.Limit || 1000), size),
        );
        return {
          TotalDiscoveredResources: rows.length,
          ...(key ? { GroupByKey: key, GroupedResourceCounts: items } : {}),
          ...(next ? { NextToken: next } : {}),
        };
      }
      case 'DescribeConfigurationAggregatorSourcesStatus': {
        // https://docs.aws.amazon.com/config/latest/APIReference/API_DescribeConfigurationAggregatorSourcesStatus.html:
        // UpdateStatus filter (FAILED | SUCCEEDED | OUTDATED), Limit 0-100 (0 = the default, the maximum),
        // NextToken; AggregatedSourceStatusList of AggregatedSourceStatus (timestamps as epoch seconds).
        const limit = Number(body.Limit ?? 0);
        if (!Number.isInteger(limit) || limit < 0 || limit > 100)
          throw new Fail('InvalidLimitException', 'Limit must be between 0 and 100');
        const wanted = body.UpdateStatus as string[] | undefined;
        const all = (
          world.aggregatorSourceStatus ??
          aggregated().flatMap((a) =>
            Object.keys(a.regions ?? {}).map((AwsRegion) => ({
              SourceId: a.id,
              SourceType: 'ACCOUNT',
              AwsRegion,
              LastUpdateStatus: 'SUCCEEDED',
              LastUpdateTime: 1793600000,
            })),
          )
        ).filter((s) => !wanted || wanted.includes((s as { LastUpdateStatus: string }).LastUpdateStatus));
        const { items, next } = page(all, token, Math.min(limit || 100, size));
        return { AggregatedSourceStatusList: items, ...(next ? { NextToken: next } : {}) };
      }
      case 'GetAggregateComplianceDetailsByConfigRule': {
        const target = byId.get(body.AccountId as string);
        const rule = body.ConfigRuleName as string;
        const bad = target?.regions?.[body.AwsRegion as string]?.rules?.[rule] ?? [];
        const { items, next } = page(
          evaluations(rule, bad).map((e) => ({ ...e, AccountId: target?.id, AwsRegion: body.AwsRegion })),
          token,
          Math.min(Number(body.Limit ?? 50), size),
        );
        return { AggregateEvaluationResults: items, ...(next ? { NextToken: next } : {}) };
      }
      default:
        throw new Fail('UnknownOperationException', `Unknown operation ${action}`);
    }
  };

  /** CloudTrail (JSON 1.1, `CloudTrail_20131101.*`): https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetEventSelectors.html */
  const handleCloudTrail: JsonHandler = (account, region, action, body) => {
    if (action !== 'GetEventSelectors')
      throw new Fail('UnknownOperationException', `Unknown operation ${action}`);
    const requested = String(body.TrailName ?? '');
    const arn = /^arn:[^:]+:cloudtrail:([^:]+):(\d{12}):trail\/(.+)$/.exec(requested);
    const name = arn ? arn[3]! : requested;
    const trail = (regionOf(account, region)?.items ?? []).find(
      (i) =>
        (i as { resourceType: string }).resourceType === 'AWS::CloudTrail::Trail' &&
        (i as { configuration: { name?: string } }).configuration.name === name,
    );
    if (!trail || (arn && (arn[1] !== region || arn[2] !== account.id)))
      throw new Fail('TrailNotFoundException', `Unknown trail: ${requested} for the user: ${account.id}`);
    const selectors = regionOf(account, region)?.trailSelectors?.[name] ?? {
      EventSelectors: [
        {
          ReadWriteType: 'All',
          IncludeManagementEvents: true,
          DataResources: [],
          ExcludeManagementEventSources: [],
        },
      ],
    };
    return { TrailARN: `arn:aws:cloudtrail:${region}:${account.id}:trail/${name}`, ...selectors };
  };

  /**
   * AWS Account Management (REST-JSON, `POST /listRegions`): ListRegions lists every region with its
   * RegionOptStatus, filtered by RegionOptStatusContains, MaxResults 1-50.
   * https://docs.aws.amazon.com/accounts/latest/reference/API_ListRegions.html
   */
  const handleAccount = (account: FakeAccount, action: string, body: Record<string, unknown>): object => {
    if (action !== 'ListRegions')
      throw new Fail('ResourceNotFoundException', `Unknown operation ${action}`, 404);
    const max = Number(body.MaxResults ?? 50);
    if (!Number.isInteger(max) || max < 1 || max > 50)
      throw new Fail('ValidationException', 'MaxResults must be between 1 and 50', 400);
    const wanted = body.RegionOptStatusContains as string[] | undefined;
    const all = [
      ...['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-central-1'].map(
        (RegionName) => ({
          RegionName,
          RegionOptStatus: 'ENABLED_BY_DEFAULT',
        }),
      ),
      ...OPT_IN_REGIONS.map((RegionName) => ({
        RegionName,
        RegionOptStatus: optStatus(account, RegionName)!,
      })),
    ].filter((r) => !wanted || wanted.includes(r.RegionOptStatus));
    const { items, next } = page(all, body.NextToken as string | undefined, max);
    return { Regions: items, ...(next ? { NextToken: next } : {}) };
  };

  const handleOrganizations = (action: string, body: Record<string, unknown>): object => {
    if (action !== 'ListAccounts') throw new Fail('UnknownOperationException', `Unknown operation ${action}`);
    const size = Math.min(Number(body.MaxResults ?? 20), world.pageSize?.organizations ?? 20);
    const { items, next } = page(world.accounts, body.NextToken as string | undefined, size);
    return {
      Accounts: items.map((a) => ({
        Id: a.id,
        Arn: `arn:aws:organizations::${world.callerAccount}:account/o-example/${a.id}`,
        Email: `aws+${a.id}@example.com`,
        Name: a.name ?? a.id,
        Status: 'ACTIVE',
        State: 'ACTIVE',
        JoinedMethod: 'CREATED',
        JoinedTimestamp: 1700000000,
      })),
      ...(next ? { NextToken: next } : {}),
    };
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const auth = req.headers.authorization ?? '';
      const scope = /Credential=([^/]+)\/\d+\/([^/]+)\/([^/]+)\//.exec(auth);
      const accessKey = scope?.[1] ?? '';
      const region = scope?.[2] ?? '';
      const service = scope?.[3] ?? '';
      const account = accessKey.startsWith('ASIA') ? accessKey.slice(4) : world.callerAccount;
      const target = String(req.headers['x-amz-target'] ?? '');
      // Account Management speaks REST-JSON: the operation is the path (`POST /listRegions`).
      const restJson = service === 'account';
      const json = target !== '' || restJson;
      const params = new URLSearchParams(json ? '' : raw);
      const path = (req.url ?? '').split('?')[0]!.replace(/^\//, '');
      const action = restJson
        ? path.charAt(0).toUpperCase() + path.slice(1)
        : json
          ? target.split('.').pop()!
          : (params.get('Action') ?? '');
      const record: RecordedRequest = { service, action, account, region, status: 200 };
      requests.push(record);
      const ns = service === 'sts' ? STS_NS : IAM_NS;
      const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
        record.status = status;
        res.writeHead(status, {
          'content-type': type,
          'x-amzn-requestid': `req-${requests.length}`,
          ...headers,
        });
        res.end(body);
      };
      const fail = (error: Fail) => {
        if (restJson) {
          // REST-JSON errors name their type in the x-amzn-ErrorType header; the body carries the message.
          send(error.status, 'application/json', JSON.stringify({ message: error.message }), {
            'x-amzn-errortype': error.code,
          });
        } else if (json) {
          send(
            error.status,
            'application/x-amz-json-1.1',
            JSON.stringify({ __type: error.code, message: error.message }),
          );
        } else {
          send(
            error.status,
            'text/xml',
            `<ErrorResponse xmlns="${ns}"><Error><Type>Sender</Type><Code>${error.code}</Code><Message>${esc(error.message)}</Message></Error><RequestId>req-${requests.length}</RequestId></ErrorResponse>`,
          );
        }
      };
      try {
        if (!scope)
          throw new Fail(
            json ? 'MissingAuthenticationTokenException' : 'MissingAuthenticationToken',
            'unsigned request',
            403,
          );
        const key = `${service}:${action}`;
        const left = world.throttle?.[key] ?? 0;
        const used = throttled.get(key) ?? 0;
        if (used < left) {
          throttled.set(key, used + 1);
          throw new Fail(json ? 'ThrottlingException' : 'Throttling', 'Rate exceeded', 400);
        }
        const owner = byId.get(account);
        if (owner?.denied?.includes(key)) {
          throw new Fail(
            json ? 'AccessDeniedException' : 'AccessDenied',
            `User: arn:aws:sts::${account}:assumed-role/soc2-audit/soc2-scan is not authorized to perform: ${key}`,
            json && !restJson ? 400 : 403,
          );
        }
        if (
          (service === 'config' || service === 'cloudtrail') &&
          ['DISABLED', 'DISABLING'].includes(optStatus(owner ?? { id: account }, region) ?? '')
        )
          throw new Fail(
            'UnrecognizedClientException',
            'The security token included in the request is invalid.',
            400,
          );
        if (service === 'config' && owner?.regions?.[region]?.unavailable)
          throw new Fail('ServiceUnavailable', 'Service Unavailable', 503);
        if (json) {
          const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
          const out =
            service === 'organizations'
              ? handleOrganizations(action, body)
              : restJson
                ? handleAccount(owner ?? { id: account }, action, body)
                : service === 'cloudtrail'
                  ? handleCloudTrail(owner ?? { id: account }, region, action, body)
                  : handleConfig(owner ?? { id: account }, region, action, body);
          send(200, restJson ? 'application/json' : 'application/x-amz-json-1.1', JSON.stringify(out));
        } else {
          const result =
            service === 'sts'
              ? handleSts(account, action, params)
              : handleIam(owner ?? { id: account }, action, params);
          send(
            200,
            'text/xml',
            `<${action}Response xmlns="${ns}"><${action}Result>${xml(result)}</${action}Result><ResponseMetadata><RequestId>req-${requests.length}</RequestId></ResponseMetadata></${action}Response>`,
          );
        }
      } catch (error) {
        fail(error instanceof Fail ? error : new Fail('InternalFailure', String(error), 500));
      }
    });
  });
  let connections = 0;
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
