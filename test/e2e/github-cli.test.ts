import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/engine/result.js';
import { soc2Async } from '../harness/cli.js';
import { lumenLedger } from '../fakes/github/lumen-ledger.js';
import { startFakeGithub, type FakeGithub } from '../fakes/github/server.js';

const TOKEN = 'ghp_cliFakeToken0123456789abcdefABCDEF012345';
let fake: FakeGithub;
let dir: string;

beforeAll(async () => {
  fake = await startFakeGithub(lumenLedger, {
    token: TOKEN,
    prefix: '/api/v3',
    faults: [
      { match: /^GET \/orgs\/lumen-ledger\/members\?role=admin/, status: 429, times: 1, retryAfter: 1 },
    ],
  });
  dir = mkdtempSync(join(tmpdir(), 'soc2-gh-cli-'));
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('soc2 scan --provider github (bin/soc2.js against a local GitHub Enterprise Server API)', () => {
  it('scans, writes the report, exits 1 for failures and never prints the token', async () => {
    const config = join(dir, 'soc2.config.yaml');
    writeFileSync(
      config,
      [
        'organization: Lumen Ledger, Inc.',
        'providers:',
        '  github:',
        '    org: lumen-ledger',
        `    baseUrl: ${fake.apiUrl}`,
        'checks:',
        '  github.public-repos:',
        '    allowedPublic: [docs]',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'report');
    const { done } = soc2Async(['scan', '--config', config, '--provider', 'github', '--out', out], {
      env: { GITHUB_TOKEN: TOKEN, SOC2_GITHUB_RETRY_BASE_MS: '1' },
    });
    const run = await done;
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
    const result = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ScanResult;
    expect(result.scan.complete).toBe(true);
    const github = result.providers.find((p) => p.id === 'github')!;
    expect(github.status).toBe('ok');
    expect(github.stats).toMatchObject({ rateLimitRetries: 1, requests: fake.requests.length });
    // Live scan: alert ages are measured against today, so only check what does not age.
    expect(result.checks.find((c) => c.id === 'github.branch-protection')?.status).toBe('fail');
    expect(result.checks.find((c) => c.id === 'github.public-repos')?.status).toBe('pass');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).not.toContain(TOKEN);
  });
});
