import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../../src/evidence/bundle/csv.js';
import { ScrubStream } from '../../src/evidence/bundle/scrub.js';
import { generateSigningKeys, parseKey } from '../../src/evidence/bundle/signing.js';
import { verifyBundle } from '../../src/evidence/bundle/verify.js';
import { writeBundle } from '../../src/evidence/bundle/write.js';
import { PROVENANCE, recordManifest, writeScanOutput } from './bundle-fixture.js';
import { InputError } from '../../src/engine/errors.js';
import { secretMarkers, secretText } from './secrets.js';
import { rawZip, readZip, writeZip } from './zip-tools.js';

const repo = resolve(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'soc2.js');
const built = existsSync(join(repo, 'dist', 'src', 'cli', 'main.js'));

let tmp: string;
let scanDir: string;
let zipFile: string;
const keys = generateSigningKeys();
const privateKey = parseKey(keys.privatePem, 'private');
const publicKey = parseKey(keys.publicPem, 'public');

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'soc2-bundle-'));
  ({ scanDir } = writeScanOutput(join(tmp, 'fixture'), { secrets: true, formulaTitle: true }));
  zipFile = join(tmp, 'bundle.zip');
  await writeBundle({ scanDir, zipFile, signingKey: privateKey });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function soc2(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? tmp,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
  });
}

/** Rewrites the bundle through `change` (return null to drop an entry) plus extra entries. */
async function tamper(
  name: string,
  change: (entry: { name: string; data: Buffer }) => Buffer | null,
  extra: { name: string; data: Buffer }[] = [],
): Promise<string> {
  const entries = (await readZip(zipFile)).flatMap((e) => {
    const data = change(e);
    return data ? [{ name: e.name, data }] : [];
  });
  const out = join(tmp, name);
  await writeZip(out, [...entries, ...extra]);
  return out;
}

