import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { allChecks } from '../../checks/index.js';
import { providers } from '../../src/collectors/index.js';
import { POINTS_PER_MINUTE } from '../../src/collectors/github/client.js';
import { DEFAULT_QUERIES_PER_MINUTE } from '../../src/collectors/google/session.js';
import { ROSTER_FIELDS } from '../../src/collectors/hr/columns.js';
import { startFakeAws } from '../../test/fakes/aws/server.js';
import { awsService, startFaultProxy, type FaultProxy, type RequestFacts } from '../../test/fakes/faults.js';
import { startFakeGithub } from '../../test/fakes/github/server.js';
import { startFakeGoogle } from '../../test/fakes/google/server.js';
import { awsAccountIds, awsSizes, awsWorld, REGIONS } from './aws-world.js';
import {
  awsEnv,
  GITHUB_RETRY_BASE_MS,
  GITHUB_TOKEN,
  githubEnv,
  GOOGLE_MINUTE_MS,
  GOOGLE_TOKEN,
  googleEnv,
  peakRssKb,
  runCli,
  scanArgs,
} from './cli.js';
import { githubOrg, githubSizes } from './github-world.js';
import { DOMAIN, googleSizes, googleTenant, RISKY } from './google-world.js';
import {
  awsCosts,
  chainOf,
  closure,
  githubCosts,
  githubMinimums,
  googleCosts,
  lowerBoundMs,
  minimumOf,
  quotaFloorMs,
  type KeyCost,
} from './plan.js';
import { checksInErrorOfFile, compareVerdicts, verdictLine, verdictsOfFile } from './findings-csv.js';

/**
 * One `soc2 scan` of every provider at once (AWS organization, GitHub, Google Workspace, HR roster) on
 * the local fakes, each behind the latency proxy, with the fakes enforcing the documented quotas:
 * GitHub's 5,000 requests an hour (real hour) and Google's 2,400 queries a minute (time-scaled).
 */

/** A GitHub token's hourly budget on github.com (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api). */
const GITHUB_HOURLY = 5000;
const HOUR_MS = 3_600_000;
/** findings.csv holds every finding, whatever report.json keeps: the verdicts are compared on it. */
const FORMATS = 'json,csv';

/** The report formats of the combined scan: json and csv (which the results are read from), and more. */
export function combinedFormats(extra: readonly string[] = []): string {
  return [...new Set([...FORMATS.split(','), ...extra])].join(',');
}

export interface OrgSize {
  accounts: number;
  configItems: number;
  repos: number;
  members: number;
  googleUsers: number;
}

export interface ApiRow {
  api: string;
  requests: number;
  minimum?: number;
  detail?: string;
}

export interface ProviderBound {
  provider: string;
  concurrency: number;
  chain: number;
  minimum: number;
  latencyMs: number;
  /** Quota floor and what imposes it. */
  quotaMs: number;
  quota: string;
  boundMs: number;
}

export interface CombinedRun {
  scale: number;
  size: OrgSize;
  formats: string;
  exitCode: number | null;
  signal: string | null;
  reportWritten: boolean;
  csvWritten: boolean;
  peakRssKb?: number;
  /** Peak RSS of this process so far (the fakes and proxies), which is not the scan's. */
  benchRssKb: number;
  wallMs: number;
  bounds: ProviderBound[];
  boundMs: number;
  apis: ApiRow[];
  /** Requests GitHub's fake received while the budget they count against was spent. */
  githubAfterExhaustion: number;
  googleQuotaRefusals: number;
  checksInError: string[];
  /** Keys the checks read that have no known minimum (their requests are not in any minimum). */
  unplannedKeys: string[];
  stderrTail: string;
  verdicts?: string;
}

export function orgSize(scale: number): OrgSize {
  const aws = awsSizes(scale);
  const gh = githubSizes(scale);
  return {
    accounts: aws.accounts,
    configItems: aws.accounts * aws.regions.length * aws.itemsPerAccountRegion,
    repos: gh.repos,
    members: gh.members,
    googleUsers: googleSizes(scale).users,
  };
}

const githubApi = (request: RequestFacts) =>
  request.method === 'POST' && request.url.endsWith('/graphql')
    ? 'graphql'
    : request.url.startsWith('/rate_limit')
      ? 'rate_limit'
      : 'rest';
