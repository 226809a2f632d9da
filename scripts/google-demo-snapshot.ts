/**
 * Regenerates demo/snapshot/google.json: runs the real Google collectors against the local Admin SDK
 * fake holding Lumen Ledger's tenant as of the demo's collection time, with the Reports scope withheld so
 * the demo shows a skipped data key.
 *
 *   npx tsc -p tsconfig.json --noEmit false --outDir .gen && node .gen/scripts/google-demo-snapshot.js; rm -rf .gen
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allChecks } from '../checks/index.js';

const googleChecks = allChecks.filter((check) => check.provider === 'google');
import { providers } from '../src/collectors/index.js';
import { defaultConfig } from '../src/core/config.js';
import { loadCriteria } from '../src/core/criteria.js';
import { packageRoot } from '../src/core/paths.js';
import { runScan } from '../src/engine/scan.js';
import { DOMAIN, lumenLedgerTenant } from '../test/fakes/google/lumen-ledger.js';
import { startFakeGoogle } from '../test/fakes/google/server.js';

const collectedAt = new Date('2026-11-02T09:00:00.000Z');
const fake = await startFakeGoogle(lumenLedgerTenant(collectedAt), { denied: ['reports'] });
try {
  const { snapshot } = await runScan({
    config: {
      ...defaultConfig(),
      organization: 'Lumen Ledger, Inc.',
      providers: { google: { customer: 'my_customer', domain: DOMAIN, rootUrl: fake.rootUrl } },
    },
    catalog: {
      criteria: loadCriteria(),
      files: [],
      controls: [
        {
          id: 'GEN',
          title: 'generator',
          description: 'generator',
          type: { purpose: 'detective', operation: 'automated' },
          owner: 'IT',
          frequency: 'continuous',
          population: 'generator',
          testProcedure: 'generator',
          criteria: [{ id: 'CC6.1', rationale: 'generator', role: 'tests' }],
          promises: {},
          checks: googleChecks.map((c) => c.id),
          evidence: [],
          source: { file: 'generator', line: 1 },
        },
      ],
    },
    checks: googleChecks,
    providers,
    env: { GOOGLE_OAUTH_ACCESS_TOKEN: 'test-token' },
    clock: () => collectedAt,
  });
  const login = snapshot.data['google.loginEvents'];
  if (login?.status === 'skipped') {
    // As a service account with domain-wide delegation would be told.
    login.reason = login.reason.replace(
      'to the GOOGLE_OAUTH_ACCESS_TOKEN',
      "to the service account's client ID 104918273645019283746 in domain-wide delegation (acting as alice.nguyen@lumenledger.example)",
    );
  }
  const out = join(packageRoot, 'demo', 'snapshot', 'google.json');
  writeFileSync(out, `${JSON.stringify(snapshot, null, 2)}\n`);
  console.log(`wrote ${out}: ${Object.keys(snapshot.data).join(', ')}`);
} finally {
  await fake.close();
}
