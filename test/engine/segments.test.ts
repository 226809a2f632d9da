import { describe, expect, it } from 'vitest';
import { awsSegmentation } from '../../src/collectors/aws/segments.js';
import { defaultConfig } from '../../src/core/config.js';
import type { DataEntry } from '../../src/core/snapshot.js';
import { wholeEntry, withLent } from '../../src/engine/segments.js';

const ok = (value: unknown): DataEntry => ({ status: 'ok', value });
const ci = (accountId: string, resourceType: string, configuration: object) => ({
  accountId,
  awsRegion: 'us-east-1',
  resourceType,
  resourceId: `${resourceType}-${accountId}`,
  configuration,
  supplementaryConfiguration: {},
});

describe('segments', () => {
  it('joins list values and the list fields of object values; an entry not ok stays as it is', () => {
    const data = {
      list: ok([1]),
      object: ok({ source: 'account', items: [1] }),
      failed: { status: 'error', error: 'x' } as DataEntry,
    };
    const joined = withLent(data, [{ list: [2], object: { items: [2], coverage: [9] }, failed: [3] }]);
    expect(joined.list).toEqual(ok([1, 2]));
    expect(joined.object).toEqual(ok({ source: 'account', items: [1, 2] }));
    expect(joined.failed).toBe(data.failed);
    expect(
      wholeEntry([
        ok({ source: 'a', items: [1] }),
        { status: 'error', error: 'x' },
        ok({ source: 'a', items: [2] }),
      ]),
    ).toEqual(ok({ source: 'a', items: [1, 2] }));
  });

  it('splits AWS by account, except through an aggregator, which answers for all accounts at once', () => {
    const scope = {
      mode: 'organization',
      callerAccount: '1',
      partition: 'aws',
      regions: ['us-east-1'],
      accounts: [{ id: '1' }, { id: '2' }],
    };
    expect(awsSegmentation.segments(scope, { ...defaultConfig(), providers: { aws: {} } })).toEqual([
      '1',
      '2',
    ]);
    expect(
      awsSegmentation.segments(scope, {
        ...defaultConfig(),
        providers: { aws: { configAggregator: 'org' } },
      }),
    ).toEqual([]);
    expect(awsSegmentation.narrow('aws.accounts', scope, '2')).toMatchObject({
      accounts: [{ id: '2' }],
      callerAccount: '1',
    });
    const resources = {
      source: 'account',
      coverage: [{ accountId: '1' }, { accountId: '2' }],
      items: [ci('1', 'AWS::S3::Bucket', {}), ci('2', 'AWS::S3::Bucket', {})],
    };
    expect(awsSegmentation.narrow('aws.config.resources', resources, '2')).toEqual({
      source: 'account',
      coverage: [{ accountId: '2' }],
      items: [resources.items[1]],
    });
  });

  it('lends organization trails with their selectors and ORGANIZATION analyzers, nothing else', () => {
    const orgTrail = ci('1', 'AWS::CloudTrail::Trail', { isOrganizationTrail: true });
    const ownTrail = {
      ...ci('1', 'AWS::CloudTrail::Trail', { isOrganizationTrail: false }),
      resourceId: 'own',
    };
    const orgAnalyzer = ci('1', 'AWS::AccessAnalyzer::Analyzer', { Type: 'ORGANIZATION' });
    const accountAnalyzer = {
      ...ci('1', 'AWS::AccessAnalyzer::Analyzer', { Type: 'ACCOUNT' }),
      resourceId: 'acct',
    };
    const selectors = [
      {
        accountId: '1',
        region: 'us-east-1',
        trail: 'org',
        resourceId: orgTrail.resourceId,
        status: 'ok',
        value: {},
      },
      { accountId: '1', region: 'us-east-1', trail: 'own', resourceId: 'own', status: 'ok', value: {} },
    ];
    const lent = awsSegmentation.lend!({
      'aws.config.resources': ok({
        source: 'account',
        coverage: [],
        items: [orgTrail, ownTrail, orgAnalyzer, accountAnalyzer],
      }),
      'aws.cloudtrail.eventSelectors': ok(selectors),
    });
    expect(lent).toEqual({
      'aws.config.resources': { coverage: [], items: [orgTrail, orgAnalyzer] },
      'aws.cloudtrail.eventSelectors': [selectors[0]],
    });
  });
});
