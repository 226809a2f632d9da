import { allChecks } from '../../../checks/index.js';
import githubProvider from '../../../src/collectors/github/provider.js';
import type { Catalog } from '../../../src/core/catalog.js';
import type { Config } from '../../../src/core/config.js';
import { loadCriteria } from '../../../src/core/criteria.js';
import type { ScanEvent } from '../../../src/engine/events.js';
import { runScan, type ScanOutcome } from '../../../src/engine/scan.js';
import { DEMO_COLLECTED_AT } from './lumen-ledger.js';
import { testControl } from '../../fixtures/engine.js';

const githubChecks = allChecks.filter((check) => check.provider === 'github');

/** A one-control catalog using every GitHub check, so a scan plans all of them. */
export const githubCatalog: Catalog = {
  controls: [
    testControl({
      id: 'GH-E2E',
      title: 'GitHub end-to-end',
      description: 'Every GitHub check.',
      owner: 'Engineering',
      frequency: 'continuous',
      criteria: [{ id: 'CC8.1', rationale: 'change management' }],
      checks: githubChecks.map((c) => c.id),
      evidence: [],
      source: { file: 'test', line: 1 },
    }),
  ],
  criteria: loadCriteria(),
  files: [],
};

export interface GithubScanOptions {
  org?: string;
  baseUrl?: string;
  /** GitHub App credentials instead of a token. */
  app?: { appId: number; privateKey: string; installationId: number };
  env: NodeJS.ProcessEnv;
  checks?: Record<string, Record<string, unknown>>;
  /** Defaults to the fixture's collection time, so alert ages are the fixture's. */
  clock?: () => Date;
  shard?: { index: number; count: number };
  /** false: per-repository settings over REST only (providers.github.graphql). */
  graphql?: boolean;
  onEvent?: (event: ScanEvent) => void;
}

/** The real engine (plan, collect with Octokit, evaluate, roll up) against a GitHub API at baseUrl. */
export function scanGithub(options: GithubScanOptions): Promise<ScanOutcome> {
  const config: Config = {
    organization: 'Lumen Ledger, Inc.',
    providers: {
      github: {
        org: options.org ?? 'lumen-ledger',
        ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
        ...(options.app ?? {}),
        ...(options.graphql !== undefined ? { graphql: options.graphql } : {}),
      },
    },
    exceptions: [],
    checks: options.checks ?? {},
    ...(options.shard ? { shard: options.shard } : {}),
  };
  return runScan({
    config,
    catalog: githubCatalog,
    checks: githubChecks,
    providers: [githubProvider],
    env: { SOC2_GITHUB_RETRY_BASE_MS: '1', ...options.env },
    clock: options.clock ?? (() => new Date(DEMO_COLLECTED_AT)),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
}
