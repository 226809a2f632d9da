import { describe, expect, it } from 'vitest';
import { providers } from '../../src/collectors/index.js';
import { loadCatalog } from '../../src/core/catalog.js';
import { loadConfig } from '../../src/core/config.js';
import { demoDir } from '../../src/core/paths.js';
import { runScan } from '../../src/engine/scan.js';
import { builtInPlugins } from '../../src/registry/builtins.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { join } from 'node:path';

describe('the demo company files', () => {
  it('read cleanly and produce the findings the demo is built to show', async () => {
    // The demo config names the bundled Entra ID plugin's provider and checks too.
    const registry = buildRegistry(builtInPlugins);
    const config = loadConfig(join(demoDir, 'soc2.config.yaml'), undefined, registry.providers);
    const checks = [
      'hr.security-training',
      'hr.new-hire-training',
      'hr.background-check',
      'hr.policy-acknowledgement',
      'docs.policies',
      'docs.evidence-fresh',
      'docs.risk-register',
      'docs.vendor-register',
    ];
    const { result } = await runScan({
      config,
      catalog: loadCatalog({ checks: registry.checks }),
      checks: registry.checks,
      providers: providers.filter((p) => p.local),
      selection: { checks },
      clock: () => new Date('2026-11-02T09:00:00.000Z'),
      env: {},
    });
    const failing = Object.fromEntries(
      result.checks.map((c) => [
        c.id,
        c.findings
          .filter((f) => f.status === 'fail')
          .map((f) => f.resource)
          .sort(),
      ]),
    );
    expect(failing).toEqual({
      'hr.security-training': ['hr:will.jones@lumenledger.example', 'hr:xena.park@lumenledger.example'],
      'hr.new-hire-training': ['hr:xena.park@lumenledger.example'],
      'hr.background-check': ['hr:tara.singh@lumenledger.example'],
      'hr.policy-acknowledgement': [
        'hr:quinn.obrien@lumenledger.example',
        'hr:will.jones@lumenledger.example',
      ],
      'docs.policies': ['policy:backup', 'policy:privacy', 'policy:secure-development'],
      'docs.evidence-fresh': [
        'evidence:BC-03/restore-test-records@2026-06-20',
        'evidence:CHG-01/change-records@2026-10-07',
      ],
      'docs.risk-register': ['risk:R-007'],
      'docs.vendor-register': ['vendor:VeriKYC Ltd'],
    });
    const evidence = result.controls.flatMap((c) => c.evidence.map((e) => [`${c.id}/${e.id}`, e.status]));
    expect(evidence).toEqual(
      expect.arrayContaining([
        ['HR-02/training-completion', 'satisfied'],
        ['RSK-02/risk-register', 'satisfied'],
        ['VND-02/vendor-assurance-reviews', 'satisfied'],
        ['GOV-01/policy-information-security', 'satisfied'],
        ['GOV-05/quarterly-control-review', 'outstanding'],
      ]),
    );
  });
});
