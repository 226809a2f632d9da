#!/usr/bin/env node
// Measures `soc2 scan --provider hr` on large synthetic HR rosters: peak RSS and time against the
// number of rows, each size in its own process so that its peak RSS is its own.
//
//   npm run build && node scripts/bench-roster.mjs [--rows 10000,50000,100000] [--format csv|json]
//                                                 [--formats json,md,html,...]
//
// Prints a Markdown table: rows, file size, wall and CPU time (the machine may be shared), peak RSS.
// --formats is passed to soc2 scan (default: soc2's default report formats).
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(import.meta.url), '..', '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = flag('rows', '10000,50000,100000').split(',').map(Number);
const format = flag('format', 'csv');
const reportFormats = flag('formats', undefined);

// The roster's own field names (the bench needs a build: npm run build).
const { ROSTER_FIELDS: HEADER } = await import(join(repo, 'dist/src/collectors/hr/columns.js'));

function person(i) {
  const terminated = i % 10 === 0;
  return {
    email: `person${i}@bench.example`,
    name: `Person Number ${i}`,
    status: terminated ? 'terminated' : 'active',
    start_date: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    end_date: terminated ? '2026-10-01' : '',
    github: i % 3 === 0 ? `gh-person-${i}` : '',
    aws_user: i % 7 === 0 ? `aws.person.${i}` : '',
    manager: `manager${i % 100}@bench.example`,
    department: ['Engineering', 'Sales', 'Finance'][i % 3],
    employment_type: i % 5 === 0 ? 'contractor' : 'employee',
    background_check_date: '2024-02-03',
    security_training_date: i % 11 === 0 ? '' : '2026-03-04',
    policy_ack_date: '2026-03-05',
  };
}

async function writeRoster(file, rows) {
  const out = createWriteStream(file);
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  if (format === 'csv') {
    await write(`${HEADER.join(',')}\n`);
    for (let i = 1; i <= rows; i++) await write(`${HEADER.map((h) => person(i)[h]).join(',')}\n`);
  } else {
    await write('[\n');
    for (let i = 1; i <= rows; i++) await write(`${JSON.stringify(person(i))}${i < rows ? ',' : ''}\n`);
    await write(']\n');
  }
  out.end();
  await once(out, 'finish');
}

const lines = [
  `HR roster (${format}), reports: ${reportFormats ?? 'default formats'} · Node ${process.versions.node} · ${new Date().toISOString()}`,
  '',
  '| Rows | File (MB) | Wall (s) | CPU (s) | Peak RSS (MB) | Exit |',
  '|---:|---:|---:|---:|---:|---:|',
];
for (const rows of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-bench-roster-'));
  try {
    const roster = join(dir, `roster.${format}`);
    await writeRoster(roster, rows);
    const config = join(dir, 'soc2.config.yaml');
    writeFileSync(config, `organization: Bench\nproviders:\n  hr: { roster: ./roster.${format} }\n`);
    const rusage = join(dir, 'rusage.json');
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        join(repo, 'scripts/bench/rusage-hook.mjs'),
        join(repo, 'bin/soc2.js'),
        'scan',
        '--config',
        config,
        '--provider',
        'hr',
        '--quiet',
        ...(reportFormats ? ['--format', reportFormats] : []),
        '--out',
        join(dir, 'out'),
      ],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SOC2_BENCH_RUSAGE: rusage } },
    );
    const wall = (performance.now() - started) / 1000;
    if (run.status === 2 || run.status === null) throw new Error(`scan failed: ${run.stderr}`);
    const usage = JSON.parse(readFileSync(rusage, 'utf8'));
    const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
    lines.push(
      `| ${rows.toLocaleString('en-US')} | ${mb(statSync(roster).size)} | ${wall.toFixed(1)} | ${((usage.userCPUTime + usage.systemCPUTime) / 1e6).toFixed(1)} | ${(usage.maxRSS / 1024).toFixed(0)} | ${run.status} |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
