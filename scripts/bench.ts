/**
 * `npm run bench`: scans a large synthetic organization on the local wire-protocol fakes, through the
 * built CLI, with a fixed latency on every request, and compares what happened with what the APIs
 * allow at best. Writes a Markdown table to bench-results.md (and prints it).
 *
 *   npm run bench -- [--scale 1] [--latency 50] [--only aws-iam,aws-config,github,google]
 *                    [--runs 3] [--help-runs 10] [--demo-runs 3] [--out bench-results.md]
 *                    [--combined] [--curve 0.02,0.1,0.25,0.5,1] [--verdict-accounts 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { allChecks } from '../checks/index.js';
import { providers } from '../src/collectors/index.js';
import type { ScanResult } from '../src/engine/result.js';
import { startFakeAws } from '../test/fakes/aws/server.js';
import { awsService, startFaultProxy, type Dialect, type FaultStats } from '../test/fakes/faults.js';
import { startFakeGithub } from '../test/fakes/github/server.js';
import { startFakeGoogle } from '../test/fakes/google/server.js';
import { awsSizes, awsWorld, REGIONS } from './bench/aws-world.js';
import {
  combinedFormats,
  combinedTable,
  curveTable,
  describeSize,
  orgSize,
  runCombined,
} from './bench/combined.js';
import {
  awsEnv,
  BIN,
  GITHUB_TOKEN,
  githubEnv,
  GOOGLE_TOKEN,
  googleEnv,
  RUSAGE_HOOK,
  runCli,
  scanArgs,
} from './bench/cli.js';
import { githubOrg, githubSizes } from './bench/github-world.js';
import { DOMAIN, googleSizes, googleTenant, RISKY } from './bench/google-world.js';
import {
  awsCosts,
  chainOf,
  closure,
  githubCosts,
  googleCosts,
  lowerBoundMs,
  minimumOf,
  type KeyCost,
} from './bench/plan.js';

interface Options {
  scale: number;
  latency: number;
  only?: string[];
  runs: number;
  helpRuns: number;
  demoRuns: number;
  out: string;
  /** Only the combined scan of every provider at once. */
  combinedOnly: boolean;
  /** Only the combined scan at each of these scales (peak RSS against organization size). */
  curve?: number[];
  verdictAccounts: number;
  /** Report formats of the combined scan besides json and csv. */
  formats: string[];
}

const USAGE = `Usage: npm run bench -- [options]

Scans a large synthetic organization on the local fakes through the CLI and writes a Markdown table.
  --scale N        fraction of the full organization (default 1: 50 AWS accounts x 200 users,
                   5 regions x 2,000 Config resources, 1,000 repos, 2,000 members, 20,000 Google users)
  --latency MS     latency injected per request (default 50)
  --only LIST      only these services: aws-iam, aws-config, github, google (comma-separated)
  --runs N         runs of each service whose first run takes under 30 s; the row shown is the
                   run with the median wall time (default 3)
  --help-runs N    runs of soc2 --help to time (default 10)
  --demo-runs N    runs of soc2 scan --demo to time (default 3)
  --out FILE       where to write the table (default bench-results.md)
  --combined       only the combined run: one scan of AWS, GitHub, Google and an HR roster at once,
                   with the fakes enforcing GitHub's hourly budget and Google's per-minute quota
                   (run by default after the per-service rows)
  --curve LIST     only the combined run at each scale (e.g. 0.02,0.1,0.25,0.5,1): peak RSS against
                   organization size
  --verdict-accounts N  after the combined run, scan N AWS accounts of the same world alone and
                   compare their findings.csv verdicts with the full run's (default 3; 0: skip)
  --format LIST    more report formats for the combined scan than json,csv (e.g. md,html,sarif)
`;

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    scale: 1,
    latency: 50,
    runs: 3,
    helpRuns: 10,
    demoRuns: 3,
    out: 'bench-results.md',
    combinedOnly: false,
    verdictAccounts: 3,
    formats: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    const number = () => {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new UsageError(`${flag} needs a non-negative number`);
      i++;
      return n;
    };
    if (flag === '--scale') options.scale = number();
    else if (flag === '--latency') options.latency = number();
    else if (flag === '--runs') options.runs = Math.max(1, number());
    else if (flag === '--help-runs') options.helpRuns = number();
    else if (flag === '--demo-runs') options.demoRuns = number();
    else if (flag === '--verdict-accounts') options.verdictAccounts = Math.floor(number());
    else if (flag === '--combined') options.combinedOnly = true;
    else if (flag === '--curve') {
      options.curve = (value ?? '').split(',').map(Number);
      if (!options.curve.every((n) => Number.isFinite(n) && n > 0))
        throw new UsageError('--curve needs scales above 0, comma-separated (e.g. 0.02,0.1,0.25)');
      i++;
    } else if (flag === '--help' || flag === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (flag === '--only') {
      options.only = (value ?? '').split(',');
      i++;
    } else if (flag === '--format') {
      options.formats = (value ?? '').split(',').filter(Boolean);
      i++;
    } else if (flag === '--out') {
      options.out = value ?? options.out;
      i++;
    } else throw new UsageError(`unknown flag ${flag}\n\n${USAGE}`);
  }
  if (options.scale <= 0) throw new UsageError('--scale must be above 0');
  return options;
}

