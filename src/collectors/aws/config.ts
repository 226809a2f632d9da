import {
  DescribeAggregateComplianceByConfigRulesCommand,
  DescribeComplianceByConfigRuleCommand,
  DescribeConfigurationAggregatorSourcesStatusCommand,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
  DescribeDeliveryChannelStatusCommand,
  GetAggregateDiscoveredResourceCountsCommand,
  GetAggregateComplianceDetailsByConfigRuleCommand,
  GetComplianceDetailsByConfigRuleCommand,
  SelectAggregateResourceConfigCommand,
  SelectResourceConfigCommand,
  type AggregateComplianceByConfigRule,
  type AggregatedSourceStatus,
  type ConfigServiceClient,
} from '@aws-sdk/client-config-service';
import { defineCollector } from '../../engine/collector.js';
import { errorMessage, SkipError } from '../../engine/errors.js';
import type { FailureCause } from '../../engine/types.js';
import type {
  ConfigCoverage,
  ConfigItem,
  ConfigRecorders,
  ConfigResources,
  ConfigRuleCompliance,
  NonCompliantResource,
  RegionResult,
} from './data.js';
import { AwsCallError, awsCause, call, failWhenNothingCollected, isDenied } from './errors.js';
import { forEachRegion, paginate, regionsOf, type AwsContext } from './scope.js';
import type { AwsSession } from './session.js';

/** The resource types the built-in checks read from configuration items. */
export const RESOURCE_TYPES = [
  'AWS::S3::Bucket',
  'AWS::S3::AccountPublicAccessBlock',
  'AWS::EC2::Volume',
  'AWS::EC2::SecurityGroup',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::CloudTrail::Trail',
  'AWS::KMS::Key',
  'AWS::DynamoDB::Table',
  'AWS::EC2::Instance',
  'AWS::EC2::VPC',
  'AWS::EC2::FlowLog',
  'AWS::GuardDuty::Detector',
  'AWS::AccessAnalyzer::Analyzer',
  'AWS::Backup::BackupPlan',
  'AWS::Backup::BackupSelection',
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ACM::Certificate',
  'AWS::EKS::Cluster',
  'AWS::Lambda::Function',
  'AWS::SecretsManager::Secret',
] as const;

/** Recorders, their status, delivery channels and their status: four calls, fewer where there is nothing. */
export const recordersCollector = defineCollector<'aws.config.recorders', AwsSession>({
  key: 'aws.config.recorders',
  collect: (context: AwsContext) =>
    forEachRegion(context, async (account, region): Promise<ConfigRecorders> => {
      const client = context.session.config(account.id, region);
      const opts = { abortSignal: context.signal };
      const recorders = await call('config:DescribeConfigurationRecorders', () =>
        client.send(new DescribeConfigurationRecordersCommand({}), opts),
      );
      if (!recorders.ConfigurationRecorders?.length) return { recorders: [], deliveryChannels: [] };
      const [statuses, channels] = await Promise.all([
        call('config:DescribeConfigurationRecorderStatus', () =>
          client.send(new DescribeConfigurationRecorderStatusCommand({}), opts),
        ),
        call('config:DescribeDeliveryChannels', () =>
          client.send(new DescribeDeliveryChannelsCommand({}), opts),
        ),
      ]);
      const channelStatus = channels.DeliveryChannels?.length
        ? await call('config:DescribeDeliveryChannelStatus', () =>
            client.send(new DescribeDeliveryChannelStatusCommand({}), opts),
          )
        : { DeliveryChannelsStatus: [] };
      return {
        recorders: recorders.ConfigurationRecorders.map((r) => {
          const status = statuses.ConfigurationRecordersStatus?.find((s) => s.name === r.name);
          const group = r.recordingGroup;
          return {
            name: r.name ?? 'default',
            roleArn: r.roleARN,
            allSupported: group?.allSupported ?? true,
            includeGlobalResourceTypes: group?.includeGlobalResourceTypes ?? false,
            resourceTypes: group?.resourceTypes ?? [],
            exclusionResourceTypes: group?.exclusionByResourceTypes?.resourceTypes ?? [],
            recordingStrategy: group?.recordingStrategy?.useOnly,
            recording: status?.recording ?? false,
            lastStatus: status?.lastStatus,
            lastErrorCode: status?.lastErrorCode,
            lastStartTime: status?.lastStartTime?.toISOString(),
            lastStopTime: status?.lastStopTime?.toISOString(),
          };
        }),
        deliveryChannels: (channels.DeliveryChannels ?? []).map((c) => {
          const status = channelStatus.DeliveryChannelsStatus?.find((s) => s.name === c.name);
          return {
            name: c.name ?? 'default',
            s3BucketName: c.s3BucketName,
            snsTopicARN: c.snsTopicARN,
            snapshotFrequency: c.configSnapshotDeliveryProperties?.deliveryFrequency,
            historyStatus: status?.configHistoryDeliveryInfo?.lastStatus,
            snapshotStatus: status?.configSnapshotDeliveryInfo?.lastStatus,
            streamStatus: status?.configStreamDeliveryInfo?.lastStatus,
            lastErrorCode:
              status?.configHistoryDeliveryInfo?.lastErrorCode ??
              status?.configSnapshotDeliveryInfo?.lastErrorCode,
          };
        }),
      };
    }),
});