describe('export', () => {
  it('lays the bundle out by control, with matrix, criteria index, front page, manifest and sums', async () => {
    const names = (await readZip(zipFile)).map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'controls/AC-1/README.md',
        'controls/AC-1/evidence/aws.data1.key0.jsonl',
        'controls/AC-1/manual/access-review-1/access-reviews/q1.md',
        'controls/AC-2/README.md',
        'criteria/README.md',
        'control-matrix.csv',
        'index.html',
        'report/report.json',
        'report/report.md',
        'manifest.json',
        'SHA256SUMS',
        'manifest.dsse.json',
      ]),
    );
    expect(names.slice(-3)).toEqual(['manifest.json', 'SHA256SUMS', 'manifest.dsse.json']);
    const content = names.slice(0, -3);
    expect(content).toEqual([...content].sort());
    expect(names.some((n) => n.includes('outside'))).toBe(false);
  });

  it('writes a README per control with status, criteria, checks, findings, exceptions and manual evidence', async () => {
    const readme = (await readZip(zipFile))
      .find((e) => e.name === 'controls/AC-1/README.md')!
      .data.toString();
    expect(readme).toContain('Status: **Failing checks**');
    expect(readme).toContain('CC6.1');
    expect(readme).toContain('`aws.check-1`');
    expect(readme).toContain('svc-legacy');
    expect(readme).toContain('migration, ends Q1');
    expect(readme).toContain('[access-reviews/q1.md](manual/access-review-1/access-reviews/q1.md)');
    expect(readme).toContain('../outside.txt (unsafe path, not included)');
  });

  it('does not follow symbolic links in the evidence folder', async () => {
    const root = join(tmp, 'symlinked');
    const fixture = writeScanOutput(root, { controls: 1 });
    symlinkSync('/etc/hostname', join(fixture.evidenceDir, 'access-reviews', 'link.md'));
    const reportFile = join(fixture.scanDir, 'report.json');
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    report.controls[0].evidence[1].files.push('access-reviews/link.md');
    writeFileSync(reportFile, JSON.stringify(report));
    recordManifest(fixture.scanDir, fixture.evidenceDir);
    const out = join(root, 'b.zip');
    await writeBundle({ scanDir: fixture.scanDir, zipFile: out });
    const entries = await readZip(out);
    expect(entries.some((e) => e.name.endsWith('link.md'))).toBe(false);
    const readme = entries.find((e) => e.name === 'controls/AC-1/README.md')!.data.toString();
    expect(readme).toContain(
      'access-reviews/link.md (leads outside the evidence folder (symbolic link), not included)',
    );

    // The same link as the file that satisfies the control: no bundle at all.
    report.controls[0].evidence[0].files.push('access-reviews/link.md');
    writeFileSync(reportFile, JSON.stringify(report));
    recordManifest(fixture.scanDir, fixture.evidenceDir);
    await expect(writeBundle({ scanDir: fixture.scanDir, zipFile: join(root, 'c.zip') })).rejects.toThrow(
      /access-reviews\/link\.md: satisfies AC-1 \(access-review-1\) but cannot be bundled: leads outside/,
    );
    expect(existsSync(join(root, 'c.zip'))).toBe(false);
  });

  it('refuses, naming each file, when evidence or manual files changed after the scan', async () => {
    const root = join(tmp, 'custody');
    const fixture = writeScanOutput(root, { controls: 2 });
    const out = join(root, 'b.zip');
    // The scan recorded these hashes; nothing changed yet, so the bundle is written.
    await writeBundle({ scanDir: fixture.scanDir, zipFile: out });
    const data = join(fixture.scanDir, 'evidence', 'data', 'aws.data1.key0.jsonl');
    writeFileSync(data, readFileSync(data, 'utf8').replace('user-1', 'user-X'));
    writeFileSync(join(fixture.evidenceDir, 'access-reviews', 'q2.md'), '# Access review Q2\nall fine\n');
    const refused = await writeBundle({ scanDir: fixture.scanDir, zipFile: join(root, 'c.zip') }).then(
      () => null,
      (error: unknown) => error as InputError,
    );
    expect(refused).toBeInstanceOf(InputError);
    expect(refused!.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^evidence\/data\/aws\.data1\.key0\.jsonl changed since the scan \(sha256 [0-9a-f]{64}, the scan recorded [0-9a-f]{64}\)$/,
      ),
      expect.stringMatching(/^evidence\/access-reviews\/q2\.md changed since the scan/),
    ]);
    expect(existsSync(join(root, 'c.zip'))).toBe(false);

    // A scan output without its manifest has no custody record: refused too.
    rmSync(join(fixture.scanDir, 'evidence', 'manifest.json'));
    await expect(writeBundle({ scanDir: fixture.scanDir, zipFile: join(root, 'd.zip') })).rejects.toThrow(
      /no record of the hashes taken at scan time/,
    );
  });

  it('signs the provenance and verify returns it', async () => {
    const result = await verifyBundle(zipFile, { publicKey });
    expect(result).toMatchObject({ status: 'intact', signature: 'valid', provenanceSigned: true });
    expect((result as { provenance: unknown }).provenance).toEqual(PROVENANCE);
    const unsigned = await verifyBundle(zipFile);
    expect(unsigned).toMatchObject({ provenanceSigned: false, provenance: PROVENANCE });
  });

  it('writes an RFC 4180 control matrix that cannot inject formulas', async () => {
    const csv = (await readZip(zipFile)).find((e) => e.name === 'control-matrix.csv')!.data.toString();
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('control_id,title,criteria,owner,frequency,status,evidence_files,last_collected');
    expect(lines[1]).toMatch(
      /^AC-1,"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)",CC6\.1; CC6\.2,CTO,quarterly,fail,/,
    );
    expect(lines[2]).toContain('"Access control 2, reviewed"');
    expect(lines[2]).toMatch(/,2026-11-02T09:00:00\.000Z$/);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('a"b')).toBe('"a""b"');
  });

  it('front page works offline: no scripts, no remote URLs, a CSP that forbids fetching', async () => {
    const html = (await readZip(zipFile)).find((e) => e.name === 'index.html')!.data.toString();
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|src="http|href="http/);
    expect(html).toContain('controls/AC-1/README.md');
  });

  it('records tool version, scan time and scope, config hash, and hash and size of every file', async () => {
    const entries = await readZip(zipFile);
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString());
    expect(manifest).toMatchObject({
      format: 'soc2-evidence-bundle',
      tool: { name: 'soc2' },
      scan: { evaluatedAt: '2026-11-02T09:00:00.000Z', mode: 'snapshot', selection: { providers: [] } },
      config: { sha256: 'ab'.repeat(32) },
    });
    expect(manifest.files).toHaveLength(entries.length - 3);
  });

  it('scrubs seeded secrets of every kind from every file before hashing', async () => {
    const entries = await readZip(zipFile);
    const raw = readFileSync(zipFile);
    for (const marker of secretMarkers()) {
      expect(raw.includes(Buffer.from(marker)), marker).toBe(false);
      for (const e of entries)
        expect(e.data.includes(Buffer.from(marker)), `${marker} in ${e.name}`).toBe(false);
    }
    const dir = join(tmp, 'scrubbed');
    mkdirSync(dir);
    execFileSync('unzip', ['-q', zipFile, '-d', dir]);
    const grep = spawnSync('grep', ['-r', '-F', '-l', ...secretMarkers().flatMap((m) => ['-e', m]), dir], {
      encoding: 'utf8',
    });
    expect(grep.stdout).toBe('');
  });

  it('scrubs large files line by line, also when secrets straddle chunk boundaries', async () => {
    const text = `${secretText()}\n`.repeat(3);
    const chunks = Array.from({ length: Math.ceil(text.length / 7) }, (_, i) =>
      Buffer.from(text.slice(i * 7, i * 7 + 7), 'latin1'),
    );
    const out: Buffer[] = [];
    for await (const chunk of Readable.from(chunks).pipe(new ScrubStream())) out.push(chunk as Buffer);
    const scrubbed = Buffer.concat(out).toString('latin1');
    for (const marker of secretMarkers()) expect(scrubbed, marker).not.toContain(marker);
    expect(scrubbed).toContain('db.lumenledger.example:5432/ledger');
  });

  it('gives the same bytes for the same scan output, every time', async () => {
    const again = join(tmp, 'again.zip');
    await writeBundle({ scanDir, zipFile: again, signingKey: privateKey });
    expect(readFileSync(again).equals(readFileSync(zipFile))).toBe(true);
  });

  it.runIf(built)('gives the same bytes in other time zones (child processes)', () => {
    const files = ['Pacific/Auckland', 'America/Los_Angeles', 'UTC'].map((tz) => {
      const out = join(tmp, `tz-${tz.replace('/', '-')}.zip`);
      const run = soc2(['export', scanDir, '--zip', out, '--sign', writeKey(), '-q'], { env: { TZ: tz } });
      expect(run.status, run.stderr).toBe(0);
      return readFileSync(out);
    });
    for (const f of files) expect(f.equals(readFileSync(zipFile))).toBe(true);
  });

  it('passes sha256sum -c on the extracted bundle', () => {
    const dir = join(tmp, 'extracted');
    mkdirSync(dir);
    execFileSync('unzip', ['-q', zipFile, '-d', dir]);
    const run = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('controls/AC-1/README.md: OK');
    expect(run.stdout).toContain('manifest.json: OK');
  });

  it('the signature verifies with openssl alone, as docs/evidence-bundle.md shows', () => {
    const dir = join(tmp, 'openssl');
    mkdirSync(dir);
    execFileSync('unzip', ['-q', zipFile, '-d', dir]);
    writeFileSync(join(dir, 'signer.pub'), keys.publicPem);
    const script = `
set -e
jq -r .payload manifest.dsse.json | base64 -d > payload.json
jq -r '.signatures[0].sig' manifest.dsse.json | base64 -d > sig.bin
TYPE=application/vnd.in-toto+json
printf 'DSSEv1 %d %s %d ' \${#TYPE} "$TYPE" $(wc -c < payload.json) > pae.bin
cat payload.json >> pae.bin
openssl pkeyutl -verify -pubin -inkey signer.pub -rawin -in pae.bin -sigfile sig.bin
jq -r '.subject[] | "\\(.digest.sha256)  \\(.name)"' payload.json | sha256sum -c
`;
    const run = spawnSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Signature Verified Successfully');
    expect(run.stdout).toContain('manifest.json: OK');
  });
});

