import { describe, expect, it } from 'vitest';
import { parseCredentialReport } from '../../src/collectors/aws/credential-report.js';
import { parseCsv } from '../../src/core/csv.js';
import { decodePolicy } from '../../src/collectors/aws/iam.js';
import awsProvider from '../../src/collectors/aws/provider.js';
import { resourceQuery, staleSource } from '../../src/collectors/aws/config.js';
import { AwsSession } from '../../src/collectors/aws/session.js';
import { defaultConfig } from '../../src/core/config.js';
import { CSV_HEADER } from '../fakes/aws/world.js';

describe('AWS provider detection (no SDK loaded)', () => {
  it('is configured by providers.aws or by credentials in the environment', () => {
    expect(awsProvider.detect({ ...defaultConfig(), providers: { aws: {} } }, {}).configured).toBe(true);
    for (const name of [
      'AWS_ACCESS_KEY_ID',
      'AWS_PROFILE',
      'AWS_WEB_IDENTITY_TOKEN_FILE',
      'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    ]) {
      expect(awsProvider.detect(defaultConfig(), { [name]: 'x' }).configured).toBe(true);
    }
    const none = awsProvider.detect(defaultConfig(), {});
    expect(none.configured).toBe(false);
    expect(!none.configured && none.reason).toMatch(/providers\.aws.*AWS_PROFILE/);
  });
});

describe('credential report CSV', () => {
  it('parses rows by the header AWS sends, keeping N/A and no_information as text', () => {
    const text = `${CSV_HEADER}\n<root_account>,arn:aws:iam::1:root,2020-01-01T00:00:00+00:00,not_supported,no_information,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n`;
    const [root] = parseCredentialReport(text);
    expect(root?.user).toBe('<root_account>');
    expect(root?.password_last_used).toBe('no_information');
    expect(root?.mfa_active).toBe('true');
    expect(root?.cert_2_last_rotated).toBe('N/A');
  });
  it('handles quotes and CRLF', () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n1,2,3').records.map((r) => r.fields)).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['1', '2', '3'],
    ]);
  });
  it('rejects something that is not a credential report', () => {
    expect(() => parseCredentialReport('hello\nworld')).toThrow(/not the expected CSV/);
  });
});

describe('policy documents', () => {
  it('decodes the URL-encoded JSON IAM returns', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/a b+c' }],
    };
    expect(decodePolicy(encodeURIComponent(JSON.stringify(doc)))).toEqual(doc);
    expect(decodePolicy(JSON.stringify(doc))).toEqual(doc);
  });
});

describe('advanced query', () => {
  it('selects the checked resource types and narrows aggregator queries to the scope', () => {
    const q = resourceQuery({ regions: ['us-east-1'], accounts: ['111111111111'] });
    expect(q).toMatch(
      /^SELECT accountId, awsRegion, resourceType, resourceId, resourceName, arn, configurationItemStatus, configuration, supplementaryConfiguration, tags WHERE resourceType IN \('AWS::S3::Bucket'/,
    );
    expect(q).toMatch(/AND awsRegion IN \('us-east-1'\) AND accountId IN \('111111111111'\)$/);
    expect(q.length).toBeLessThan(4096);
  });
});

describe('assumed-role credentials on a long scan', () => {
  it('assume the role again when the credentials are within five minutes of expiring, once for concurrent calls', async () => {
    let clock = Date.parse('2026-12-04T10:00:00Z');
    const credentials = (n: number, expiresInMin: number) => ({
      accessKeyId: `ASIA${n}`,
      secretAccessKey: 'secret',
      sessionToken: 'token',
      expiration: new Date(clock + expiresInMin * 60_000),
    });
    const session = new AwsSession({
      regions: ['us-east-1'],
      maxAttempts: 1,
      requestTimeoutMs: 1000,
    } as never);
    let renewals = 0;
    session.useCredentials(
      '222222222222',
      credentials(0, 60),
      async () => credentials(++renewals, 60),
      () => clock,
    );
    const provider = session.credentialsOf('222222222222')!;
    expect((await provider()).accessKeyId).toBe('ASIA0');
    clock += 54 * 60_000; // 6 minutes left: still valid
    expect((await provider()).accessKeyId).toBe('ASIA0');
    clock += 2 * 60_000; // 4 minutes left: renewed, once
    const [a, b] = await Promise.all([provider(), provider()]);
    expect([a.accessKeyId, b.accessKeyId]).toEqual(['ASIA1', 'ASIA1']);
    expect(renewals).toBe(1);
    expect((await provider()).accessKeyId).toBe('ASIA1');
  });
});

describe('Config aggregator source status (AggregatedSourceStatus)', () => {
  // https://docs.aws.amazon.com/config/latest/APIReference/API_AggregatedSourceStatus.html
  const org = (region: string, state: string) => ({
    SourceId: 'o-a1b2c3d4e5',
    SourceType: 'ORGANIZATION' as const,
    AwsRegion: region,
    LastUpdateStatus: state as 'FAILED',
  });
  const own = (state: string) => ({
    SourceId: '222222222222',
    SourceType: 'ACCOUNT' as const,
    AwsRegion: 'us-east-1',
    LastUpdateStatus: state as 'FAILED',
  });

  it("prefers the account's own source over the organization's in the same region", () => {
    expect(
      staleSource([org('us-east-1', 'FAILED'), own('SUCCEEDED')], 'agg', '222222222222', 'us-east-1'),
    ).toBe(undefined);
    expect(
      staleSource([org('us-east-1', 'SUCCEEDED'), own('FAILED')], 'agg', '222222222222', 'us-east-1')?.error,
    ).toMatch(/source account 222222222222 in us-east-1 is FAILED/);
  });

  it("falls back to the organization's source for that region only, whatever the case of the value", () => {
    const statuses = [org('us-east-1', 'outdated'), org('eu-west-1', 'SUCCEEDED')];
    expect(staleSource(statuses, 'agg', '111111111111', 'us-east-1')?.cause).toMatchObject({
      kind: 'unavailable',
      code: 'OUTDATED',
    });
    expect(staleSource(statuses, 'agg', '111111111111', 'eu-west-1')).toBe(undefined);
    // No source names the region: the resource counts decide.
    expect(staleSource(statuses, 'agg', '111111111111', 'ap-south-1')).toBe(undefined);
  });

  it('classifies a denial the source reported as a permission failure', () => {
    const denied = { ...own('FAILED'), LastErrorCode: 'AccessDeniedException', LastErrorMessage: 'no' };
    expect(staleSource([denied], 'agg', '222222222222', 'us-east-1')?.cause).toMatchObject({
      kind: 'permission',
      code: 'AccessDeniedException',
    });
  });
});
