import { readEvidenceFile } from '../fixtures/evidence-file.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { soc2Async } from '../harness/cli.js';
import { DOMAIN, lumenLedgerTenant } from '../fakes/google/lumen-ledger.js';
import { startFakeGoogle, type FakeGoogle } from '../fakes/google/server.js';

let fake: FakeGoogle | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('soc2 scan --provider google (bin/soc2.js against the local Admin SDK fake)', () => {
  it('collects through the config rootUrl and writes the Google findings and their evidence', async () => {
    fake = await startFakeGoogle(lumenLedgerTenant(new Date()), { denied: ['reports'] });
    const dir = mkdtempSync(join(tmpdir(), 'soc2-google-cli-'));
    writeFileSync(
      join(dir, 'soc2.config.yaml'),
      [
        'organization: Lumen Ledger, Inc.',
        'providers:',
        '  google:',
        `    domain: ${DOMAIN}`,
        `    rootUrl: ${fake.rootUrl}`,
        '    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 }',
        'checks:',
        '  google.super-admin-count: { max: 5 }',
        '',
      ].join('\n'),
    );
    const { done } = soc2Async(['scan', '--provider', 'google', '--quiet', '-o', join(dir, 'out')], {
      cwd: dir,
      env: { GOOGLE_OAUTH_ACCESS_TOKEN: 'test-token' },
    });
    const run = await done;
    expect(run.stderr).not.toContain('test-token');
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as {
      checks: { id: string; status: string; reason?: string }[];
      providers: { id: string; status: string; stats?: Record<string, unknown> }[];
    };
    const status = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
    expect(status).toMatchObject({
      'google.users-2sv-enrolled': 'fail',
      'google.super-admin-count': 'pass',
      'google.admins-2sv': 'pass',
      'google.suspicious-logins': 'skipped',
    });
    expect(report.providers.find((p) => p.id === 'google')).toMatchObject({
      status: 'partial',
      stats: { auth: 'access-token', retries: 0 },
    });
    const users = readEvidenceFile(join(dir, 'out', 'evidence', 'data', 'google.users.jsonl'));
    expect(users.text).toContain('alice.nguyen@lumenledger.example');
    expect(users.text).not.toContain('test-token');
    expect(users.envelope).toMatchObject({ provider: 'google', source: { googleCustomer: 'my_customer' } });
    expect(users.envelope.calls[0]).toMatchObject({ operation: expect.stringContaining('users.list') });
    expect(users.envelope.calls[0]!.pages).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'out', 'report.json'), 'utf8')).not.toContain('test-token');
  });
});
