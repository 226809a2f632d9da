import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_ID, CLIENT_SECRET, lumenLedgerTenant, TENANT_ID } from '../../fakes/entra/lumen-ledger.js';
import { startFakeEntra, type FakeEntra } from '../../fakes/entra/server.js';
import { soc2, soc2Async } from '../../harness/cli.js';
import { entraChecks, ROSTER } from './scan.js';

const CA_FILE = new URL('../../fakes/entra/tls/server-cert.pem', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

let fake: FakeEntra | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('soc2 with the bundled Entra ID plugin (bin/soc2.js)', () => {
  it('lists the Entra ID checks', () => {
    const run = soc2(['checks', 'list', '--provider', 'entra']);
    expect(run.code).toBe(0);
    for (const check of entraChecks) expect(run.stdout).toContain(check.id);
  });

  it('scans the fake tenant through graphUrl and authorityHost; the client secret is in no output', async () => {
    fake = await startFakeEntra(lumenLedgerTenant(new Date()), { maxPageSize: { '/users': 7 } });
    const dir = mkdtempSync(join(tmpdir(), 'soc2-entra-cli-'));
    writeFileSync(
      join(dir, 'soc2.config.yaml'),
      [
        'organization: Lumen Ledger, Inc.',
        'providers:',
        '  hr:',
        `    roster: ${ROSTER}`,
        '  entra:',
        `    tenantId: ${TENANT_ID}`,
        `    clientId: ${CLIENT_ID}`,
        `    graphUrl: ${fake.graphUrl}`,
        `    authorityHost: ${fake.authorityHost}`,
        '    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 }',
        'checks:',
        "  entra.orphans: { allow: ['scanner-svc@*'] }",
        '',
      ].join('\n'),
    );
    const out = join(dir, 'out');
    const { done } = soc2Async(
      [
        'scan',
        '--provider',
        'entra,hr',
        '--format',
        'json,md,html,csv,sarif,junit',
        '-o',
        out,
        '--save-snapshot',
        join(dir, 'snap.json'),
      ],
      { cwd: dir, env: { AZURE_CLIENT_SECRET: CLIENT_SECRET, NODE_EXTRA_CA_CERTS: CA_FILE } },
    );
    const run = await done;
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      checks: { id: string; status: string }[];
      providers: { id: string; status: string; stats?: Record<string, unknown> }[];
    };
    const status = Object.fromEntries(
      report.checks.filter((c) => c.id.startsWith('entra.')).map((c) => [c.id, c.status]),
    );
    expect(status).toEqual(Object.fromEntries(entraChecks.map((c) => [c.id, 'fail'])));
    expect(report.providers.find((p) => p.id === 'entra')).toMatchObject({
      stats: { auth: 'client-secret' },
    });
    expect(readFileSync(join(out, 'evidence', 'data', 'entra.users.jsonl'), 'utf8')).toContain(
      'ben.okafor@lumenledger.example',
    );

    const written = [...files(out), join(dir, 'snap.json')];
    expect(written.length).toBeGreaterThan(10);
    for (const file of written) expect(readFileSync(file, 'utf8'), file).not.toContain(CLIENT_SECRET);
    expect(run.stdout + run.stderr).not.toContain(CLIENT_SECRET);
  });

  it('a providers.entra block without credentials is a scan that cannot be complete (exit 3)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-entra-cli-'));
    writeFileSync(
      join(dir, 'soc2.config.yaml'),
      ['providers:', '  entra:', `    tenantId: ${TENANT_ID}`, ''].join('\n'),
    );
    const run = soc2(
      ['scan', '--provider', 'entra', '--check', 'entra.mfa-registered', '--quiet', '-o', join(dir, 'out')],
      { cwd: dir },
    );
    expect(run.code).toBe(3);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as {
      checks: { id: string; status: string; reason?: string }[];
    };
    expect(report.checks.find((c) => c.id === 'entra.mfa-registered')).toMatchObject({ status: 'error' });
    expect(JSON.stringify(report)).toMatch(/clientId, a certificate or AZURE_CLIENT_SECRET are missing/);
  });

  it('a mistyped key in providers.entra is bad input with file and line (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-entra-cli-'));
    writeFileSync(join(dir, 'soc2.config.yaml'), ['providers:', '  entra:', '    tenant: x', ''].join('\n'));
    const run = soc2(['scan', '--provider', 'entra', '-o', join(dir, 'out')], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/soc2\.config\.yaml:3:\d+: unknown key 'tenant' in providers\.entra/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