let keyFile: string | undefined;
function writeKey(): string {
  keyFile ??= join(tmp, 'signing.key');
  if (!existsSync(keyFile)) writeFileSync(keyFile, keys.privatePem, { mode: 0o600 });
  return keyFile;
}

describe('verify', () => {
  it('accepts an intact bundle and checks its signature', async () => {
    const result = await verifyBundle(zipFile, { publicKey });
    expect(result).toMatchObject({ status: 'intact', signature: 'valid', problems: [] });
  });

  it('says when a signature is present but no key was given', async () => {
    const result = await verifyBundle(zipFile);
    expect(result).toMatchObject({ status: 'intact', signature: 'not_checked' });
    expect('notes' in result && result.notes[0]).toMatch(/--pubkey/);
  });

  it('names the file when one byte of one entry changes', async () => {
    const file = await tamper('modified.zip', (e) => {
      if (e.name !== 'controls/AC-2/evidence/aws.data2.key1.jsonl') return e.data;
      const copy = Buffer.from(e.data);
      copy[10] = copy[10]! ^ 1;
      return copy;
    });
    const result = await verifyBundle(file);
    expect(result).toMatchObject({
      status: 'tampered',
      problems: [{ kind: 'modified', path: 'controls/AC-2/evidence/aws.data2.key1.jsonl' }],
    });
  });

  it('names added and removed entries', async () => {
    const file = await tamper(
      'added-removed.zip',
      (e) => (e.name === 'controls/AC-3/README.md' ? null : e.data),
      [{ name: 'controls/AC-3/evidence/forged.json', data: Buffer.from('{}') }],
    );
    const result = await verifyBundle(file);
    expect(result.status).toBe('tampered');
    expect('problems' in result && result.problems.map((p) => `${p.kind} ${p.path}`)).toEqual(
      ['missing controls/AC-3/README.md', 'extra controls/AC-3/evidence/forged.json'].sort((a, b) =>
        a.split(' ')[1]! < b.split(' ')[1]! ? -1 : 1,
      ),
    );
  });

  it('rejects a wrong key and a manifest rewritten to match tampered files', async () => {
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(await verifyBundle(zipFile, { publicKey: other })).toMatchObject({
      status: 'tampered',
      signature: 'invalid',
    });

    // The attacker changes evidence and rewrites manifest.json and SHA256SUMS to match; only the signature catches it.
    const entries = await readZip(zipFile);
    const target = 'controls/AC-1/evidence/aws.data1.key0.jsonl';
    const forged = Buffer.from('{"forged":true}\n');
    const { createHash } = await import('node:crypto');
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString());
    for (const f of manifest.files)
      if (f.path === target) Object.assign(f, { sha256: sha(forged), size: forged.length });
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
    const sums =
      manifest.files.map((f: { path: string; sha256: string }) => `${f.sha256}  ${f.path}\n`).join('') +
      `${sha(manifestBytes)}  manifest.json\n`;
    const file = join(tmp, 'forged.zip');
    await writeZip(
      file,
      entries.map((e) => ({
        name: e.name,
        data:
          e.name === target
            ? forged
            : e.name === 'manifest.json'
              ? manifestBytes
              : e.name === 'SHA256SUMS'
                ? Buffer.from(sums)
                : e.data,
      })),
    );
    expect(await verifyBundle(file)).toMatchObject({ status: 'intact' });
    expect(await verifyBundle(file, { publicKey })).toMatchObject({
      status: 'tampered',
      signature: 'invalid',
      problems: [{ kind: 'signature', path: 'manifest.json' }],
    });
  });

  it('an unsigned bundle fails when a key is required', async () => {
    const unsigned = join(tmp, 'unsigned.zip');
    await writeBundle({ scanDir, zipFile: unsigned });
    expect(await verifyBundle(unsigned)).toMatchObject({ status: 'intact', signature: 'absent' });
    expect(await verifyBundle(unsigned, { publicKey })).toMatchObject({
      status: 'tampered',
      signature: 'invalid',
    });
  });
});