const googleApi = (request: RequestFacts) =>
  request.url.startsWith('/admin/reports/')
    ? 'reports'
    : request.url.startsWith('/admin/directory/')
      ? 'directory'
      : 'cloudidentity';

/** The HR roster of the Google users: suspended users left, the first GitHub members have logins. */
function roster(scale: number): string {
  const google = googleSizes(scale);
  const members = githubSizes(scale).members;
  const lines = [ROSTER_FIELDS.join(',')];
  for (let u = 0; u < google.users; u++) {
    const left = u >= google.users - google.suspended;
    const row: Record<string, string> = {
      email: `user${u}@${DOMAIN}`,
      name: `User ${u}`,
      status: left ? 'terminated' : 'active',
      start_date: '2024-01-15',
      end_date: left ? '2026-10-01' : '',
      github: u < members ? `member-${u}` : '',
    };
    lines.push(ROSTER_FIELDS.map((f) => row[f] ?? '').join(','));
  }
  return `${lines.join('\n')}\n`;
}

const keysOf = (provider: string) =>
  allChecks.filter((c) => c.provider === provider).flatMap((c) => c.requires);

function sum(proxy: FaultProxy, names: string[]): number {
  return names.reduce((n, name) => n + (proxy.stats.byService.get(name)?.requests ?? 0), 0);
}

function boundOf(
  provider: string,
  keys: string[],
  costs: Record<string, KeyCost>,
  latencyMs: number,
  quota: { ms: number; text: string },
): ProviderBound {
  const concurrency = providers.find((p) => p.id === provider)!.concurrency;
  const minimum = minimumOf(keys, costs);
  const chain = chainOf(keys, costs);
  const latencyBound = lowerBoundMs(minimum, chain, concurrency, latencyMs);
  return {
    provider,
    concurrency,
    chain,
    minimum,
    latencyMs: latencyBound,
    quotaMs: quota.ms,
    quota: quota.text,
    boundMs: Math.max(latencyBound, quota.ms),
  };
}

interface Plan {
  aws: { keys: string[]; costs: Record<string, KeyCost> };
  github: { rest: number; graphql: number };
  googleMinimum: number;
  bounds: ProviderBound[];
  unplannedKeys: string[];
}

/** Minimum requests and the wall-time bound of the combined scan at `scale`. */
function planOf(scale: number, latencyMs: number): Plan {
  const awsCost = awsCosts(awsSizes(scale));
  const ghSizes = githubSizes(scale);
  const ghCost = githubCosts(ghSizes);
  const gCost = googleCosts(googleSizes(scale), RISKY.length);
  const awsKeys = closure(keysOf('aws'), awsCost);
  const ghKeys = closure(keysOf('github'), ghCost);
  const gKeys = closure(keysOf('google'), gCost);
  const gh = githubMinimums(ghSizes);
  const googleMinimum = minimumOf(gKeys, gCost);
  const secondaryMinuteMs = 60 * GITHUB_RETRY_BASE_MS;
  const costs = { ...awsCost, ...ghCost, ...gCost };
  return {
    aws: { keys: awsKeys, costs: awsCost },
    github: gh,
    googleMinimum,
    bounds: [
      boundOf('aws', awsKeys, awsCost, latencyMs, { ms: 0, text: 'not enforced by the fake' }),
      boundOf('github', ghKeys, ghCost, latencyMs, {
        ms: Math.max(
          quotaFloorMs(gh.rest, POINTS_PER_MINUTE.core, secondaryMinuteMs),
          quotaFloorMs(gh.rest, GITHUB_HOURLY, HOUR_MS),
        ),
        text: `${POINTS_PER_MINUTE.core} REST points a ${secondaryMinuteMs} ms minute, ${GITHUB_HOURLY} an hour`,
      }),
      boundOf('google', gKeys, gCost, latencyMs, {
        ms: quotaFloorMs(googleMinimum, DEFAULT_QUERIES_PER_MINUTE, GOOGLE_MINUTE_MS),
        text: `${DEFAULT_QUERIES_PER_MINUTE} queries a ${GOOGLE_MINUTE_MS} ms minute`,
      }),
    ],
    unplannedKeys: [...new Set([...keysOf('aws'), ...keysOf('github'), ...keysOf('google')])]
      .filter((k) => !costs[k])
      .sort(),
  };
}

