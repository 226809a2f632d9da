import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { allChecks } from '../../checks/index.js';
import { main } from '../../src/cli/main.js';
import { providers } from '../../src/collectors/index.js';
import type { Catalog, Control } from '../../src/core/catalog.js';
import { defineProvider } from '../../src/engine/collector.js';
import { loadConfig } from '../../src/core/config.js';
import { loadCriteria } from '../../src/core/criteria.js';
import { InputError } from '../../src/engine/errors.js';
import { runScan } from '../../src/engine/scan.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import {
  authorizationDetails,
  credentialReport,
  githubMembers,
  googleUser,
  iamRow,
  ACCOUNT,
} from '../harness/people-builders.js';
import { testControl } from '../fixtures/engine.js';

const ROSTER = `email,name,status,start_date,end_date,github,aws_user,employment_type,background_check_date,security_training_date,policy_ack_date
alice.nguyen@lumenledger.example,Alice Nguyen,active,2023-03-01,,alice-ng,alice.nguyen,employee,2023-02-20,2026-03-01,2026-03-01
ben.okafor@lumenledger.example,Ben Okafor,terminated,2022-05-01,2026-09-15,bnokafor,ben.okafor,employee,2022-04-20,2026-01-10,2026-01-10
carla.diaz@lumenledger.example,Carla Diaz,active,2026-09-01,,carla-d,,contractor,,,
`;
const POLICY = (title: string, approved: string) => `---
title: ${title}
version: "1.0"
owner: CTO
approved_by: Dana Reyes (CEO)
approved_at: ${approved}
review_every: 12 months
criteria: [CC6.1]
---
# ${title}
`;

function company(roster = ROSTER): string {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-e2e-'));
  mkdirSync(join(dir, 'policies'));
  mkdirSync(join(dir, 'evidence'));
  writeFileSync(join(dir, 'roster.csv'), roster);
  writeFileSync(join(dir, 'policies', 'access-control.md'), POLICY('Access Control Policy', '2026-02-01'));
  writeFileSync(join(dir, 'policies', 'backup.md'), POLICY('Backup Policy', '2025-06-01'));
  writeFileSync(join(dir, 'evidence', 'q3-review.csv'), 'user,decision\n');
  writeFileSync(
    join(dir, 'evidence', 'index.yaml'),
    'items:\n  - control: CC6-02\n    request: access-review\n    title: Q3 access review\n    files: [q3-review.csv]\n    collected_at: 2026-10-03\n',
  );
  writeFileSync(
    join(dir, 'risks.yaml'),
    'reviewed_at: 2026-04-01\nrisks:\n  - { id: R-1, title: Phishing, owner: CTO, likelihood: 4, impact: 4, treatment: mitigate }\n',
  );
  writeFileSync(
    join(dir, 'vendors.yaml'),
    'reviewed_at: 2026-04-01\nvendors:\n  - { name: Ledgerly, criticality: critical, soc2_report: { type: type2, period_end: 2025-06-30 } }\n',
  );
  writeFileSync(
    join(dir, 'soc2.config.yaml'),
    `organization: Lumen Ledger, Inc.
providers:
  aws: { regions: [us-east-1] }
  github: { org: lumen-ledger }
  google: { domain: lumenledger.example }
  hr: { roster: ./roster.csv }
policies: ./policies
evidence: ./evidence
risks: ./risks.yaml
vendors: ./vendors.yaml
checks:
  docs.policies: { required: [access-control, backup, encryption] }
  hr.orphan-github: { allow: ['*-bot'] }
`,
  );
  return dir;
}

const control = (id: string, checks: string[], evidence: Control['evidence'] = []): Control =>
  testControl({
    id,
    title: `Control ${id}`,
    description: 'A control for the end-to-end test.',
    owner: 'CTO',
    frequency: 'quarterly',
    criteria: [{ id: 'CC6.2', rationale: 'test rationale for the control' }],
    checks,
    evidence,
    source: { file: 'test', line: 1 },
  });