describe('verify refuses hostile archives', () => {
  const zeros = Buffer.alloc(20 * 1024 * 1024);
  it.each([
    ['path traversal', [{ name: '../evil.txt', data: Buffer.from('x') }], /relative path|traversal/],
    ['absolute path', [{ name: '/tmp/evil.txt', data: Buffer.from('x') }], /absolute/],
    ['symlink', [{ name: 'link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }], /symbolic link/],
    ['zip bomb', [{ name: 'bomb.json', data: zeros, deflate: true }], /zip bomb/],
    [
      'lying size',
      [{ name: 'small.json', data: Buffer.alloc(4096, 97), deflate: true, declaredSize: 10 }],
      /size|too/,
    ],
    [
      'duplicate names',
      [
        { name: 'a.json', data: Buffer.from('1') },
        { name: 'a.json', data: Buffer.from('2') },
      ],
      /duplicate/,
    ],
  ])('%s: exit 2, nothing written', async (_name, entries, reason) => {
    const dir = mkdtempSync(join(tmp, 'hostile-'));
    const work = join(dir, 'work');
    mkdirSync(work);
    const file = join(work, 'hostile.zip');
    writeFileSync(file, rawZip(entries));
    const result = await verifyBundle(file);
    expect(result.status === 'hostile' || result.status === 'unreadable').toBe(true);
    expect('reason' in result && result.reason).toMatch(reason);
    if (built) {
      const run = soc2(['verify', file], { cwd: work });
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/refused/);
    }
    expect(readdirSync(work)).toEqual(['hostile.zip']);
    expect(readdirSync(dir)).toEqual(['work']);
    expect(existsSync('/tmp/evil.txt')).toBe(false);
  });

  it('a file that is not a zip is unreadable: exit 2', async () => {
    const file = join(tmp, 'not-a.zip');
    writeFileSync(file, 'hello');
    expect(await verifyBundle(file)).toMatchObject({ status: 'unreadable' });
  });
});

describe.runIf(built)('CLI', () => {
  it('keygen writes a 0600 private key and export/verify round-trip with exit codes 0 and 1', async () => {
    const prefix = join(tmp, 'cli', 'acme');
    const gen = soc2(['keygen', '--out', prefix]);
    expect(gen.status, gen.stderr).toBe(0);
    expect(statSync(`${prefix}.key`).mode & 0o777).toBe(0o600);
    expect(soc2(['keygen', '--out', prefix]).status).toBe(2);

    const out = join(tmp, 'cli', 'bundle.zip');
    const exp = soc2(['export', scanDir, '--zip', out, '--sign', `${prefix}.key`]);
    expect(exp.status, exp.stderr).toBe(0);
    const ok = soc2(['verify', out, '--pubkey', `${prefix}.pub`]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^OK .*signature valid/m);
    expect(ok.stdout).toContain('Provenance (from the signed statement):');
    expect(ok.stdout).toMatch(/mode +snapshot \(REPLAYED DATA/);
    expect(ok.stdout).toContain(`catalog   sha256 ${'ca'.repeat(32)} (3 controls)`);
    expect(ok.stdout).toContain('source    aws (ok) accounts=123456789012');
    const noKey = soc2(['verify', out]);
    expect(noKey.status).toBe(0);
    expect(noKey.stdout).toMatch(/present but was not checked/);

    const bad = soc2(['verify', zipFile, '--pubkey', `${prefix}.pub`]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/SIGNATURE/);
    expect(soc2(['export', join(tmp, 'nowhere'), '--zip', join(tmp, 'x.zip')]).status).toBe(2);
  });

  it('verify --json reports each problem; a folder or a missing file is unreadable (exit 2)', async () => {
    const file = await tamper('json.zip', (e) => (e.name === 'index.html' ? null : e.data));
    const run = soc2(['verify', file, '--json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'tampered',
      problems: [{ kind: 'missing', path: 'index.html' }],
    });
    expect(soc2(['verify', tmp]).status).toBe(2);
    expect(soc2(['verify', join(tmp, 'does-not-exist.zip')]).status).toBe(2);
  });

  it('scan --zip writes the output folder and the bundle in one step', () => {
    const out = join(tmp, 'cli', 'demo-report');
    const zip = join(tmp, 'cli', 'demo.zip');
    const run = soc2(['scan', '--demo', '--out', out, '--zip', zip, '-q']);
    expect([0, 1, 3], run.stderr).toContain(run.status);
    expect(soc2(['verify', zip]).status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'evidence', 'manifest.json'), 'utf8'));
    expect(manifest.config.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