const NON_COMPLIANT_PAGE = 100;

/** The configured aggregator, the Config client that reaches it (caller's account, first region), the scope. */
async function aggregatorAccess(context: AwsContext) {
  const scope = await context.need('aws.accounts');
  return {
    ...scope,
    name: context.session.settings.configAggregator!,
    client: context.session.config(scope.callerAccount, scope.regions[0]!),
  };
}

/**
 * The aggregator's sources and the state of their last update, every region
 * (https://docs.aws.amazon.com/config/latest/APIReference/API_DescribeConfigurationAggregatorSourcesStatus.html:
 * AggregatedSourceStatusList of SourceId, SourceType ACCOUNT | ORGANIZATION, AwsRegion, LastUpdateStatus
 * SUCCEEDED | FAILED | OUTDATED, LastErrorCode, LastErrorMessage, LastUpdateTime; Limit 0-100, NextToken).
 */
function sourceStatuses(context: AwsContext, client: ConfigServiceClient, name: string) {
  return paginate(
    (NextToken) =>
      call('config:DescribeConfigurationAggregatorSourcesStatus', () =>
        client.send(
          new DescribeConfigurationAggregatorSourcesStatusCommand({
            ConfigurationAggregatorName: name,
            Limit: 100,
            NextToken,
          }),
          { abortSignal: context.signal },
        ),
      ),
    (page) => page.NextToken,
    (page) => page.AggregatedSourceStatusList,
  );
}

/**
 * Why the aggregator's data from an account in a region is not current, or undefined when it is: the
 * status of the source that brings it (the account's own source, else the organization's for that
 * region) is FAILED or OUTDATED. An account-region no source names is left to the resource counts.
 */
export function staleSource(
  statuses: readonly AggregatedSourceStatus[],
  aggregator: string,
  accountId: string,
  region: string,
): { error: string; cause: FailureCause } | undefined {
  const inRegion = statuses.filter((s) => s.AwsRegion === region);
  const source =
    inRegion.find((s) => s.SourceType?.toUpperCase() === 'ACCOUNT' && s.SourceId === accountId) ??
    inRegion.find((s) => s.SourceType?.toUpperCase() === 'ORGANIZATION');
  const state = source?.LastUpdateStatus?.toUpperCase();
  if (!source || (state !== 'FAILED' && state !== 'OUTDATED')) return undefined;
  const origin = `${source.SourceType?.toUpperCase() === 'ACCOUNT' ? 'account' : 'organization'} ${source.SourceId}`;
  const when = source.LastUpdateTime ? ` (last update ${source.LastUpdateTime.toISOString()})` : '';
  const why = [source.LastErrorCode, source.LastErrorMessage].filter(Boolean).join(': ');
  const message = `Config aggregator ${aggregator}'s source ${origin} in ${region} is ${state}${when}${why ? `: ${why}` : ''}, so its data from ${accountId} there is not current`;
  const code = source.LastErrorCode ?? state;
  return {
    error: message,
    cause: { kind: isDenied({ Code: code }) ? 'permission' : 'unavailable', code, message },
  };
}