interface Endpoint {
  url: string;
  close(): Promise<void>;
}

interface ServiceRun {
  name: string;
  provider: Dialect;
  /** Checks of this run: the ones whose data keys all belong to it. */
  checks: string[];
  costs: Record<string, KeyCost>;
  size: string;
  start(): Promise<Endpoint>;
  config(url: string): Record<string, unknown>;
  env(url: string): Record<string, string>;
  classify?: Parameters<typeof startFaultProxy>[1]['classify'];
}

interface Measured {
  run: ServiceRun;
  keys: string[];
  requests: number;
  byService: FaultStats['byService'];
  peakInFlight: number;
  minimum: number;
  chain: number;
  concurrency: number;
  wallMs: number;
  scanMs: number;
  lowerBoundMs: number;
  maxRssKb: number;
  cpuMs: number;
  /** CPU the fakes and the latency proxy (this process) used meanwhile: they share the machine. */
  fakeCpuMs: number;
  exitCode: number | null;
  errors: string[];
  stats?: Record<string, number | string>;
  /** Wall time of every run of this service, this one included. */
  wallsMs: number[];
}

/** Services this short are run several times: one run is at the mercy of whatever else the machine does. */
const REPEAT_UNDER_MS = 30_000;

function checksOf(provider: string, accept: (keys: readonly string[]) => boolean): string[] {
  return allChecks
    .filter((c) => c.provider === provider && accept(c.requires))
    .map((c) => c.id)
    .sort();
}

