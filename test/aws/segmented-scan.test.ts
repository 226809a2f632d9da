// AWS Config keys are collected and judged one account at a time (src/collectors/aws/segments.ts).
// These tests drive the real SDK clients against the wire-protocol fake and check what segmenting
// must not change: an organization trail and an ORGANIZATION analyzer in the management account still
// cover the members, nothing is judged twice, every account is read once, and the evidence file of a
// segmented key is one whole value again.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allChecks } from '../../checks/index.js';
import { providers } from '../../src/collectors/index.js';
import { loadCatalog } from '../../src/core/catalog.js';
import { defaultConfig, type Config } from '../../src/core/config.js';
import { parseEvidenceJsonl, valueOf } from '../../src/evidence/envelope.js';
import { resumeFile, ResumeJournal, scanFingerprint } from '../../src/evidence/resume.js';
import { scanIntoOutput } from '../../src/evidence/scan-into-output.js';
import { InterruptedError } from '../../src/engine/errors.js';
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

describe('--resume after an interruption', () => {
  it('takes over the keys and accounts already complete, reads only the rest, and gives the same result', async () => {
    const { options, config } = await scan(world([B, C]));
    const dir = mkdtempSync(join(tmpdir(), 'soc2-resume-'));
    dirs.push(dir);
    const out = join(dir, 'out');
    const file = resumeFile(out);
    const fingerprint = scanFingerprint(config, options.env);
    const json = reporters.filter((r) => r.format === 'json');

    // Interrupted once the first account's AWS Config data is in.
    const controller = new AbortController();
    const first = ResumeJournal.start(file, fingerprint, NOW.toISOString());
    const interrupted = await scanIntoOutput({
      ...options,
      outDir: out,
      reporters: json,
      journal: first,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'progress' && event.done === 1 && event.total === 3) controller.abort('SIGINT');
      },
    }).catch((error: unknown) => error);
    expect(interrupted).toBeInstanceOf(InterruptedError);
    expect(existsSync(out)).toBe(false);
    const before = fake!.requests.length;

    const { journal, data, taken } = ResumeJournal.resume(file, fingerprint);
    expect(taken).toBeGreaterThan(0);
    // The first account is in (others may be too, 2 are collected at once), never all three.
    const resumedAccounts = Object.keys(data.segments['aws.config.resources'] ?? {});
    expect(resumedAccounts.length).toBeGreaterThan(0);
    expect(resumedAccounts.length).toBeLessThan(3);
    const resumed = await scanIntoOutput({ ...options, outDir: out, reporters: json, journal, resume: data });
    const again = fake!.requests.slice(before);
    // Nothing already complete is asked again but the account list, whose role assumptions the other
    // collectors need: not the finished account's Config data.
    expect(again.filter((r) => r.action === 'AssumeRole')).toHaveLength(2);
    expect(
      again.filter((r) => r.action === 'SelectResourceConfig' && resumedAccounts.includes(r.account)),
    ).toEqual([]);
    expect(again.filter((r) => r.action === 'SelectResourceConfig').length).toBeGreaterThan(0);
    expect(existsSync(file)).toBe(false);

    const fresh = await runScan(options);
    const strip = (r: typeof fresh.result) =>
      r.checks.map((c) => ({ id: c.id, status: c.status, counts: c.counts }));
    expect(strip(resumed.result)).toEqual(strip(fresh.result));
    const envelope = (key: string) =>
      parseEvidenceJsonl(readFileSync(join(out, 'evidence', 'data', `${key}.jsonl`), 'utf8')).envelope;
    expect(envelope('aws.config.resources')).toMatchObject({ resumed: true, complete: true });
    expect(envelope('aws.config.resources').calls.length).toBeGreaterThan(0);
    expect(envelope('aws.accounts').resumed).toBeUndefined();
  });

  it('refuses the progress of another configuration, and a cut-short block is collected again', async () => {
    const { options, config } = await scan(world([B]));
    const dir = mkdtempSync(join(tmpdir(), 'soc2-resume-'));
    dirs.push(dir);
    const file = resumeFile(join(dir, 'out'));
    const journal = ResumeJournal.start(file, scanFingerprint(config, options.env), NOW.toISOString());
    journal.add(
      'aws.accounts',
      undefined,
      { status: 'ok', value: { accounts: [] } },
      {
        provider: 'aws',
        source: {},
        calls: [],
        from: NOW.toISOString(),
        to: NOW.toISOString(),
      },
    );
    journal.close();
    const other = { ...config, providers: { aws: { organization: true, regions: ['us-east-1'] } } };
    expect(() => ResumeJournal.resume(file, scanFingerprint(other, options.env))).toThrow(
      /another configuration/,
    );
    // The interruption cut the last block short: it is dropped, the whole ones before it are kept.
    writeFileSync(
      file,
      readFileSync(file, 'utf8') +
        '{"key":"github.repos","entry":{"status":"ok"},"shape":"list","records":2,"sha256":"x","provenance":{}}\n{"full_',
    );
    const { data, taken, journal: again } = ResumeJournal.resume(file, scanFingerprint(config, options.env));
    again.close();
    expect(taken).toBe(1);
    expect(Object.keys(data.entries)).toEqual(['aws.accounts']);
    expect(readFileSync(file, 'utf8')).not.toContain('github.repos');
  });
});
