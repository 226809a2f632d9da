/**
 * Regenerates demo/snapshot/entra.json: runs the Entra ID plugin's real collectors against the local
 * identity platform + Graph fake holding Lumen Ledger's tenant as of the demo's collection time.
 *
 *   npx tsc -p tsconfig.json --noEmit false --outDir .gen && cp -r test/fakes/entra/tls .gen/test/fakes/entra/ && node .gen/scripts/entra-demo-snapshot.js; rm -rf .gen
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import entra from '../plugins/entra/index.js';
import { defaultConfig } from '../src/core/config.js';
import { packageRoot } from '../src/core/paths.js';
import { runScan } from '../src/engine/scan.js';
import { catalogOf, control } from '../test/fixtures/engine.js';
import { CLIENT_ID, CLIENT_SECRET, lumenLedgerTenant, TENANT_ID } from '../test/fakes/entra/lumen-ledger.js';
import { FAKE_CA, startFakeEntra } from '../test/fakes/entra/server.js';

const collectedAt = new Date('2026-11-02T09:00:00.000Z');
// The HR joins read the roster, which the demo reads live: only the Entra ID keys are recorded.
const checks = entra.checks!.filter((check) => check.requires.every((key) => key.startsWith('entra.')));
setDefaultCACertificates([...getCACertificates('default'), FAKE_CA]);
const fake = await startFakeEntra(lumenLedgerTenant(collectedAt));
try {
  const { snapshot } = await runScan({
    config: {
      ...defaultConfig(),
      organization: 'Lumen Ledger, Inc.',
      providers: {
        entra: {
          tenantId: TENANT_ID,
          clientId: CLIENT_ID,
          graphUrl: fake.graphUrl,
          authorityHost: fake.authorityHost,
        },
      },
    },
    catalog: catalogOf(
      control(
        'GEN',
        ['CC6.1'],
        checks.map((c) => c.id),
      ),
    ),
    checks,
    providers: entra.providers!,
    env: { AZURE_CLIENT_SECRET: CLIENT_SECRET },
    clock: () => collectedAt,
  });
  const out = join(packageRoot, 'demo', 'snapshot', 'entra.json');
  writeFileSync(out, `${JSON.stringify(snapshot, null, 2)}\n`);
  console.log(`wrote ${out}: ${Object.keys(snapshot.data).join(', ')}`);
} finally {
  await fake.close();
}
