import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import entra from '../../../plugins/entra/index.js';
import { providers } from '../../../src/collectors/index.js';
import { defaultConfig, type Config } from '../../../src/core/config.js';
import { packageRoot } from '../../../src/core/paths.js';
import type { CheckResult } from '../../../src/engine/result.js';
import { runScan } from '../../../src/engine/scan.js';
import type { EntraConfig } from '../../../plugins/entra/settings.js';
import { catalogOf, control } from '../../fixtures/engine.js';
import { CLIENT_ID, CLIENT_SECRET, TENANT_ID } from '../../fakes/entra/lumen-ledger.js';
import {
  FAKE_CA,
  startFakeEntra,
  type FakeEntra,
  type FakeOptions,
  type FakeTenant,
} from '../../fakes/entra/server.js';

/** The fake serves HTTPS with a self-signed certificate (MSAL insists on https): trust it in this process. */
export function trustFakeCa(): void {
  setDefaultCACertificates([...getCACertificates('default'), FAKE_CA]);
}

export const ROSTER = `${packageRoot}/demo/hr/roster.csv`;
export const entraChecks = entra.checks!;

const catalog = catalogOf(
  control(
    'TEST-ENTRA',
    ['CC6.1'],
    entraChecks.map((c) => c.id),
  ),
);

export interface EntraScan {
  fake: FakeEntra;
  check(id: string): CheckResult;
  failing(id: string): string[];
  passing(id: string): string[];
}

/** Runs the real scan pipeline (hr + entra providers) against a fake tenant. */
export async function scanEntra(
  tenant: FakeTenant,
  options: FakeOptions = {},
  entraConfig: EntraConfig = {},
  env: NodeJS.ProcessEnv = { AZURE_CLIENT_SECRET: CLIENT_SECRET },
  now = new Date(),
) {
  const fake = await startFakeEntra(tenant, options);
  const config: Config = {
    ...defaultConfig(),
    organization: 'Lumen Ledger, Inc.',
    providers: {
      hr: { roster: ROSTER },
      entra: {
        tenantId: TENANT_ID,
        clientId: CLIENT_ID,
        graphUrl: fake.graphUrl,
        authorityHost: fake.authorityHost,
        retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
        ...entraConfig,
      },
    },
    checks: { 'entra.orphans': { allow: ['scanner-svc@*'] } },
  };
  try {
    const outcome = await runScan({
      config,
      catalog,
      checks: entraChecks,
      providers: [...providers, ...entra.providers!],
      env,
      clock: () => now,
    });
    const check = (id: string): CheckResult => outcome.result.checks.find((c) => c.id === id)!;
    const by = (id: string, status: string) =>
      check(id)
        .findings.filter((f) => f.status === status)
        .map((f) => f.resource)
        .sort();
    return {
      ...outcome,
      fake,
      check,
      failing: (id: string) => by(id, 'fail'),
      passing: (id: string) => by(id, 'pass'),
    };
  } finally {
    await fake.close();
  }
}
