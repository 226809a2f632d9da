import { parseEvidenceJsonl } from '../src/evidence/envelope.js';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/engine/errors.js';
import { runScan } from '../src/engine/scan.js';
import { StagedOutput } from '../src/evidence/output-dir.js';
import { writeOutputDir } from './fixtures/output-dir.js';
import { redact, REDACTED } from '../src/engine/redact.js';
import { EvidenceWriter } from '../src/evidence/evidence-writer.js';
import { completeScanOutput } from '../src/evidence/scan-output.js';
import { DEFAULT_FORMATS, reporterFor } from '../src/report/index.js';
import type { Manifest } from '../src/evidence/manifest.js';
import { catalogOf, configWith, control, fakeCheck, fakeProvider } from './fixtures/engine.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'soc2-out-'));

describe('output folder', () => {
  it('replaces a previous soc2 output whole and leaves no staging folders behind', () => {
    const parent = tmp();
    const out = join(parent, 'report');
    writeOutputDir(out, [
      { path: 'report.json', content: '{"old":true}' },
      { path: 'old-only.txt', content: 'x' },
    ]);
    writeOutputDir(out, [
      { path: 'report.json', content: '{"new":true}' },
      { path: 'evidence/data/a.json', content: '{}' },
    ]);
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe('{"new":true}');
    expect(existsSync(join(out, 'old-only.txt'))).toBe(false);
    expect(readdirSync(parent)).toEqual(['report']);
  });

  it('refuses to replace a folder soc2 did not write', () => {
    const out = tmp();
    writeFileSync(join(out, 'thesis.docx'), 'precious');
    expect(() => writeOutputDir(out, [{ path: 'report.json', content: '{}' }])).toThrow(InputError);
    expect(readFileSync(join(out, 'thesis.docx'), 'utf8')).toBe('precious');
  });

  it('cleans up staging folders left by a killed run', () => {
    const parent = tmp();
    mkdirSync(join(parent, '.report.soc2-tmp-999999-deadbeef'));
    writeOutputDir(join(parent, 'report'), [{ path: 'report.json', content: '{}' }]);
    expect(readdirSync(parent)).toEqual(['report']);
  });
});

describe('staged output', () => {
  it('keeps files out of sight until commit, then swaps them in whole', () => {
    const parent = tmp();
    const out = join(parent, 'report');
    writeOutputDir(out, [{ path: 'report.json', content: '{"old":true}' }]);
    const staged = StagedOutput.open(out);
    const entry = staged.write({ path: 'evidence/data/b.json', content: 'bé' });
    staged.write({ path: 'evidence/data/a.json', content: new Uint8Array([1, 2, 3]) });
    expect(entry).toEqual({
      path: 'evidence/data/b.json',
      size: 3,
      sha256: createHash('sha256').update('bé').digest('hex'),
    });
    expect(staged.written().map((e) => e.path)).toEqual(['evidence/data/a.json', 'evidence/data/b.json']);
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe('{"old":true}');
    expect(existsSync(join(out, 'evidence'))).toBe(false);
    staged.write({ path: 'report.json', content: '{"new":true}' });
    staged.commit();
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe('{"new":true}');
    expect(readFileSync(join(out, 'evidence/data/b.json'), 'utf8')).toBe('bé');
    expect(readdirSync(parent)).toEqual(['report']);
    expect(() => staged.write({ path: 'late.json', content: '{}' })).toThrow(/already committed/);
  });

  it('drops what it wrote when discarded, leaving the previous output byte for byte', () => {
    const parent = tmp();
    const out = join(parent, 'report');
    writeOutputDir(out, [{ path: 'report.json', content: '{"old":true}' }]);
    const staged = StagedOutput.open(out);
    staged.write({ path: 'evidence/data/a.json', content: '{}' });
    staged.discard();
    staged.discard();
    expect(readdirSync(parent)).toEqual(['report']);
    expect(readdirSync(out).sort()).toEqual(['.soc2-output', 'report.json']);
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe('{"old":true}');
  });

  it('refuses a folder soc2 did not write before anything is collected', () => {
    const out = tmp();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    expect(() => StagedOutput.open(out)).toThrow(InputError);
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });
});