/** Requests each API received (counted by the proxies) against the plan's minimum. */
function apiRows(proxies: Started['proxies'], plan: Plan): ApiRow[] {
  const aws = (api: string, services: string[], prefix?: string): ApiRow => ({
    api,
    requests: sum(proxies.aws, services),
    ...(prefix
      ? {
          minimum: minimumOf(
            plan.aws.keys.filter((k) => k.startsWith(prefix)),
            plan.aws.costs,
          ),
        }
      : {}),
  });
  const planned = ['sts', 'organizations', 'iam', 'config', 'cloudtrail'];
  const otherAws = [...proxies.aws.stats.byService.keys()].filter((s) => !planned.includes(s));
  const google = (name: string) => `${name} ${sum(proxies.google, [name])}`;
  return [
    aws('AWS IAM', ['iam'], 'aws.iam.'),
    aws('AWS Config', ['config'], 'aws.config.'),
    aws('STS/Organizations', ['sts', 'organizations'], 'aws.accounts'),
    aws('AWS CloudTrail', ['cloudtrail'], 'aws.cloudtrail.'),
    ...(otherAws.length ? [aws(`AWS other (${otherAws.join(', ')})`, otherAws)] : []),
    { api: 'GitHub REST', requests: sum(proxies.github, ['rest']), minimum: plan.github.rest },
    { api: 'GitHub GraphQL', requests: sum(proxies.github, ['graphql']), minimum: plan.github.graphql },
    {
      api: 'Google Directory/Reports',
      requests: proxies.google.stats.total.requests,
      minimum: plan.googleMinimum,
      detail: [google('directory'), google('reports'), google('cloudidentity')].join(', '),
    },
  ];
}

interface Started {
  proxies: { aws: FaultProxy; github: FaultProxy; google: FaultProxy };
  github: Awaited<ReturnType<typeof startFakeGithub>>;
  google: Awaited<ReturnType<typeof startFakeGoogle>>;
  close(): Promise<void>;
}

async function startWorld(scale: number, latencyMs: number): Promise<Started> {
  const aws = await startFakeAws(awsWorld(awsSizes(scale)));
  const github = await startFakeGithub(githubOrg(githubSizes(scale)), {
    token: GITHUB_TOKEN,
    rateLimit: GITHUB_HOURLY,
  });
  const google = await startFakeGoogle(googleTenant(googleSizes(scale)), {
    token: GOOGLE_TOKEN,
    quota: { perWindow: DEFAULT_QUERIES_PER_MINUTE, windowMs: GOOGLE_MINUTE_MS },
  });
  const proxies = {
    aws: await startFaultProxy(aws.url, { dialect: 'aws', latencyMs, classify: awsService }),
    github: await startFaultProxy(github.url, { dialect: 'github', latencyMs, classify: githubApi }),
    google: await startFaultProxy(google.rootUrl.replace(/\/$/, ''), {
      dialect: 'google',
      latencyMs,
      classify: googleApi,
    }),
  };
  return {
    proxies,
    github,
    google,
    async close() {
      for (const proxy of Object.values(proxies)) await proxy.close();
      await Promise.all([aws.close(), github.close(), google.close()]);
    },
  };
}

/**
 * The full combined scan at `scale`; with `verdictAccounts`, then a scan of only that many AWS
 * accounts of the same world, whose findings.csv rows must equal the full scan's for those accounts.
 */