const catalog: Catalog = {
  criteria: loadCriteria(),
  files: [],
  controls: [
    control(
      'CC6-02',
      allChecks.filter((c) => c.provider === 'hr').map((c) => c.id),
      [
        {
          id: 'access-review',
          title: 'Quarterly access review',
          owner: 'CTO',
          frequency: 'quarterly',
          freshDays: 100,
        },
        {
          id: 'access-policy',
          title: 'Access control policy',
          owner: 'CTO',
          frequency: 'annually',
          freshDays: 365,
          policy: 'access-control',
        },
        {
          id: 'backup-policy',
          title: 'Backup policy',
          owner: 'CTO',
          frequency: 'annually',
          freshDays: 365,
          policy: 'backup',
        },
        {
          id: 'offboarding-tickets',
          title: 'Offboarding tickets',
          owner: 'HR',
          frequency: 'per-event',
          freshDays: 365,
        },
      ],
    ),
    control(
      'CC5-01',
      allChecks.filter((c) => c.provider === 'docs').map((c) => c.id),
    ),
  ],
};

const snapshot: Snapshot = {
  format: 'soc2-snapshot',
  version: 1,
  tool: { name: 'soc2', version: '0.1.0' },
  organization: 'Lumen Ledger, Inc.',
  collectedAt: '2026-11-02T09:00:00.000Z',
  data: {
    'aws.iam.credentialReport': {
      status: 'ok',
      value: credentialReport(
        iamRow('alice.nguyen', { password: true }),
        iamRow('ben.okafor', { keys: 1 }),
        iamRow('legacy-etl', { keys: 1 }),
      ),
    },
    'aws.iam.authorizationDetails': { status: 'ok', value: authorizationDetails({ name: 'alice.nguyen' }) },
    'github.members': {
      status: 'ok',
      value: githubMembers('alice-ng', 'bnokafor', 'carla-d', 'lumen-ci-bot'),
    },
    'github.outsideCollaborators': { status: 'ok', value: [] },
    'google.users': {
      status: 'ok',
      value: [
        googleUser('alice.nguyen@lumenledger.example'),
        googleUser('ben.okafor@lumenledger.example', { suspended: true }),
      ],
    },
  },
};