describe('evidence', () => {
  it('writes each evaluated data key once, redacted, with a manifest whose hashes match', async () => {
    const aws = fakeProvider('aws', {
      'aws.users': async () => [
        { name: 'alice', password: 'hunter2hunter2', note: 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789' },
      ],
    });
    const checks = [
      fakeCheck('aws.a', ['aws.users'], () => [{ resource: 'alice', status: 'pass', message: 'ok' }]),
    ];
    const out = join(tmp(), 'scan');
    const output = StagedOutput.open(out);
    const evidence = new EvidenceWriter(output);
    const { result } = await runScan({
      config: configWith(),
      catalog: catalogOf(control('C-01', ['CC6.1'], ['aws.a'])),
      checks,
      providers: [aws],
      onEvidence: (entry) => evidence.entry(entry),
      onEvidenceItem: (item) => evidence.item(item),
    });
    completeScanOutput(
      output,
      result,
      DEFAULT_FORMATS.map((f) => reporterFor(f)!),
    );
    const text = readFileSync(join(out, 'evidence/data/aws.users.jsonl'), 'utf8');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('ghp_abc');
    expect(parseEvidenceJsonl(text).envelope).toMatchObject({
      key: 'aws.users',
      provider: 'aws',
      usedBy: ['aws.a'],
      status: 'ok',
      complete: true,
    });
    const manifest = JSON.parse(readFileSync(join(out, 'evidence/manifest.json'), 'utf8')) as Manifest;
    expect(manifest.files.map((f) => f.path)).toEqual([
      'evidence/data/aws.users.jsonl',
      'report.html',
      'report.json',
      'report.md',
    ]);
    for (const file of manifest.files) {
      const bytes = readFileSync(join(out, file.path));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
      expect(bytes.byteLength).toBe(file.size);
    }
  });
});

describe('secrets in failures', () => {
  it('scrubs a secret quoted in a collector error before it reaches the report or the snapshot', async () => {
    const aws = fakeProvider('aws', {
      'aws.users': async () => {
        throw new Error('upstream said: bad header Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345');
      },
    });
    const checks = [
      fakeCheck('aws.a', ['aws.users'], () => [{ resource: 'x', status: 'pass', message: 'ok' }]),
    ];
    const { result, snapshot } = await runScan({
      config: configWith(),
      catalog: catalogOf(control('C-01', ['CC6.1'], ['aws.a'])),
      checks,
      providers: [aws],
    });
    expect(result.checks[0]!.status).toBe('error');
    expect(result.checks[0]!.reason).toContain(REDACTED);
    expect(JSON.stringify({ result, snapshot })).not.toContain('abcdefghijklmnopqrstuvwxyz012345');
  });
});

describe('redact', () => {
  it('scrubs secrets by key name and by shape, and keeps metadata about them', () => {
    const input = {
      password: 'hunter2',
      password_enabled: 'true',
      password_last_used: '2026-01-01T00:00:00+00:00',
      client_secret: 'abc',
      headers: { Authorization: 'Bearer abcdefghijklmnopqrstuvwxyz' },
      text: 'key -----BEGIN PRIVATE KEY-----\nMIIEv\n-----END PRIVATE KEY----- end',
      url: 'https://deploy:s3cr3t@git.example.com/repo.git',
      aws: 'aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      sha: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
      arn: 'arn:aws:iam::123456789012:user/alice',
    };
    const out = redact(input);
    expect(out.password).toBe(REDACTED);
    expect(out.password_enabled).toBe('true');
    expect(out.password_last_used).toBe('2026-01-01T00:00:00+00:00');
    expect(out.client_secret).toBe(REDACTED);
    expect(out.headers.Authorization).toBe(REDACTED);
    expect(out.text).toBe(`key ${REDACTED} end`);
    expect(out.url).toBe(`https://deploy:${REDACTED}@git.example.com/repo.git`);
    expect(out.aws).toBe(`aws_secret_access_key=${REDACTED}`);
    expect(out.sha).toBe(input.sha);
    expect(out.arn).toBe(input.arn);
  });
});
