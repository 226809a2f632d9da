import { readEvidenceFile } from '../fixtures/evidence-file.js';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/core/sha256.js';
import type { Manifest } from '../../src/evidence/manifest.js';
import { soc2Async } from '../harness/cli.js';
import { startFakeAws, type FakeAws } from '../fakes/aws/server.js';
import { account, credentialReport, recordingRegion } from '../fakes/aws/world.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('soc2 scan against the AWS fake through bin/soc2.js', () => {
  it('scans an organization from a config file and never writes the assumed-role secrets', async () => {
    fake = await startFakeAws({
      callerAccount: '111111111111',
      accounts: [
        account('111111111111', {
          credentialReportCsv: credentialReport(
            '111111111111',
            [{ user: 'bob', password: true, mfa: false }],
            { mfa: true },
          ),
          regions: { 'us-east-1': recordingRegion() },
        }),
        account('222222222222', { regions: { 'us-east-1': recordingRegion() } }),
        account('333333333333', { assumable: false }),
      ],
    });
    const dir = mkdtempSync(join(tmpdir(), 'soc2-aws-cli-'));
    writeFileSync(
      join(dir, 'soc2.config.yaml'),
      'organization: Test Co\nproviders:\n  aws:\n    regions: [us-east-1]\n    organization: true\n',
    );
    const out = join(dir, 'out');
    const run = soc2Async(['scan', '--provider', 'aws', '--json', '-q', '--out', out, '--format', 'json'], {
      cwd: dir,
      env: {
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'testSecretAccessKeyValue',
        AWS_REGION: 'us-east-1',
        AWS_ENDPOINT_URL: fake.url,
        AWS_CONFIG_FILE: join(dir, 'none'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
        AWS_EC2_METADATA_DISABLED: 'true',
        SOC2_AWS_RETRY_BASE_MS: '1',
        SOC2_AWS_POLL_MS: '1',
      },
    });
    const result = await run.done;
    expect(result.stderr).toBe('');
    // Account 333333333333 cannot be assumed: incomplete (3) outranks the failing finding (1).
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout) as {
      checks: {
        id: string;
        status: string;
        findings: { resource: string; status: string; cause?: { kind: string } }[];
      }[];
      providers: { id: string; stats?: Record<string, number> }[];
    };
    const consoleMfa = report.checks.find((c) => c.id === 'aws.iam-console-mfa')!;
    expect(consoleMfa.findings.filter((f) => f.status === 'fail').map((f) => f.resource)).toEqual([
      'arn:aws:iam::111111111111:user/bob',
    ]);
    expect(consoleMfa.findings.filter((f) => f.status === 'error')).toMatchObject([
      { resource: 'aws-account/333333333333', cause: { kind: 'permission' } },
    ]);
    expect(report.providers.find((p) => p.id === 'aws')?.stats?.requests).toBe(fake.requests.length);
    for (const file of [...filesUnder(out)]) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toContain('fakeSecretForTestsOnly');
      expect(text, file).not.toContain('fake-session-token');
      expect(text, file).not.toContain('testSecretAccessKeyValue');
    }

    // Evidence is written account by account during the scan; the files and manifest must still agree.
    const manifest = JSON.parse(readFileSync(join(out, 'evidence', 'manifest.json'), 'utf8')) as Manifest;
    const onDisk = filesUnder(out)
      .map((file) => relative(out, file).split(sep).join('/'))
      .filter((path) => path !== 'evidence/manifest.json' && path !== '.soc2-output')
      .sort();
    expect(manifest.files.map((f) => f.path)).toEqual(onDisk);
    for (const entry of manifest.files) {
      const bytes = readFileSync(join(out, entry.path));
      expect({ sha256: sha256(bytes), size: bytes.length }, entry.path).toEqual({
        sha256: entry.sha256,
        size: entry.size,
      });
    }
    const file = readEvidenceFile(join(out, 'evidence', 'data', 'aws.iam.credentialReport.jsonl'));
    const reportText = file.text;
    const evidence = {
      status: file.envelope.status,
      value: file.value as { accountId: string; status: string }[],
    };
    expect(file.envelope.source.awsAccounts).toEqual(['111111111111', '222222222222']);
    expect(file.envelope.calls.map((c) => c.operation)).toContain('iam:GetCredentialReport');
    expect(reportText).not.toMatch(/ExternalId|SessionToken|SecretAccessKey/);
    expect(evidence.value.map((a) => [a.accountId, a.status])).toEqual([
      ['111111111111', 'ok'],
      ['222222222222', 'ok'],
      ['333333333333', 'error'],
    ]);
  });
});
