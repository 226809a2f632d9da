// AWS Config keys are collected and judged one account at a time (src/collectors/aws/segments.ts).
// These tests drive the real SDK clients against the wire-protocol fake and check what segmenting
// must not change: an organization trail and an ORGANIZATION analyzer in the management account still
// cover the members, nothing is judged twice, every account is read once, and the evidence file of a
// segmented key is one whole value again.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allChecks } from '../../checks/index.js';
import { providers } from '../../src/collectors/index.js';
import { loadCatalog } from '../../src/core/catalog.js';
import { defaultConfig, type Config } from '../../src/core/config.js';
import { parseEvidenceJsonl, valueOf } from '../../src/evidence/envelope.js';
import { scanIntoOutput } from '../../src/evidence/scan-into-output.js';
import { withSegments } from '../../src/engine/segmented.js';
import { runScan } from '../../src/engine/scan.js';
import { reporters } from '../../src/report/index.js';
import { stubAwsEnv } from './stub-env.js';
import { startFakeAws, type FakeAws, type FakeWorld } from '../fakes/aws/server.js';
import { account, bucket, item, recordingRegion, trail } from '../fakes/aws/world.js';

const NOW = new Date('2026-11-02T09:00:00.000Z');
const catalog = loadCatalog({ checks: allChecks });
const [A, B, C] = ['111111111111', '222222222222', '333333333333'];
const REGIONS = ['us-east-1', 'eu-west-1'];

