import { allChecks } from '../../checks/index.js';
import { providers } from '../../src/collectors/index.js';
import { loadCatalog } from '../../src/core/catalog.js';
import { defaultConfig, type Config } from '../../src/core/config.js';
import type { ScanResult } from '../../src/engine/result.js';
import { runScan } from '../../src/engine/scan.js';
import { startFaultProxy, type Dialect, type FaultPlan, type FaultStats } from '../fakes/faults.js';

/** Data collection time of every fault-suite scan, so ages and windows are the same in every run. */
export const NOW = new Date('2026-11-02T09:00:00.000Z');

export const catalog = loadCatalog({ checks: allChecks });

export const registered = (id: string): boolean => providers.some((p) => p.id === id);

/** How to reach one provider's fake: its config and the environment its clients read. */
export interface Target {
  provider: Dialect;
  /** Starts the provider's fake; `url` is what clients are pointed at (a proxy goes in between). */
  start(): Promise<{ url: string; close(): Promise<void> }>;
  /** `url` is where the client goes: the proxy, or a broken endpoint. */
  config(url: string): Config['providers'];
  env(url: string): Record<string, string>;
}

/**
 * The AWS SDK reads endpoint overrides and credentials from process.env, as it does for users; the
 * other providers are handed the environment. Either way only the given variables are visible.
 */
const CLEARED = /^(AWS_|GITHUB_|GH_|GOOGLE_|SOC2_)/;

async function withEnv<T>(vars: Record<string, string>, run: (env: NodeJS.ProcessEnv) => Promise<T>) {
  const saved = { ...process.env };
  for (const name of Object.keys(process.env)) if (CLEARED.test(name)) delete process.env[name];
  Object.assign(process.env, vars);
  try {
    return await run(process.env);
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

/** A scan of the given providers through the real engine; each client goes to the URL given for it. */
export async function scanAt(
  targets: { target: Target; url: string }[],
  extraEnv: Record<string, string> = {},
): Promise<ScanResult> {
  const config: Config = { ...defaultConfig(), organization: 'Fault Suite Co', providers: {} };
  const vars: Record<string, string> = {};
  for (const { target, url } of targets) {
    Object.assign(config.providers, target.config(url));
    Object.assign(vars, target.env(url));
  }
  Object.assign(vars, extraEnv);
  return withEnv(vars, async (env) => {
    const { result } = await runScan({
      config,
      catalog,
      checks: allChecks,
      providers,
      selection: { providers: targets.map((t) => t.target.provider) },
      env,
      clock: () => NOW,
    });
    return result;
  });
}

/** One provider scanned through a fault proxy in front of a fresh fake. */
export async function scanThroughFaults(
  target: Target,
  plan: Omit<FaultPlan, 'dialect'> = {},
): Promise<{ result: ScanResult; stats: FaultStats }> {
  const fake = await target.start();
  const proxy = await startFaultProxy(fake.url, { dialect: target.provider, retryAfter: 1, ...plan });
  try {
    const result = await scanAt([{ target, url: proxy.url }]);
    return { result, stats: proxy.stats };
  } finally {
    await proxy.close();
    await fake.close();
  }
}

/** What a scan concluded per check: status, reason and every finding (report.json `checks[]`). */
export function verdicts(result: ScanResult, provider?: string) {
  return result.checks
    .filter((c) => !provider || c.provider === provider)
    .map((c) => ({ id: c.id, status: c.status, reason: c.reason, findings: c.findings }));
}
