import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRETS } from '../evidence/secrets.js';
import { readZip } from '../evidence/zip-tools.js';
import { soc2 } from '../harness/cli.js';

/** Every file under dir, with its text (zips unpacked). */
async function texts(dir: string): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) {
    const file = join(dir, entry);
    if (!statSync(file).isFile()) continue;
    if (file.endsWith('.zip')) {
      for (const e of await readZip(file))
        out.push({ file: `${file}!${e.name}`, text: e.data.toString('utf8') });
    } else out.push({ file, text: readFileSync(file, 'utf8') });
  }
  return out;
}

describe('secrets from the config never reach an output', () => {
  it('a token in a URL and keys in an exception reason are scrubbed from every report, stdout, history, snapshot and bundle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-secrets-'));
    // The demo's collected data as one snapshot, replayed under a config that carries secrets.
    expect(
      soc2([
        'scan',
        '--demo',
        '--quiet',
        '--out',
        join(dir, 'demo'),
        '--save-snapshot',
        join(dir, 'snap.json'),
      ]).code,
    ).toBe(3);
    writeFileSync(
      join(dir, 'soc2.config.yaml'),
      [
        'organization: Lumen Ledger, Inc.',
        'providers:',
        '  github:',
        '    org: lumen-ledger',
        `    baseUrl: https://soc2-bot:${SECRETS.githubClassic}@github.lumen.example/api/v3`,
        'exceptions:',
        '  - check: github.org-2fa-required',
        '    resource: lumen-ledger',
        `    reason: "rolled out in Q1; deploy key ${SECRETS.awsSecretKey} and token ${SECRETS.githubFineGrained} to rotate"`,
        `    approved_by: "cto ${SECRETS.slack}"`,
        '    approved_at: 2026-10-01', // the demo data is from 2026-11-02
        '    expires: 2026-12-15',
        '',
      ].join('\n'),
    );
    const run = soc2(
      [
        'scan',
        '--from-snapshot',
        join(dir, 'snap.json'),
        '--format',
        'json,md,html,csv,sarif,junit,oscal,ocsf',
        '--out',
        join(dir, 'out'),
        '--history',
        join(dir, 'history'),
        '--save-snapshot',
        join(dir, 'replayed.json'),
        '--zip',
        join(dir, 'bundle.zip'),
        '--json',
      ],
      { cwd: dir },
    );
    expect([1, 3]).toContain(run.code);
    const report = JSON.parse(run.stdout) as {
      checks: { id: string; findings: { exception?: { reason: string } }[] }[];
    };
    // The exception did apply: its (scrubbed) reason is in the report.
    const excepted = report.checks
      .find((c) => c.id === 'github.org-2fa-required')!
      .findings.find((f) => f.exception)!;
    expect(excepted.exception!.reason).toContain('rolled out in Q1');
    const outputs = [
      { file: 'stdout', text: run.stdout },
      { file: 'stderr', text: run.stderr },
      ...(await texts(join(dir, 'out'))),
      ...(await texts(join(dir, 'history'))),
      { file: 'replayed.json', text: readFileSync(join(dir, 'replayed.json'), 'utf8') },
      ...(await texts(join(dir)).then((all) => all.filter((t) => t.file.includes('bundle.zip!')))),
    ];
    expect(outputs.filter((o) => o.file.includes('bundle.zip!')).length).toBeGreaterThan(5);
    expect(outputs.some((o) => o.file.endsWith('report.sarif'))).toBe(true);
    for (const secret of [
      SECRETS.githubClassic,
      SECRETS.awsSecretKey,
      SECRETS.githubFineGrained,
      SECRETS.slack,
    ]) {
      for (const { file, text } of outputs)
        expect(text.includes(secret), `${file} leaks ${secret.slice(0, 8)}…`).toBe(false);
    }
  });
});