let fake: FakeAws | undefined;
const dirs: string[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await fake?.close();
  fake = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const orgTrail = {
  ...trail(A, 'us-east-1', 'org-trail', true, true),
  configuration: {
    name: 'org-trail',
    isMultiRegionTrail: true,
    logFileValidationEnabled: true,
    isOrganizationTrail: true,
    homeRegion: 'us-east-1',
    trailARN: `arn:aws:cloudtrail:us-east-1:${A}:trail/org-trail`,
    s3BucketName: 'trail-bucket',
  },
};
// configuration.Type: AWS Config resource schema for AWS::AccessAnalyzer::Analyzer (ACCOUNT | ORGANIZATION).
const analyzer = (accountId: string, region: string, name: string, type: string) =>
  item(accountId, region, 'AWS::AccessAnalyzer::Analyzer', name, { AnalyzerName: name, Type: type });

/** The management account holds the organization's trail and analyzers; the members hold buckets. */
function world(members: string[]): FakeWorld {
  return {
    callerAccount: A,
    aggregator: undefined,
    throttle: {},
    pageSize: { iam: 100, config: 2, organizations: 20, compliance: 25 },
    accounts: [
      account(A, {
        regions: Object.fromEntries(
          REGIONS.map((region) => [
            region,
            recordingRegion({
              items: [
                ...(region === 'us-east-1' ? [orgTrail] : []),
                analyzer(A, region, `org-${region}`, 'ORGANIZATION'),
                bucket(A, region, `a-${region}`, { encrypted: true, blocked: true, versioned: true }),
              ],
            }),
          ]),
        ),
      }),
      ...members.map((id) =>
        account(id, {
          regions: Object.fromEntries(
            REGIONS.map((region) => [
              region,
              recordingRegion({
                items: [
                  bucket(id, region, `b-${id}-${region}`, {
                    encrypted: id === B,
                    blocked: true,
                    versioned: false,
                  }),
                  bucket(id, region, `c-${id}-${region}`, {
                    encrypted: false,
                    blocked: false,
                    versioned: true,
                  }),
                  item(id, region, 'AWS::EC2::Volume', `vol-${id}-${region}`, { encrypted: false }),
                ],
              }),
            ]),
          ),
        }),
      ),
    ],
  };
}

async function scan(w: FakeWorld) {
  fake = await startFakeAws(w);
  const config: Config = {
    ...defaultConfig(),
    organization: 'Test Co',
    providers: { aws: { organization: true, regions: REGIONS } },
  };
  return {
    config,
    options: {
      config,
      catalog,
      checks: allChecks,
      providers,
      selection: { providers: ['aws'] },
      env: stubAwsEnv(fake.url),
      clock: () => NOW,
    },
  };
}

const verdicts = (result: Awaited<ReturnType<typeof runScan>>['result'], accountId: string) =>
  result.checks
    .flatMap((c) =>
      c.findings
        .filter((f) => f.resource.includes(accountId))
        .map((f) => `${c.id} ${f.resource} ${f.status}`),
    )
    .sort();

describe('AWS Config judged one account at a time', () => {
  it('lets the management account’s organization trail and analyzers cover the members, judging each resource once', async () => {
    const { options } = await scan(world([B, C]));
    const { result } = await runScan(options);
    const check = (id: string) => result.checks.find((c) => c.id === id)!;

    const trails = check('aws.cloudtrail-multi-region');
    for (const id of [A, B, C]) {
      const finding = trails.findings.find((f) => f.resource === `aws-account/${id}`);
      expect(finding?.status, id).toBe('pass');
    }
    expect(trails.findings.find((f) => f.resource === `aws-account/${B}`)?.message).toContain(
      `organization trail of ${A}`,
    );
    for (const id of [B, C])
      for (const region of REGIONS)
        expect(
          check('aws.access-analyzer-enabled').findings.find(
            (f) => f.resource === `aws-account/${id}/${region}`,
          )?.status,
        ).toBe('pass');
    // The trail lent to B and C is judged once, in A's segment, by the checks that read trails.
    const trailArn = `arn:aws:cloudtrail:us-east-1:${A}:org-trail`;
    for (const id of ['aws.cloudtrail-kms-encryption', 'aws.cloudtrail-cloudwatch-logs'])
      expect(
        check(id).findings.filter((f) => f.resource === trailArn),
        id,
      ).toHaveLength(1);
    // Every bucket of every account is judged exactly once.
    const buckets = check('aws.s3-encryption').findings.filter((f) => f.resource.startsWith('arn:aws:s3'));
    expect(buckets).toHaveLength(2 + 2 * 2 * 2);
    expect(new Set(buckets.map((f) => f.resource)).size).toBe(buckets.length);
    // Each account-region's resources are queried once: 2 items a page.
    const selects = fake!.requests.filter((r) => r.action === 'SelectResourceConfig');
    const pages = (items: number) => Math.ceil(items / 2);
    expect(selects).toHaveLength(pages(3) + pages(2) + 2 * REGIONS.length * pages(3));
  });

  it('says of each account what a scan of that account alone says', async () => {
    const { options: whole } = await scan(world([B, C]));
    const big = await runScan(whole);
    await fake!.close();
    const { options: small } = await scan(world([B]));
    const alone = await runScan(small);
    for (const id of [A, B]) expect(verdicts(big.result, id), id).toEqual(verdicts(alone.result, id));
    expect(verdicts(big.result, C).length).toBeGreaterThan(0);
  });

  it('writes a segmented key’s evidence as one value, with every account’s calls, equal to the data judged', async () => {
    const { options } = await scan(world([B, C]));
    const dir = mkdtempSync(join(tmpdir(), 'soc2-segmented-'));
    dirs.push(dir);
    let whole: ReturnType<typeof withSegments> | undefined;
    await scanIntoOutput({
      ...options,
      outDir: join(dir, 'out'),
      reporters: reporters.filter((r) => r.format === 'json'),
      onOutcome: (outcome) => (whole = withSegments(outcome.snapshot, outcome.segments)),
    });
    const text = readFileSync(join(dir, 'out', 'evidence', 'data', 'aws.config.resources.jsonl'), 'utf8');
    const { envelope, records } = parseEvidenceJsonl(text);
    expect(envelope.records).toBe(records.length);
    expect(envelope.complete).toBe(true);
    const value = valueOf(envelope, records) as { coverage: unknown[]; items: unknown[] };
    expect(value).toEqual((whole!.data['aws.config.resources'] as { value: unknown }).value);
    expect(value.coverage).toHaveLength(3 * REGIONS.length);
    const accounts = new Set(
      envelope.calls
        .filter((c) => c.operation === 'config:SelectResourceConfig')
        .map((c) => String(c.params?.account ?? '')),
    );
    expect(accounts).toEqual(new Set([A, B, C]));
  });
});