function services(options: Options): ServiceRun[] {
  const aws = awsSizes(options.scale);
  const gh = githubSizes(options.scale);
  const google = googleSizes(options.scale);
  const startAws = async () => {
    const fake = await startFakeAws(awsWorld(aws));
    return { url: fake.url, close: () => fake.close() };
  };
  const awsConfig = () => ({ aws: { organization: true, regions: REGIONS } });
  const awsSize = `${aws.accounts} accounts x ${aws.usersPerAccount} users`;
  const configSize = `${aws.accounts} accounts x ${aws.regions.length} regions x ${aws.itemsPerAccountRegion} items`;
  const all: ServiceRun[] = [
    {
      name: 'aws-iam',
      provider: 'aws',
      checks: checksOf('aws', (keys) => keys.every((k) => k.startsWith('aws.iam.') || k === 'aws.accounts')),
      costs: awsCosts(aws),
      size: awsSize,
      start: startAws,
      config: awsConfig,
      env: awsEnv,
      classify: awsService,
    },
    {
      name: 'aws-config',
      provider: 'aws',
      checks: checksOf('aws', (keys) => keys.some((k) => k.startsWith('aws.config.'))),
      costs: awsCosts(aws),
      size: configSize,
      start: startAws,
      config: awsConfig,
      env: awsEnv,
      classify: awsService,
    },
    {
      name: 'github',
      provider: 'github',
      checks: checksOf('github', () => true),
      costs: githubCosts(gh),
      size: `${gh.repos} repos, ${gh.members} members`,
      async start() {
        // About 3,300 REST requests and 31 GraphQL queries: a token's 5,000 an hour on github.com, which
        // the fake enforces.
        const fake = await startFakeGithub(githubOrg(gh), { token: GITHUB_TOKEN, rateLimit: 5_000 });
        return { url: fake.url, close: () => fake.close() };
      },
      config: (url: string) => ({ github: { org: 'bench-org', baseUrl: url } }),
      env: githubEnv,
    },
    {
      name: 'google',
      provider: 'google',
      checks: checksOf('google', () => true),
      costs: googleCosts(google, RISKY.length),
      size: `${google.users} users, ${google.groups} groups`,
      async start() {
        const fake = await startFakeGoogle(googleTenant(google), { token: GOOGLE_TOKEN });
        return { url: fake.rootUrl.replace(/\/$/, ''), close: () => fake.close() };
      },
      config: (url: string) => ({ google: { domain: DOMAIN, rootUrl: `${url}/` } }),
      env: googleEnv,
    },
  ];
  return all.filter((s) => providers.some((p) => p.id === s.provider));
}

async function measure(service: ServiceRun, options: Options): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), `soc2-bench-${service.name}-`));
  const fake = await service.start();
  const proxy = await startFaultProxy(fake.url, {
    dialect: service.provider,
    latencyMs: options.latency,
    ...(service.classify ? { classify: service.classify } : {}),
  });
  try {
    const config = join(dir, 'soc2.config.yaml');
    writeFileSync(config, stringify({ organization: 'Bench Org', providers: service.config(proxy.url) }));
    const rusage = join(dir, 'rusage.json');
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const result = await runCli(
      scanArgs(config, join(dir, 'report'), 'json', [
        '--provider',
        service.provider,
        '--check',
        service.checks.join(','),
      ]),
      { ...service.env(proxy.url), SOC2_BENCH_RUSAGE: rusage },
      dir,
    );
    const wallMs = performance.now() - started;
    const fakeCpu = process.cpuUsage(cpuBefore);
    const usage = JSON.parse(readFileSync(rusage, 'utf8')) as NodeJS.ResourceUsage;
    let report: ScanResult | undefined;
    try {
      report = JSON.parse(readFileSync(join(dir, 'report', 'report.json'), 'utf8')) as ScanResult;
    } catch {
      report = undefined;
    }
    if (!report) throw new Error(`${service.name}: no report (exit ${result.code}): ${result.stderr}`);
    const keys = closure(
      allChecks.filter((c) => service.checks.includes(c.id)).flatMap((c) => c.requires),
      service.costs,
    );
    const concurrency = providers.find((p) => p.id === service.provider)!.concurrency;
    const minimum = minimumOf(keys, service.costs);
    const chain = chainOf(keys, service.costs);
    return {
      run: service,
      keys,
      requests: proxy.stats.total.requests,
      byService: proxy.stats.byService,
      peakInFlight: proxy.stats.peakInFlight,
      minimum,
      chain,
      concurrency,
      wallMs,
      scanMs: Date.parse(report.scan.finishedAt) - Date.parse(report.scan.startedAt),
      lowerBoundMs: lowerBoundMs(minimum, chain, concurrency, options.latency),
      maxRssKb: usage.maxRSS,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      fakeCpuMs: (fakeCpu.user + fakeCpu.system) / 1000,
      exitCode: result.code,
      errors: report.checks.filter((c) => c.status === 'error').map((c) => `${c.id}: ${c.reason}`),
      stats: report.providers.find((p) => p.id === service.provider)?.stats,
      wallsMs: [wallMs],
    };
  } finally {
    await proxy.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Median wall and CPU time of `soc2 <args>` over several runs. */
function timeRuns(runs: number, args: string[]): { wallMs: number; cpuMs: number } {
  const walls: number[] = [];
  const cpu: number[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'soc2-bench-time-'));
  const rusage = join(dir, 'rusage.json');
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['--import', RUSAGE_HOOK, BIN, ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', SOC2_BENCH_RUSAGE: rusage },
    });
    walls.push(performance.now() - started);
    if (result.status === null || result.status === 2)
      throw new Error(`soc2 ${args.join(' ')} failed: ${result.stderr}`);
    const usage = JSON.parse(readFileSync(rusage, 'utf8')) as NodeJS.ResourceUsage;
    cpu.push((usage.userCPUTime + usage.systemCPUTime) / 1000);
  }
  rmSync(dir, { recursive: true, force: true });
  return { wallMs: median(walls), cpuMs: median(cpu) };
}

