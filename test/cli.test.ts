import { parseEvidenceJsonl } from '../src/evidence/envelope.js';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/core/paths.js';
import type { Manifest } from '../src/evidence/manifest.js';
import { BIN, soc2 } from './harness/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'soc2-cli-'));
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('soc2 CLI', () => {
  it('prints help with examples and exit codes, without loading any cloud SDK', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', join(packageRoot, 'test/fixtures/record-sdk-imports.mjs'), BIN, '--help'],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('Exit codes:');
    for (const command of ['scan', 'init', 'catalog', 'checks']) expect(run.stdout).toContain(command);
    expect(run.stderr).not.toContain('SDK-IMPORT');
  });

  it('gives every command help with examples', () => {
    for (const args of [
      ['scan'],
      ['init'],
      ['catalog', 'list'],
      ['catalog', 'validate'],
      ['catalog', 'coverage'],
      ['checks', 'list'],
      ['plugin', 'new'],
    ]) {
      const run = soc2([...args, '--help']);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout, args.join(' ')).toContain('Examples:');
    }
  });

  it('names in its exit-code help only flags the command accepts', () => {
    for (const args of [['scan'], ['merge'], ['diff'], ['history'], ['report'], ['export'], ['verify']]) {
      const help = soc2([...args, '--help']).stdout;
      const codes = help.slice(help.indexOf('Exit codes:'));
      const options = help.slice(help.indexOf('Options:'), help.indexOf('Exit codes:'));
      for (const flag of codes.match(/--[a-z][a-z-]*/g) ?? [])
        expect(options, `${args.join(' ')} ${flag}`).toContain(flag);
    }
  });

  it('names permission skips in the summary, not only in the report', () => {
    const run = soc2(['scan', '--demo', '--out', join(tmp(), 'out')]);
    const skipped = run.stderr.slice(run.stderr.indexOf('  Skipped'));
    expect(skipped).toMatch(
      /^ {2}Skipped\n {2}– google\.suspicious-logins: google\.loginEvents: .*403 insufficientPermissions/,
    );
  });

  it('prints the package version', () => {
    const version = (
      JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }
    ).version;
    expect(soc2(['--version']).stdout.trim()).toBe(version);
  });

  it('rejects an unknown flag and an unknown format with exit 2', () => {
    const flag = soc2(['scan', '--frobnicate']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--frobnicate'");
    const format = soc2(['scan', '--demo', '--format', 'pdf', '--out', join(tmp(), 'o')]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("unknown format 'pdf'");
    const severity = soc2(['scan', '--fail-on', 'urgent']);
    expect(severity.code).toBe(2);
  });

  it('rejects a broken config with file, line and column, exit 2 and no stack trace', () => {
    const dir = tmp();
    const file = join(dir, 'soc2.config.yaml');
    writeFileSync(
      file,
      'organization: Acme\nproviders:\n  aws:\n    regoins: [us-east-1]\nfailOn: sometimes\n',
    );
    const run = soc2(['scan', '--config', file, '--out', join(dir, 'out')]);
    expect(run.code).toBe(2);
    // Every problem at once, in the order of the file.
    expect(run.stderr).toContain(
      `  ${file}:4:5: unknown key 'regoins' in providers.aws\n  ${file}:5:9: failOn must be one of`,
    );
    noStack(run.stderr);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('rejects a --config file that does not exist, whatever its name, in every command that reads one', () => {
    const dir = tmp();
    const missing = join(dir, 'soc2.config.yaml');
    for (const args of [
      ['scan', '-c', 'soc2.config.yaml', '--out', 'out'],
      ['scan', '--config', './soc2.config.yaml', '--out', 'out'],
      ['history', '-c', 'soc2.config.yaml'],
      ['report', '--period', '2026-01-01..2026-06-30', '--config', 'soc2.config.yaml'],
    ]) {
      const run = soc2(args, { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(`${missing}: file not found`);
      noStack(run.stderr);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('without --config reads ./soc2.config.yaml when present, else scans with defaults', () => {
    const dir = tmp();
    const scan = ['scan', '--provider', 'hr', '--out', 'out', '--quiet'];
    // No roster configured: every check skipped, nothing checked, never green (exit 4).
    const defaults = soc2(scan, { cwd: dir });
    expect(defaults.code).toBe(4);
    const report = () =>
      JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as { organization: string };
    expect(report().organization).toBe('Your Company');
    writeFileSync(join(dir, 'soc2.config.yaml'), 'organization: Acme Local\n');
    expect(soc2(scan, { cwd: dir }).code).toBe(4);
    expect(report().organization).toBe('Acme Local');
  });

  it('rejects an exception naming an unknown check with file, line and column, exit 2', () => {
    const dir = tmp();
    const file = join(dir, 'soc2.config.yaml');
    writeFileSync(
      file,
      'organization: Acme\nexceptions:\n  - check: aws.iam-access-key-age\n    resource: ci-deployer\n    reason: Q3\n    approved_by: ciso\n    approved_at: 2026-10-01\n    expires: 2026-12-01\n',
    );
    const run = soc2(['scan', '--provider', 'hr', '--out', 'out'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:3:12: exceptions[0]: unknown check 'aws.iam-access-key-age'`);
    noStack(run.stderr);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('takes the output folder and formats from the config, and names the config for a bad format', () => {
    const dir = tmp();
    const file = join(dir, 'soc2.config.yaml');
    writeFileSync(file, 'organization: Acme\noutput:\n  dir: ./reports\n  formats: [md, csv]\n');
    const run = soc2(['scan', '--config', file, '--quiet'], { cwd: dir });
    expect(run.code).toBe(4); // nothing configured, so nothing checked
    for (const name of ['report.json', 'report.md', 'findings.csv'])
      expect(existsSync(join(dir, 'reports', name)), name).toBe(true);
    expect(existsSync(join(dir, 'reports', 'report.html'))).toBe(false);
    writeFileSync(file, 'organization: Acme\noutput:\n  formats: [pdf]\n');
    const bad = soc2(['scan', '--config', file], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${file}: output.formats: unknown format 'pdf'`);
  });

  it('rejects a missing snapshot file and a non-snapshot JSON with exit 2', () => {
    const dir = tmp();
    expect(soc2(['scan', '--from-snapshot', join(dir, 'nope.json')]).stderr).toContain(
      'snapshot file not found',
    );
    writeFileSync(join(dir, 'x.json'), '{"hello":1}');
    const run = soc2(['scan', '--from-snapshot', join(dir, 'x.json'), '--out', join(dir, 'o')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not a soc2 snapshot');
  });

  it('refuses an output path that is a file or cannot be created, with exit 2 and no stack trace', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const onFile = soc2(['scan', '--demo', '--out', join(dir, 'notes.txt')]);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toContain('notes.txt: output path is a file, not a folder; choose another --out');
    const under = soc2(['scan', '--demo', '--out', join(dir, 'notes.txt', 'report')]);
    expect(under.code).toBe(2);
    expect(under.stderr).toMatch(
      /notes\.txt\/report: cannot write the output folder here \((EEXIST|ENOTDIR)\)/,
    );
    for (const run of [onFile, under]) {
      noStack(run.stderr);
      expect(run.stderr).not.toContain('internal error');
    }
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('writes a starter config with init and refuses to overwrite it', () => {
    const dir = tmp();
    expect(soc2(['init'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'soc2.config.yaml'), 'utf8')).toContain('organization:');
    const again = soc2(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; use --force');
  });

  it('runs the demo end to end: schema-valid report, reports, evidence whose manifest matches', () => {
    const out = join(tmp(), 'demo');
    const run = soc2(['scan', '--demo', '--out', out]);
    noStack(run.stderr);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      summary: { exitCode: number };
      scan: { mode: string };
    };
    expect(run.code).toBe(report.summary.exitCode);
    expect(report.scan.mode).toBe('demo');
    const schema = JSON.parse(
      readFileSync(join(packageRoot, 'schemas/report.schema.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    const validate = ajv.compile(schema);
    expect(validate(report), ajv.errorsText(validate.errors)).toBe(true);
    for (const file of ['report.md', 'report.html', 'evidence/manifest.json'])
      expect(existsSync(join(out, file)), file).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'evidence/manifest.json'), 'utf8')) as Manifest;
    for (const entry of manifest.files) {
      const bytes = readFileSync(join(out, entry.path));
      expect(createHash('sha256').update(bytes).digest('hex'), entry.path).toBe(entry.sha256);
    }
    const onDisk = (readdirSync(out, { recursive: true }) as string[])
      .map((p) => p.split(sep).join('/'))
      .filter(
        (p) => statSync(join(out, p)).isFile() && p !== 'evidence/manifest.json' && p !== '.soc2-output',
      )
      .sort();
    expect(manifest.files.map((f) => f.path)).toEqual(onDisk);
    const used = new Set(
      (report as unknown as { checks: { data: string[] }[] }).checks.flatMap((c) => c.data),
    );
    const dataFiles = onDisk.filter((p) => p.startsWith('evidence/data/'));
    expect(dataFiles).toEqual(expect.arrayContaining([...used].map((key) => `evidence/data/${key}.jsonl`)));
    // Every data file starts with its envelope; the keys no check reads (the account list) define scope.
    for (const file of dataFiles) {
      const { envelope } = parseEvidenceJsonl(readFileSync(join(out, file), 'utf8'));
      expect(file).toBe(`evidence/data/${envelope.key}.jsonl`);
      expect(envelope.usedBy.length > 0).toBe(used.has(envelope.key));
      // The demo replays its snapshot of the cloud services; the local files (roster, policies) are read.
      const replayed = ['aws', 'entra', 'github', 'google'].includes(envelope.provider);
      expect(envelope.replayed).toBe(replayed ? true : undefined);
    }
    expect(run.stderr).toContain('SOC 2 readiness: Lumen Ledger, Inc.');
  });

  it('prints the report on stdout with --json and keeps logs on stderr', () => {
    const run = soc2(['scan', '--demo', '--json', '--out', join(tmp(), 'o')]);
    const report = JSON.parse(run.stdout) as { tool: { name: string } };
    expect(report.tool.name).toBe('soc2');
  });

  it('honors NO_COLOR and FORCE_COLOR, and is silent with --quiet', () => {
    const ansi = new RegExp(String.raw`\u001b\[\d+m`);
    const plain = soc2(['scan', '--demo', '--out', join(tmp(), 'o')], { env: { NO_COLOR: '1' } });
    expect(plain.stderr).not.toMatch(ansi);
    const forced = soc2(['scan', '--demo', '--out', join(tmp(), 'o')], {
      env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
    });
    expect(forced.stderr).toMatch(ansi);
    const quiet = soc2(['scan', '--demo', '--quiet', '--out', join(tmp(), 'o')]);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe('');
  });

  it('saves a snapshot and replays it to the same results', () => {
    const dir = tmp();
    const first = soc2([
      'scan',
      '--demo',
      '--save-snapshot',
      join(dir, 'snap.json'),
      '--out',
      join(dir, 'a'),
    ]);
    const replay = soc2([
      'scan',
      '--from-snapshot',
      join(dir, 'snap.json'),
      '--config',
      join(packageRoot, 'demo/soc2.config.yaml'),
      '--out',
      join(dir, 'b'),
    ]);
    expect(replay.code).toBe(first.code);
    const strip = (file: string) => {
      const r = JSON.parse(readFileSync(file, 'utf8')) as {
        scan: Record<string, unknown>;
        checks: unknown;
        controls: unknown;
        criteria: unknown;
      };
      return {
        checks: r.checks,
        controls: r.controls,
        criteria: r.criteria,
        evaluatedAt: r.scan.evaluatedAt,
      };
    };
    expect(strip(join(dir, 'b/report.json'))).toEqual(strip(join(dir, 'a/report.json')));
  });

  it('lists the catalog, validates it and prints coverage', () => {
    const coverage = soc2(['catalog', 'coverage', '--json']);
    expect(coverage.code).toBe(0);
    const parsed = JSON.parse(coverage.stdout) as { total: number; criteria: { id: string }[] };
    expect(parsed.total).toBe(61);
    expect(parsed.criteria).toHaveLength(61);
    expect(soc2(['checks', 'list', '--provider', 'azure']).code).toBe(2);
  });
});