export async function runCombined(
  scale: number,
  latencyMs: number,
  verdictAccounts = 0,
  formats = FORMATS,
): Promise<CombinedRun> {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-bench-combined-'));
  const world = await startWorld(scale, latencyMs);
  const { proxies } = world;
  try {
    writeFileSync(join(dir, 'roster.csv'), roster(scale));
    const awsConfig = { organization: true, regions: REGIONS };
    const config = join(dir, 'soc2.config.yaml');
    writeFileSync(
      config,
      stringify({
        organization: 'Bench Org',
        providers: {
          aws: awsConfig,
          github: { org: 'bench-org', baseUrl: proxies.github.url },
          google: { domain: DOMAIN, rootUrl: `${proxies.google.url}/` },
          hr: { roster: './roster.csv' },
        },
      }),
    );
    // --no-wait: a spent GitHub budget stops GitHub (its scopes not checked) instead of waiting an hour.
    const env = {
      ...awsEnv(proxies.aws.url),
      ...githubEnv(),
      ...googleEnv(),
      SOC2_NO_WAIT: '1',
    };
    const out = join(dir, 'report');
    const rusage = join(dir, 'rusage.json');
    const started = performance.now();
    const run = await runCli(scanArgs(config, out, formats), { ...env, SOC2_BENCH_RUSAGE: rusage }, dir);
    const wallMs = performance.now() - started;

    const plan = planOf(scale, latencyMs);
    const csv = join(out, 'findings.csv');
    const result: CombinedRun = {
      scale,
      size: orgSize(scale),
      formats,
      exitCode: run.code,
      signal: run.signal,
      reportWritten: existsSync(join(out, 'report.json')),
      csvWritten: existsSync(csv),
      ...(peakRssKb(rusage, run) !== undefined ? { peakRssKb: peakRssKb(rusage, run)! } : {}),
      benchRssKb: process.resourceUsage().maxRSS,
      wallMs,
      bounds: plan.bounds,
      boundMs: Math.max(...plan.bounds.map((b) => b.boundMs)),
      apis: apiRows(proxies, plan),
      githubAfterExhaustion: world.github.afterExhaustion.core + world.github.afterExhaustion.graphql,
      googleQuotaRefusals: world.google.quotaRefusals,
      checksInError: existsSync(csv) ? await checksInErrorOfFile(csv) : [],
      unplannedKeys: plan.unplannedKeys,
      stderrTail: run.stderr.trim().split('\n').slice(-5).join('\n'),
    };
    if (verdictAccounts > 0 && result.csvWritten) {
      process.stderr.write(`bench: combined: the same world, ${verdictAccounts} AWS accounts only...\n`);
      result.verdicts = await sameVerdicts(dir, out, env, scale, verdictAccounts, awsConfig);
    }
    return result;
  } finally {
    await world.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A scan of `count` accounts of the same organization (the config's `accounts:` filter, AWS and HR
 * checks), compared with the full scan's findings.csv rows that name those accounts.
 */
async function sameVerdicts(
  dir: string,
  fullOut: string,
  env: Record<string, string>,
  scale: number,
  count: number,
  awsConfig: Record<string, unknown>,
): Promise<string> {
  // Member accounts (reached by AssumeRole) spread over the organization, from the last one down.
  const all = awsAccountIds(awsSizes(scale));
  const members = all.length > 1 ? all.slice(1) : all;
  const step = Math.max(1, Math.floor(members.length / count));
  const picked = members.filter((_, i) => (members.length - 1 - i) % step === 0).slice(-count);
  const config = join(dir, 'small.config.yaml');
  const small = { aws: { ...awsConfig, accounts: picked }, hr: { roster: './roster.csv' } };
  writeFileSync(config, stringify({ organization: 'Bench Org', providers: small }));
  const out = join(dir, 'small');
  const run = await runCli(scanArgs(config, out, FORMATS, ['--provider', 'aws,hr']), env, dir);
  if (!existsSync(join(out, 'findings.csv')))
    return `verdicts: not compared: the small scan wrote no findings.csv (exit ${run.code}): ${run.stderr.trim().split('\n').slice(-3).join(' ')}`;
  const diff = compareVerdicts(
    await verdictsOfFile(join(fullOut, 'findings.csv'), picked),
    await verdictsOfFile(join(out, 'findings.csv'), picked),
  );
  return `${verdictLine(diff)} (accounts ${picked.join(', ')}; small scan exit ${run.code})`;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const mb = (kb: number | undefined) => (kb === undefined ? 'unknown' : fmt(kb / 1024, 0));
const seconds = (ms: number) => fmt(ms / 1000);

export function describeSize(size: OrgSize): string {
  return `${size.accounts} AWS accounts x ${REGIONS.length} regions (${size.configItems.toLocaleString('en-US')} Config items), ${size.repos} repos, ${size.members} members, ${size.googleUsers} Google users`;
}

const completedCell = (r: CombinedRun) =>
  `${r.reportWritten && r.csvWritten && (r.exitCode === 0 || r.exitCode === 1) ? 'yes' : '**no**'} (exit ${r.exitCode ?? r.signal}${r.reportWritten ? '' : ', no report.json'}${r.csvWritten ? '' : ', no findings.csv'})`;

/** What is time-scaled, and by how much; said with every combined result. */
export const QUOTA_NOTE = [
  `Quotas the fakes enforce: GitHub ${GITHUB_HOURLY.toLocaleString('en-US')} REST requests and ${GITHUB_HOURLY.toLocaleString('en-US')} GraphQL points an hour, NOT time-scaled (a real hour; the scan runs with --no-wait, so a spent budget stops GitHub instead of waiting);`,
  `GitHub's secondary limit (${POINTS_PER_MINUTE.core} REST points a minute) is paced by the scanner, time-scaled 100x (a minute of ${60 * GITHUB_RETRY_BASE_MS} ms, SOC2_GITHUB_RETRY_BASE_MS=${GITHUB_RETRY_BASE_MS}), not enforced by the fake;`,
  `Google ${DEFAULT_QUERIES_PER_MINUTE.toLocaleString('en-US')} queries a minute, enforced by the fake and paced by the scanner, time-scaled ${60_000 / GOOGLE_MINUTE_MS}x (a minute of ${GOOGLE_MINUTE_MS} ms, SOC2_GOOGLE_MINUTE_MS);`,
  'AWS quotas are not enforced.',
].join(' ');

export function combinedTable(r: CombinedRun, latencyMs: number): string {
  const lines = [
    `Combined scan, scale ${r.scale}: ${describeSize(r.size)}, HR roster of the Google users · latency ${latencyMs} ms per request · one \`soc2 scan\` process, all checks, --format ${r.formats}`,
    '',
    QUOTA_NOTE,
    '',
    '| Completed | Peak RSS (MB) | Bench process peak RSS (MB) | Wall (s) | Bound (s) | x bound | GitHub requests after budget exhaustion | Google quota refusals |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    `| ${completedCell(r)} | ${mb(r.peakRssKb)} | ${mb(r.benchRssKb)} | ${seconds(r.wallMs)} | ${seconds(r.boundMs)} | ${fmt(r.wallMs / r.boundMs, 2)} | ${r.githubAfterExhaustion} | ${r.googleQuotaRefusals} |`,
    '',
    '| API | Requests | Minimum | x min |',
    '|---|---:|---:|---:|',
    ...r.apis.map(
      (a) =>
        `| ${a.api} | ${a.requests}${a.detail ? ` (${a.detail})` : ''} | ${a.minimum ?? 'n/a'} | ${a.minimum ? fmt(a.requests / a.minimum, 2) : 'n/a'} |`,
    ),
    '',
    'Bound = max over providers (they run at once) of max(critical path x latency, minimum requests / concurrency x latency, quota floor):',
    '',
    ...r.bounds.map(
      (b) =>
        `- ${b.provider}: ${b.minimum} requests, chain ${b.chain}, concurrency ${b.concurrency}: latency bound ${seconds(b.latencyMs)} s; quota floor ${seconds(b.quotaMs)} s (${b.quota}).`,
    ),
  ];
  if (r.unplannedKeys.length) lines.push(`- data keys with no known minimum: ${r.unplannedKeys.join(', ')}.`);
  if (r.checksInError.length) lines.push('', `Checks in error: ${r.checksInError.join('; ')}`);
  if (!r.reportWritten || (r.exitCode !== 0 && r.exitCode !== 1))
    lines.push('', `Scan stderr (last lines): ${r.stderrTail}`);
  if (r.verdicts) lines.push('', r.verdicts);
  return `${lines.join('\n')}\n`;
}

export function curveTable(runs: CombinedRun[], latencyMs: number): string {
  return (
    [
      `Peak RSS against organization size (combined scan, latency ${latencyMs} ms). ${QUOTA_NOTE}`,
      '',
      '| Scale | AWS accounts | Config items | Repos | Members | Google users | Completed | Peak RSS (MB) | Wall (s) | Bound (s) | Bench process peak RSS (MB) |',
      '|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|',
      ...runs.map(
        (r) =>
          `| ${r.scale} | ${r.size.accounts} | ${r.size.configItems} | ${r.size.repos} | ${r.size.members} | ${r.size.googleUsers} | ${completedCell(r)} | ${mb(r.peakRssKb)} | ${seconds(r.wallMs)} | ${seconds(r.boundMs)} | ${mb(r.benchRssKb)} |`,
      ),
    ].join('\n') + '\n'
  );
}