/**
 * Through an aggregator: how many resources it holds from each scanned account, per scanned region
 * (GetAggregateDiscoveredResourceCounts grouped by ACCOUNT_ID, one paged call per region;
 * https://docs.aws.amazon.com/config/latest/APIReference/API_GetAggregateDiscoveredResourceCounts.html),
 * and whether its sources' last update succeeded. The source status names an organization, not its
 * accounts: the counts are the per-account truth of what it holds, the status says whether that is
 * current. An account absent from a region's counts is one the aggregator holds nothing from; one whose
 * source FAILED or is OUTDATED there is not checked, never covered.
 */
export const aggregatorCoverageCollector = defineCollector<'aws.config.aggregatorCoverage', AwsSession>({
  key: 'aws.config.aggregatorCoverage',
  async collect(context: AwsContext): Promise<RegionResult<number>[]> {
    if (!context.session.settings.configAggregator)
      throw new SkipError('no providers.aws.configAggregator configured');
    const { signal } = context;
    const { name, client, accounts, regions } = await aggregatorAccess(context);
    const settled = async <T>(work: () => Promise<T>): Promise<{ value: T } | { error: unknown }> => {
      try {
        return { value: await context.limit(work) };
      } catch (error) {
        if (signal.aborted) throw error;
        return { error };
      }
    };
    const statuses = settled(() => sourceStatuses(context, client, name));
    const perRegion = await Promise.all(
      regions.map(async (region) => {
        const counted = await settled(() =>
          paginate(
            (NextToken) =>
              call('config:GetAggregateDiscoveredResourceCounts', () =>
                client.send(
                  new GetAggregateDiscoveredResourceCountsCommand({
                    ConfigurationAggregatorName: name,
                    Filters: { Region: region },
                    GroupByKey: 'ACCOUNT_ID',
                    Limit: 1000,
                    NextToken,
                  }),
                  { abortSignal: signal },
                ),
              ),
            (page) => page.NextToken,
            (page) => page.GroupedResourceCounts,
          ),
        );
        // Without the sources' status no count can be trusted as current: the region is not read.
        const status = await statuses;
        if ('error' in counted) return { region, error: counted.error };
        if ('error' in status) return { region, error: status.error };
        return {
          region,
          statuses: status.value,
          counts: new Map(counted.value.map((g) => [g.GroupName, g.ResourceCount ?? 0])),
        };
      }),
    );
    failWhenNothingCollected(
      perRegion.map((r) =>
        'error' in r ? { status: 'error', error: errorMessage(r.error) } : { status: 'ok' },
      ),
      perRegion.map((r) => r.error),
    );
    return accounts.flatMap((account) =>
      perRegion
        .filter((r) => regionsOf(account, regions).includes(r.region))
        .map((r): RegionResult<number> => {
          const scope = { accountId: account.id, region: r.region };
          if ('error' in r)
            return { ...scope, status: 'error', error: errorMessage(r.error), cause: awsCause(r.error) };
          const stale = staleSource(r.statuses, name, account.id, r.region);
          return stale
            ? { ...scope, status: 'error', ...stale }
            : { ...scope, status: 'ok', value: r.counts.get(account.id) ?? 0 };
        }),
    );
  },
});

/**
 * The scanned account-regions an aggregator cannot answer for, keyed `account/region`, with why: its
 * resource count could not be read, or it holds no resource from there although AWS Config records
 * there (`recording` says where; elsewhere an empty aggregator is the recorder's gap, reported as such).
 */
async function aggregatorGaps(
  context: AwsContext,
  recording: (key: string) => boolean,
): Promise<Map<string, { error: string; cause: FailureCause }>> {
  const name = context.session.settings.configAggregator!;
  const gaps = new Map<string, { error: string; cause: FailureCause }>();
  for (const scope of await context.need('aws.config.aggregatorCoverage')) {
    const key = `${scope.accountId}/${scope.region}`;
    if (scope.status === 'error') gaps.set(key, { error: scope.error, cause: scope.cause });
    else if (scope.value === 0 && recording(key)) {
      const message = `Config aggregator ${name} holds no resources from ${scope.accountId} in ${scope.region} (not one of its source accounts or regions, or its authorization is missing)`;
      gaps.set(key, { error: message, cause: { kind: 'not_found', message } });
    }
  }
  return gaps;
}

