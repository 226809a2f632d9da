import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/paths.js';
export { fakeAwsEnv as awsEnv } from '../../test/fakes/aws/world.js';

/** The built CLI, and the hook that records its resource usage at exit (SOC2_BENCH_RUSAGE). */
export const BIN = join(packageRoot, 'bin', 'soc2.js');
export const RUSAGE_HOOK = join(packageRoot, 'scripts', 'bench', 'rusage-hook.mjs');

/** `soc2 scan` of a config through the built CLI, with the resource usage hook, quiet. */
export function scanArgs(config: string, out: string, format: string, extra: string[] = []): string[] {
  return [
    '--import',
    RUSAGE_HOOK,
    BIN,
    'scan',
    '--config',
    config,
    '--format',
    format,
    '--quiet',
    '--out',
    out,
    ...extra,
  ];
}

/** Highest resident set (VmHWM, kB) of a live process so far, or undefined where /proc has none. */
function highWaterKb(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /**
   * Peak RSS seen from outside (kB), sampled every 250 ms: still known when the process dies without
   * running its exit hook (out of memory).
   */
  sampledPeakKb?: number;
}

/** A child process with a clean environment (no real cloud credentials leak into the bench). */
export function runCli(args: string[], env: Record<string, string>, cwd: string): Promise<CliRun> {
  const base: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(AWS_|GITHUB_|GH_|GOOGLE_|SOC2_|FORCE_COLOR|NO_COLOR|CI$)/.test(key)) continue;
    base[key] = value;
  }
  const child = spawn(process.execPath, args, { cwd, env: { ...base, NO_COLOR: '1', ...env } });
  let stderr = '';
  let sampledPeakKb: number | undefined;
  const sample = () => {
    const kb = child.pid === undefined ? undefined : highWaterKb(child.pid);
    if (kb !== undefined) sampledPeakKb = Math.max(sampledPeakKb ?? 0, kb);
  };
  const timer = setInterval(sample, 250);
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.resume();
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal, stderr, ...(sampledPeakKb !== undefined ? { sampledPeakKb } : {}) });
    }),
  );
}

/** Peak RSS in kB: the scan's own maxRSS when its exit hook ran, else the highest sample. */
export function peakRssKb(rusageFile: string, run: CliRun): number | undefined {
  try {
    return (JSON.parse(readFileSync(rusageFile, 'utf8')) as NodeJS.ResourceUsage).maxRSS;
  } catch {
    return run.sampledPeakKb;
  }
}

export const GITHUB_TOKEN = 'ghp_benchToken0123456789abcdefABCDEF0123456';
export const GOOGLE_TOKEN = 'ya29.bench';
/**
 * Retry-after seconds of 10 ms: GitHub's secondary limit minute (900 REST points) is time-scaled to
 * 600 ms (100x), so latency stays the bound.
 */
export const GITHUB_RETRY_BASE_MS = 10;
/**
 * Google's minute time-scaled to 6 s (10x): the 2,400 queries a minute the scan is paced to become 400 a
 * second, above what 4 requests in flight at 50 ms can send; unscaled, 20,000 users take at least 8.3
 * minutes.
 */
export const GOOGLE_MINUTE_MS = 6000;

export const githubEnv = (): Record<string, string> => ({
  GITHUB_TOKEN,
  SOC2_GITHUB_RETRY_BASE_MS: String(GITHUB_RETRY_BASE_MS),
});
export const googleEnv = (): Record<string, string> => ({
  GOOGLE_OAUTH_ACCESS_TOKEN: GOOGLE_TOKEN,
  SOC2_GOOGLE_MINUTE_MS: String(GOOGLE_MINUTE_MS),
});