describe('end-to-end scan joining the roster with provider data', () => {
  it('evaluates every hr and docs check and resolves manual evidence from the live local files', async () => {
    const dir = company();
    const config = loadConfig(join(dir, 'soc2.config.yaml'));
    const { result, snapshot: out } = await runScan({
      config,
      catalog,
      checks: allChecks,
      providers,
      snapshot,
      env: {},
    });
    const check = (id: string) => result.checks.find((c) => c.id === id)!;
    const failing = (id: string) =>
      check(id)
        .findings.filter((f) => f.status === 'fail')
        .map((f) => f.resource);

    expect(failing('hr.offboarding-aws')).toEqual([`aws:${ACCOUNT}/ben.okafor`]);
    expect(check('hr.offboarding-aws').findings.find((f) => f.status === 'fail')!.message).toMatch(
      /Ben Okafor .* terminated on 2026-09-15 \(48 days ago, deadline 1\)/,
    );
    expect(failing('hr.offboarding-github')).toEqual(['github:bnokafor']);
    expect(check('hr.offboarding-google').status).toBe('pass');
    expect(failing('hr.orphan-aws')).toEqual([`aws:${ACCOUNT}/legacy-etl`]);
    expect(check('hr.orphan-github').status).toBe('pass');
    expect(failing('hr.background-check')).toEqual([]);
    expect(failing('hr.new-hire-training')).toEqual(['hr:carla.diaz@lumenledger.example']);
    expect(failing('hr.policy-acknowledgement')).toEqual(['hr:carla.diaz@lumenledger.example']);
    expect(failing('docs.policies')).toEqual(['policy:backup', 'policy:encryption']);
    expect(check('docs.evidence-fresh').status).toBe('pass');
    expect(check('docs.risk-register').status).toBe('pass');
    expect(failing('docs.vendor-register')).toEqual(['vendor:Ledgerly']);

    const evidence = result.controls.find((c) => c.id === 'CC6-02')!.evidence;
    expect(evidence.map((e) => [e.id, e.status])).toEqual([
      ['access-review', 'satisfied'],
      ['access-policy', 'satisfied'],
      ['backup-policy', 'stale'],
      ['offboarding-tickets', 'outstanding'],
    ]);
    expect(result.summary.exitCode).toBe(1);
    expect(result.scan.complete).toBe(true);
    // Local providers were collected live during the replay; the roster is part of the saved snapshot.
    expect(out.data['hr.roster']!.status).toBe('ok');
    expect(out.data['docs.evidence']!.status).toBe('ok');
  });

  it('hr checks whose other system is not in the snapshot are skipped, the rest still run', async () => {
    const dir = company();
    const config = loadConfig(join(dir, 'soc2.config.yaml'));
    const partial: Snapshot = {
      ...snapshot,
      data: {
        'github.members': snapshot.data['github.members']!,
        'github.outsideCollaborators': snapshot.data['github.outsideCollaborators']!,
      },
    };
    const cloud = (['aws', 'github', 'google'] as const).map((id) =>
      defineProvider({
        id,
        title: id,
        detect: () => ({ configured: true }),
        load: () => Promise.reject(new Error('a replay must not load cloud providers')),
        concurrency: 1,
        local: false,
      }),
    );
    const { result } = await runScan({
      config,
      catalog,
      checks: allChecks,
      providers: [...providers.filter((p) => p.local), ...cloud],
      snapshot: partial,
      env: {},
    });
    const status = (id: string) => result.checks.find((c) => c.id === id)!.status;
    expect(status('hr.offboarding-github')).toBe('fail');
    expect(status('hr.offboarding-aws')).toBe('skipped');
    expect(status('hr.offboarding-google')).toBe('skipped');
    expect(result.checks.find((c) => c.id === 'hr.offboarding-aws')!.reason).toMatch(/not in the snapshot/);
  });

  it('a bad roster stops the scan as bad input naming file, line and column', async () => {
    const dir = company(ROSTER.replace('2026-09-15', '2026-09-31'));
    const config = loadConfig(join(dir, 'soc2.config.yaml'));
    const error = await runScan({ config, catalog, checks: allChecks, providers, snapshot, env: {} }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toBe(
      `${join(dir, 'roster.csv')}:3:5: row 2, column 'end_date': '2026-09-31' is not a valid date (expected YYYY-MM-DD)`,
    );
  });

  it('the CLI exits 2 with one clear message for a bad policy file', async () => {
    const dir = company();
    writeFileSync(
      join(dir, 'policies', 'encryption.md'),
      '---\ntitle: Encryption\nreview_every: sometimes\n---\n',
    );
    mkdirSync(join(dir, 'controls'));
    writeFileSync(
      join(dir, 'controls', 'policies.yaml'),
      'controls:\n  - id: PL-01\n    title: Policies\n    description: Policies are approved and reviewed.\n    type: { purpose: preventive, operation: manual }\n    owner: CTO\n    frequency: annually\n    population: Every policy in the policies folder.\n    testProcedure: Inspect every policy for its approval.\n    criteria: [{ id: CC5.3, rationale: policies set expectations }]\n    checks: [docs.policies]\n',
    );
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = await main([
        'node',
        'soc2',
        'scan',
        '--config',
        join(dir, 'soc2.config.yaml'),
        '--out',
        join(dir, 'out'),
        '--quiet',
        '--catalog',
        join(dir, 'controls'),
      ]);
      expect(code).toBe(2);
      const text = stderr.mock.calls.map((c) => String(c[0])).join('');
      expect(text).toContain(
        `${join(dir, 'policies', 'encryption.md')}:3:15: review_every does not match any allowed form`,
      );
      expect(text).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      stderr.mockRestore();
      process.exitCode = undefined;
    }
  });
});