/** Every rule's compliance and, for non-compliant rules, the non-compliant resources. */
export const complianceCollector = defineCollector<'aws.config.compliance', AwsSession>({
  key: 'aws.config.compliance',
  async collect(context: AwsContext) {
    if (context.session.settings.configAggregator) return aggregateCompliance(context);
    const withoutRecorder = await regionsWithoutRecorder(context);
    return forEachRegion(context, async (account, region): Promise<ConfigRuleCompliance[]> => {
      // Rules cannot evaluate where Config has no recorder; aws.config-recording reports that region.
      if (withoutRecorder.has(`${account.id}/${region}`)) return [];
      const client = context.session.config(account.id, region);
      const opts = { abortSignal: context.signal };
      const rules = await paginate(
        (NextToken) =>
          call('config:DescribeComplianceByConfigRule', () =>
            client.send(new DescribeComplianceByConfigRuleCommand({ NextToken }), opts),
          ),
        (page) => page.NextToken,
        (page) => page.ComplianceByConfigRules,
      );
      return Promise.all(
        rules.map(async (r): Promise<ConfigRuleCompliance> => {
          const rule = r.ConfigRuleName ?? '';
          const compliance = r.Compliance?.ComplianceType ?? 'INSUFFICIENT_DATA';
          if (compliance !== 'NON_COMPLIANT') return { rule, compliance, nonCompliant: [] };
          const results = await paginate(
            (NextToken) =>
              call('config:GetComplianceDetailsByConfigRule', () =>
                client.send(
                  new GetComplianceDetailsByConfigRuleCommand({
                    ConfigRuleName: rule,
                    ComplianceTypes: ['NON_COMPLIANT'],
                    Limit: NON_COMPLIANT_PAGE,
                    NextToken,
                  }),
                  opts,
                ),
              ),
            (page) => page.NextToken,
            (page) => page.EvaluationResults,
          );
          return {
            rule,
            compliance,
            nonCompliant: results.map((e) => ({
              resourceType: e.EvaluationResultIdentifier?.EvaluationResultQualifier?.ResourceType ?? '',
              resourceId: e.EvaluationResultIdentifier?.EvaluationResultQualifier?.ResourceId ?? '',
              ...(e.Annotation ? { annotation: e.Annotation } : {}),
            })),
            ...(r.Compliance?.ComplianceContributorCount?.CapExceeded ? { truncated: true } : {}),
          };
        }),
      );
    });
  },
});

/** Regions known to have no configuration recorder; empty when recorders could not be read. */
async function regionsWithoutRecorder(context: AwsContext): Promise<Set<string>> {
  try {
    const recorders = await context.need('aws.config.recorders');
    return new Set(
      recorders
        .filter((r) => r.status === 'ok' && r.value.recorders.length === 0)
        .map((r) => `${r.accountId}/${r.region}`),
    );
  } catch (error) {
    if (context.signal.aborted) throw error;
    return new Set();
  }
}

/** Through the aggregator: one paged listing for all accounts and regions, then details per non-compliant rule. */
async function aggregateCompliance(context: AwsContext): Promise<RegionResult<ConfigRuleCompliance[]>[]> {
  const opts = { abortSignal: context.signal };
  const { name, client, accounts, regions } = await aggregatorAccess(context);
  const listed = await context.limit(() =>
    paginate(
      (NextToken) =>
        call('config:DescribeAggregateComplianceByConfigRules', () =>
          client.send(
            new DescribeAggregateComplianceByConfigRulesCommand({
              ConfigurationAggregatorName: name,
              Limit: 1000,
              NextToken,
            }),
            opts,
          ),
        ),
      (page) => page.NextToken,
      (page) => page.AggregateComplianceByConfigRules,
    ),
  );
  const inScope = (r: AggregateComplianceByConfigRule) =>
    accounts.some((a) => a.id === r.AccountId) && regions.includes(r.AwsRegion ?? '');
  const details = new Map<AggregateComplianceByConfigRule, NonCompliantResource[]>();
  await Promise.all(
    listed
      .filter((r) => inScope(r) && r.Compliance?.ComplianceType === 'NON_COMPLIANT')
      .map(async (r) => {
        const results = await context.limit(() =>
          paginate(
            (NextToken) =>
              call('config:GetAggregateComplianceDetailsByConfigRule', () =>
                client.send(
                  new GetAggregateComplianceDetailsByConfigRuleCommand({
                    ConfigurationAggregatorName: name,
                    ConfigRuleName: r.ConfigRuleName,
                    AccountId: r.AccountId,
                    AwsRegion: r.AwsRegion,
                    ComplianceType: 'NON_COMPLIANT',
                    Limit: NON_COMPLIANT_PAGE,
                    NextToken,
                  }),
                  opts,
                ),
              ),
            (page) => page.NextToken,
            (page) => page.AggregateEvaluationResults,
          ),
        );
        details.set(
          r,
          results.map((e) => ({
            resourceType: e.EvaluationResultIdentifier?.EvaluationResultQualifier?.ResourceType ?? '',
            resourceId: e.EvaluationResultIdentifier?.EvaluationResultQualifier?.ResourceId ?? '',
            ...(e.Annotation ? { annotation: e.Annotation } : {}),
          })),
        );
      }),
  );
  const withoutRecorder = await regionsWithoutRecorder(context);
  const gaps = await aggregatorGaps(context, (key) => !withoutRecorder.has(key));
  return accounts.flatMap((account) =>
    regionsOf(account, regions).map((region): RegionResult<ConfigRuleCompliance[]> => {
      const gap = gaps.get(`${account.id}/${region}`);
      if (gap) return { accountId: account.id, region, status: 'error', ...gap };
      return {
        accountId: account.id,
        region,
        status: 'ok',
        value: listed
          .filter((r) => r.AccountId === account.id && r.AwsRegion === region)
          .map((r) => ({
            rule: r.ConfigRuleName ?? '',
            compliance: r.Compliance?.ComplianceType ?? 'INSUFFICIENT_DATA',
            nonCompliant: details.get(r) ?? [],
          })),
      };
    }),
  );
}

