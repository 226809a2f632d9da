import type { DataEntry } from '../../core/snapshot.js';
import type { Segmentation } from '../../engine/segments.js';
import type { AwsConfig } from './settings.js';
import type { AwsAccounts, ConfigItem, ConfigResources, TrailScope } from './data.js';

/**
 * AWS Config keys, the ones that grow with the organization (2,000 items an account-region is 500,000
 * items in 50 accounts x 5 regions), are collected and judged one account at a time: each account's run
 * sees `aws.accounts` narrowed to that account, so the collectors need no change. IAM keys stay whole
 * (the HR checks join them across accounts, and they are small).
 */
export const awsSegmentation: Segmentation = {
  scopeKey: 'aws.accounts',
  keys: [
    'aws.config.recorders',
    'aws.config.compliance',
    'aws.config.resources',
    'aws.config.aggregatorCoverage',
    'aws.cloudtrail.eventSelectors',
  ],
  // An aggregator answers for every account in one query: segmenting would repeat its listings per account.
  segments: (scope, config) =>
    (config.providers.aws as AwsConfig | undefined)?.configAggregator
      ? []
      : (scope as AwsAccounts).accounts.map((a) => a.id),
  narrow(key, value, accountId) {
    if (key === 'aws.accounts') {
      const scope = value as AwsAccounts;
      return { ...scope, accounts: scope.accounts.filter((a) => a.id === accountId) };
    }
    if (Array.isArray(value))
      return value.filter((scope: { accountId?: string }) => scope.accountId === accountId);
    const resources = value as ConfigResources;
    return {
      ...resources,
      coverage: resources.coverage.filter((c) => c.accountId === accountId),
      items: resources.items.filter((i) => i.accountId === accountId),
    };
  },
  /**
   * What covers the organization's other accounts: organization trails (with their event selectors)
   * and ORGANIZATION IAM Access Analyzers. Checks marked crossSegment see them in every account.
   */
  lend(data: Record<string, DataEntry>) {
    const resources = data['aws.config.resources'];
    if (resources?.status !== 'ok') return {};
    const items = (resources.value as ConfigResources).items.filter(organizationWide);
    if (items.length === 0) return {};
    const lent: Record<string, unknown> = { 'aws.config.resources': { coverage: [], items } };
    const selectors = data['aws.cloudtrail.eventSelectors'];
    if (selectors?.status === 'ok')
      lent['aws.cloudtrail.eventSelectors'] = (selectors.value as TrailScope[]).filter((s) =>
        items.some((t) => t.accountId === s.accountId && t.resourceId === s.resourceId),
      );
    return lent;
  },
  resource: (accountId) => `aws-account/${accountId}`,
};

/** An item that serves accounts other than its own across an AWS Organization. */
function organizationWide(item: ConfigItem): boolean {
  const configuration = item.configuration ?? {};
  if (item.resourceType === 'AWS::CloudTrail::Trail') return configuration.isOrganizationTrail === true;
  if (item.resourceType === 'AWS::AccessAnalyzer::Analyzer')
    return String(configuration.Type ?? configuration.type ?? '').toUpperCase() === 'ORGANIZATION';
  return false;
}