/** The run with the median wall time, carrying every run's wall time. */
function medianRun(runs: Measured[]): Measured {
  const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, wallsMs: runs.map((r) => r.wallMs) };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const mark = (ok: boolean) => (ok ? 'yes' : '**no**');

type Timed = ReturnType<typeof timeRuns>;

const wallCell = (r: Measured) =>
  r.wallsMs.length > 1
    ? `${fmt(r.wallMs / 1000)} (${r.wallsMs.map((w) => fmt(w / 1000)).join(', ')})`
    : fmt(r.wallMs / 1000);

function table(results: Measured[], help: Timed, demo: Timed, options: Options): string {
  const lines: string[] = [];
  lines.push(
    `Scale ${options.scale} · latency ${options.latency} ms per request · Node ${process.versions.node} · ` +
      `${availableParallelism()} CPU (${cpus()[0]?.model.trim() ?? 'unknown'}), load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at the end · ${new Date().toISOString()}`,
    '',
    '| Service | Organization | Requests | Minimum | x min | Wall (s) | Lower bound (s) | x bound | Scan (s) | Peak RSS (MB) | CPU (s) | Fakes CPU (s) | Concurrency (peak in flight) | Targets met |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const r of results) {
    const reqRatio = r.requests / r.minimum;
    const wallRatio = r.wallMs / r.lowerBoundMs;
    const rssMb = r.maxRssKb / 1024;
    const ok = [
      `requests ${mark(reqRatio <= 1.1)}`,
      `wall ${mark(wallRatio <= 1.5)}`,
      `RSS ${mark(rssMb < 512)}`,
      ...(r.errors.length ? [`**${r.errors.length} checks in error**`] : []),
    ].join(', ');
    lines.push(
      `| ${r.run.name} | ${r.run.size} | ${r.requests} | ${r.minimum} | ${fmt(reqRatio, 2)} | ${wallCell(r)} | ${fmt(r.lowerBoundMs / 1000)} | ${fmt(wallRatio, 2)} | ${fmt(r.scanMs / 1000)} | ${fmt(rssMb, 0)} | ${fmt(r.cpuMs / 1000)} | ${fmt(r.fakeCpuMs / 1000)} | ${r.concurrency} (${r.peakInFlight}) | ${ok} |`,
    );
  }
  lines.push(
    '',
    `Services whose first run takes under ${REPEAT_UNDER_MS / 1000} s are run up to ${options.runs} times; their row is the run with the median wall time, with every run's wall time in brackets.`,
    '',
    '| Start-up and demo | Median wall (ms) | Median CPU (ms) | Target (wall) | Met |',
    '|---|---:|---:|---:|---|',
    `| \`soc2 --help\` (${options.helpRuns} runs) | ${fmt(help.wallMs, 0)} | ${fmt(help.cpuMs, 0)} | < 200 | ${mark(help.wallMs < 200)} |`,
    `| \`soc2 scan --demo\` (${options.demoRuns} runs) | ${fmt(demo.wallMs, 0)} | ${fmt(demo.cpuMs, 0)} | < 2000 | ${mark(demo.wallMs < 2000)} |`,
    '',
    'Requests per API operation (minimum from documented page sizes; see docs/reliability.md for the formulas):',
    '',
  );
  for (const r of results) {
    const byService = [...r.byService].map(([name, c]) => `${name} ${c.requests}`).join(', ');
    const perKey = r.keys.map((k) => `${k} ${r.run.costs[k]?.minimum ?? '?'}`).join(', ');
    lines.push(
      `- ${r.run.name}: made ${byService}; minimum per data key: ${perKey}; longest chain ${r.chain} requests.`,
    );
    const ops = Object.entries(r.stats ?? {}).filter(([k]) => k.startsWith('requests.'));
    if (ops.length) lines.push(`  - per operation: ${ops.map(([k, v]) => `${k.slice(9)} ${v}`).join(', ')}`);
    if (r.errors.length) lines.push(`  - checks in error: ${r.errors.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}

async function combined(scale: number, options: Options, verdictAccounts: number) {
  process.stderr.write(`bench: combined, scale ${scale}: ${describeSize(orgSize(scale))}...\n`);
  const run = await runCombined(scale, options.latency, verdictAccounts, combinedFormats(options.formats));
  process.stderr.write(
    `bench: combined, scale ${scale}: exit ${run.exitCode ?? run.signal}, ${fmt(run.wallMs / 1000)} s (bound ${fmt(run.boundMs / 1000)} s), peak RSS ${run.peakRssKb === undefined ? '?' : fmt(run.peakRssKb / 1024, 0)} MB\n`,
  );
  return run;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.curve) {
    const runs = [];
    for (const scale of options.curve) runs.push(await combined(scale, options, 0));
    const text = curveTable(runs, options.latency);
    writeFileSync(options.out, `# soc2 benchmark: peak RSS curve\n\n${text}`);
    process.stdout.write(text);
    return;
  }
  if (options.combinedOnly) {
    const text = combinedTable(
      await combined(options.scale, options, options.verdictAccounts),
      options.latency,
    );
    writeFileSync(options.out, `# soc2 benchmark: combined scan\n\n${text}`);
    process.stdout.write(text);
    return;
  }
  const chosen = services(options).filter((s) => !options.only || options.only.includes(s.name));
  const results: Measured[] = [];
  for (const service of chosen) {
    process.stderr.write(`bench: ${service.name} (${service.size}, ${service.checks.length} checks)...\n`);
    const runs = [await measure(service, options)];
    while (runs.length < options.runs && runs[0]!.wallMs < REPEAT_UNDER_MS)
      runs.push(await measure(service, options));
    const measured = medianRun(runs);
    process.stderr.write(
      `bench: ${service.name}: ${measured.requests} requests (min ${measured.minimum}), ${runs.map((r) => fmt(r.wallMs / 1000)).join(', ')} s (bound ${fmt(measured.lowerBoundMs / 1000)} s)\n`,
    );
    results.push(measured);
  }
  process.stderr.write('bench: soc2 --help...\n');
  const help = timeRuns(options.helpRuns, ['--help']);
  process.stderr.write('bench: soc2 scan --demo...\n');
  const demoOut = mkdtempSync(join(tmpdir(), 'soc2-bench-demo-'));
  const demo = timeRuns(options.demoRuns, ['scan', '--demo', '--quiet', '--out', join(demoOut, 'report')]);
  rmSync(demoOut, { recursive: true, force: true });
  const all = combinedTable(await combined(options.scale, options, options.verdictAccounts), options.latency);
  const text = `${table(results, help, demo, options)}\n${all}`;
  writeFileSync(options.out, `# soc2 benchmark\n\n${text}`);
  process.stdout.write(text);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`bench: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