/**
 * The items of a query's results that still exist. A deleted resource's last item
 * (`configurationItemStatus` ResourceDeleted or ResourceDeletedNotRecorded) describes nothing to judge.
 */
function liveItems(results: readonly string[]): ConfigItem[] {
  return results
    .map((json) => JSON.parse(json) as Record<string, unknown>)
    .filter((raw) => !String(raw.configurationItemStatus ?? '').startsWith('ResourceDeleted'))
    .map(parseItem);
}

function parseItem(raw: Record<string, unknown>): ConfigItem {
  const supplementary: Record<string, unknown> = {};
  // Configuration history returns supplementary values as JSON strings; advanced queries as objects.
  for (const [key, value] of Object.entries((raw.supplementaryConfiguration as object) ?? {})) {
    let parsed = value;
    if (typeof value === 'string' && /^[[{]/.test(value.trim())) {
      try {
        parsed = JSON.parse(value);
      } catch {
        parsed = value;
      }
    }
    supplementary[key] = parsed;
  }
  let configuration = raw.configuration ?? {};
  if (typeof configuration === 'string') configuration = JSON.parse(configuration) as object;
  return {
    accountId: String(raw.accountId ?? ''),
    awsRegion: String(raw.awsRegion ?? ''),
    resourceType: String(raw.resourceType ?? ''),
    resourceId: String(raw.resourceId ?? ''),
    ...(raw.resourceName ? { resourceName: String(raw.resourceName) } : {}),
    ...(raw.arn ? { arn: String(raw.arn) } : {}),
    configuration: configuration as Record<string, unknown>,
    supplementaryConfiguration: supplementary,
    ...(Array.isArray(raw.tags) ? { tags: raw.tags as { key: string; value: string }[] } : {}),
  };
}

const quote = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
const SELECT =
  'SELECT accountId, awsRegion, resourceType, resourceId, resourceName, arn, configurationItemStatus, configuration, supplementaryConfiguration, tags';

export function resourceQuery(
  filters: { regions?: readonly string[]; accounts?: readonly string[] } = {},
): string {
  let expression = `${SELECT} WHERE resourceType IN (${quote(RESOURCE_TYPES)})`;
  if (filters.regions?.length) expression += ` AND awsRegion IN (${quote(filters.regions)})`;
  if (filters.accounts?.length) expression += ` AND accountId IN (${quote(filters.accounts)})`;
  return expression;
}

function coverageFrom(recorders: RegionResult<ConfigRecorders>[]): ConfigCoverage[] {
  return recorders.map((entry) => {
    const base = { accountId: entry.accountId, region: entry.region };
    if (entry.status === 'error')
      return { ...base, recording: false, resourceTypes: [], error: entry.error, cause: entry.cause };
    const active = entry.value.recorders.filter((r) => r.recording);
    if (active.length === 0) return { ...base, recording: false, resourceTypes: [] };
    const all = active.some((r) => r.allSupported || r.recordingStrategy === 'EXCLUSION_BY_RESOURCE_TYPES');
    const excluded = active.flatMap((r) => r.exclusionResourceTypes);
    return all
      ? { ...base, recording: true, resourceTypes: 'all' as const, ...(excluded.length ? { excluded } : {}) }
      : { ...base, recording: true, resourceTypes: [...new Set(active.flatMap((r) => r.resourceTypes))] };
  });
}

/** Configuration items of the types the checks read, through advanced queries (per region or one aggregator). */
export const resourcesCollector = defineCollector<'aws.config.resources', AwsSession>({
  key: 'aws.config.resources',
  async collect(context: AwsContext): Promise<ConfigResources> {
    const { session, signal } = context;
    const opts = { abortSignal: signal };
    const coverage = coverageFrom(await context.need('aws.config.recorders'));
    const aggregator = session.settings.configAggregator;
    if (aggregator) {
      const { client, accounts, regions } = await aggregatorAccess(context);
      const expression = resourceQuery({
        regions,
        accounts: accounts.length <= 100 ? accounts.map((a) => a.id) : undefined,
      });
      const query = () =>
        paginate(
          (NextToken) =>
            call('config:SelectAggregateResourceConfig', () =>
              client.send(
                new SelectAggregateResourceConfigCommand({
                  ConfigurationAggregatorName: aggregator,
                  Expression: expression,
                  Limit: 100,
                  NextToken,
                }),
                opts,
              ),
            ),
          (page) => page.NextToken,
          (page) => page.Results,
        );
      let results: string[];
      try {
        results = await context.limit(query);
      } catch (error) {
        if (signal.aborted) throw error;
        // The aggregator answers for every account and region at once: none of them was read.
        if (isDenied(error instanceof AwsCallError ? error.cause : error)) throw error;
        const cause = awsCause(error);
        return {
          source: 'aggregator',
          aggregator,
          coverage: coverage.map((scope) =>
            scope.cause ? scope : { ...scope, error: (error as Error).message, cause },
          ),
          items: [],
        };
      }
      const ids = new Set(accounts.map((a) => a.id));
      const items = liveItems(results).filter(
        (item) => ids.has(item.accountId) && regions.includes(item.awsRegion),
      );
      const recording = new Set(
        coverage.filter((s) => s.recording && !s.error).map((s) => `${s.accountId}/${s.region}`),
      );
      const gaps = await aggregatorGaps(context, (key) => recording.has(key));
      return {
        source: 'aggregator',
        aggregator,
        coverage: coverage.map((scope) => ({ ...scope, ...gaps.get(`${scope.accountId}/${scope.region}`) })),
        // What a stale source left in the aggregator is not judged: its account-region is not checked.
        items: items.filter((item) => !gaps.has(`${item.accountId}/${item.awsRegion}`)),
      };
    }

    const expression = resourceQuery();
    const perRegion = await Promise.all(
      coverage.map(async (scope) => {
        if (scope.error || !scope.recording) return { scope, items: [] as ConfigItem[] };
        try {
          const client = session.config(scope.accountId, scope.region);
          const results = await context.limit(() =>
            paginate(
              (NextToken) =>
                call('config:SelectResourceConfig', () =>
                  client.send(
                    new SelectResourceConfigCommand({ Expression: expression, Limit: 100, NextToken }),
                    opts,
                  ),
                ),
              (page) => page.NextToken,
              (page) => page.Results,
            ),
          );
          return { scope, items: liveItems(results) };
        } catch (error) {
          if (signal.aborted) throw error;
          return {
            scope: { ...scope, error: (error as Error).message, cause: awsCause(error) },
            items: [] as ConfigItem[],
            cause: error,
          };
        }
      }),
    );
    const attempted = perRegion.filter((r) => 'cause' in r || (!r.scope.error && r.scope.recording));
    failWhenNothingCollected(
      attempted.map((r) => ({ status: 'cause' in r ? 'error' : 'ok', error: r.scope.error })),
      attempted.map((r) => ('cause' in r ? r.cause : undefined)),
    );
    return {
      source: 'account',
      coverage: perRegion.map((r) => r.scope),
      items: perRegion.flatMap((r) => r.items),
    };
  },
});
