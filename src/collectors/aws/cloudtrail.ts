import { GetEventSelectorsCommand } from '@aws-sdk/client-cloudtrail';
import { defineCollector } from '../../engine/collector.js';
import type { TrailSelectors, TrailScope, ScopeResult } from './data.js';
import { call } from './errors.js';
import { forEachScope, type AwsContext } from './scope.js';
import type { AwsSession } from './session.js';

/**
 * The event selectors of every trail AWS Config recorded (cloudtrail:GetEventSelectors), asked in the
 * account that recorded the trail and the trail's home region, by ARN. The configuration item has only
 * `hasCustomEventSelectors` (AWS Config resource schema, AWS::CloudTrail::Trail), so whether a trail
 * logs management events at all can only be read here.
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetEventSelectors.html
 */
export const eventSelectorsCollector = defineCollector<'aws.cloudtrail.eventSelectors', AwsSession>({
  key: 'aws.cloudtrail.eventSelectors',
  async collect(context: AwsContext): Promise<ScopeResult<TrailSelectors, TrailScope>[]> {
    const { accounts } = await context.need('aws.accounts');
    const resources = await context.need('aws.config.resources');
    const seen = new Set<string>();
    const scopes = resources.items.flatMap((item) => {
      if (item.resourceType !== 'AWS::CloudTrail::Trail') return [];
      const account = accounts.find((a) => a.id === item.accountId);
      const trail = String(item.configuration.trailARN ?? item.arn ?? item.resourceId);
      if (!account || seen.has(`${account.id} ${trail}`)) return [];
      seen.add(`${account.id} ${trail}`);
      const region = String(item.configuration.homeRegion ?? item.awsRegion);
      return [{ scope: { accountId: account.id, region, trail, resourceId: item.resourceId }, account }];
    });
    return forEachScope(context, scopes, async ({ accountId, region, trail }) => {
      const client = context.session.cloudtrail(accountId, region);
      const answer = await call('cloudtrail:GetEventSelectors', () =>
        client.send(new GetEventSelectorsCommand({ TrailName: trail }), { abortSignal: context.signal }),
      );
      return {
        eventSelectors: (answer.EventSelectors ?? []).map((s) => ({
          readWriteType: s.ReadWriteType,
          includeManagementEvents: s.IncludeManagementEvents,
          excludeManagementEventSources: s.ExcludeManagementEventSources ?? [],
          dataResourceTypes: (s.DataResources ?? []).map((d) => d.Type ?? ''),
        })),
        advancedEventSelectors: (answer.AdvancedEventSelectors ?? []).map((s) => ({
          ...(s.Name ? { name: s.Name } : {}),
          fieldSelectors: (s.FieldSelectors ?? []).map((f) => ({
            field: f.Field ?? '',
            ...(f.Equals ? { equals: f.Equals } : {}),
            ...(f.NotEquals ? { notEquals: f.NotEquals } : {}),
            ...(f.StartsWith ? { startsWith: f.StartsWith } : {}),
            ...(f.NotStartsWith ? { notStartsWith: f.NotStartsWith } : {}),
            ...(f.EndsWith ? { endsWith: f.EndsWith } : {}),
            ...(f.NotEndsWith ? { notEndsWith: f.NotEndsWith } : {}),
          })),
        })),
      };
    });
  },
});
