#!/usr/bin/env node
// Measures `soc2 export` and `soc2 verify` on a large synthetic scan output: many evidence files plus
// one very large one. Each step runs in its own process so that its peak RSS is its own.
//
//   npm run build && node scripts/bench-bundle.mjs [--files 70000] [--big-mb 1024] [--dir /tmp/soc2-bench]
//
// Prints wall and CPU time (the machine may be shared), peak RSS, entry count and sizes. Needs ~2.5x --big-mb of free disk.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(import.meta.url), '..', '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

async function generate(dir, files, bigMb) {
  rmSync(dir, { recursive: true, force: true });
  const data = join(dir, 'soc2-report', 'evidence', 'data');
  mkdirSync(data, { recursive: true });
  const controls = 100;
  const perControl = Math.ceil(files / controls);
  const collectedAt = '2026-11-02T09:00:00.000Z';
  const report = {
    schemaVersion: 1,
    tool: { name: 'soc2', version: '0.1.0' },
    organization: 'Bench Corp',
    scan: {
      startedAt: collectedAt,
      finishedAt: collectedAt,
      evaluatedAt: collectedAt,
      mode: 'snapshot',
      complete: true,
      failOn: 'low',
      selection: { providers: [], controls: [], criteria: [], checks: [] },
    },
    summary: { readiness: 0 },
    criteria: [{ id: 'CC6.1', title: 'Logical access', status: 'pass', controls: [] }],
    controls: [],
    checks: [],
  };
  let n = 0;
  for (let c = 0; c < controls; c++) {
    const keys = [];
    for (let k = 0; k < perControl && n < files; k++, n++) {
      const key = `bench.c${c}.k${k}`;
      keys.push(key);
      const value = {
        users: Array.from({ length: 5 }, (_, i) => ({
          name: `user-${n}-${i}`,
          arn: `arn:aws:iam::123456789012:user/u${n}-${i}`,
          mfa: i % 2 === 0,
        })),
      };
      writeFileSync(
        join(data, `${key}.json`),
        `${JSON.stringify({ key, collectedAt, usedBy: [`bench.check${c}`], status: 'ok', value }, null, 2)}\n`,
      );
    }
    if (c === 0 && bigMb > 0) keys.push('bench.big');
    const id = `BENCH-${String(c).padStart(3, '0')}`;
    report.criteria[0].controls.push(id);
    report.controls.push({
      id,
      title: `Control ${c}`,
      description: '',
      type: { purpose: 'detective', operation: 'automated' },
      owner: 'CTO',
      frequency: 'quarterly',
      population: '',
      testProcedure: '',
      criteria: ['CC6.1'],
      rationale: {},
      roles: { 'CC6.1': 'tests' },
      status: 'pass',
      operatingStatus: 'pass',
      checks: [`bench.check${c}`],
      evidence: [],
      source: { file: 'bench', line: c },
    });
    report.checks.push({
      id: `bench.check${c}`,
      title: `Check ${c}`,
      provider: 'aws',
      severity: 'low',
      description: '',
      risk: '',
      remediation: '',
      status: 'pass',
      findings: [{ resource: 'account', status: 'pass', message: 'ok' }],
      counts: { pass: 1, fail: 0, excepted: 0 },
      controls: [id],
      criteria: ['CC6.1'],
      data: keys,
      options: {},
    });
  }
  writeFileSync(join(dir, 'soc2-report', 'report.json'), JSON.stringify(report, null, 2));
  if (bigMb > 0) {
    // One big evidence file of varied JSON lines (compresses like real logs, not like zeros).
    const out = createWriteStream(join(data, 'bench.big.json'));
    out.write(`{"key":"bench.big","collectedAt":"${collectedAt}","status":"ok","value":[\n`);
    let written = 0;
    let i = 0;
    const target = bigMb * 1024 * 1024;
    while (written < target) {
      let chunk = '';
      for (let j = 0; j < 2000; j++, i++) {
        chunk += `{"eventTime":"2026-11-0${1 + (i % 9)}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z","eventName":"AssumeRole","user":"u${(i * 7919) % 100000}","sourceIp":"10.${i % 256}.${(i >> 8) % 256}.${(i * 31) % 256}","requestId":"${((i * 2654435761) >>> 0).toString(16)}-${i.toString(36)}"},\n`;
      }
      written += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end('{}]}\n');
    await once(out, 'finish');
  }
  return n + (bigMb > 0 ? 1 : 0);
}

function timed(label, argv) {
  const script = `
    const t = process.hrtime.bigint();
    const { main } = await import(${JSON.stringify(join(repo, 'dist', 'src', 'cli', 'main.js'))});
    const code = await main(['node', 'soc2', ...${JSON.stringify(argv)}]);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const u = process.resourceUsage();
    process.stdout.write(JSON.stringify({ code, ms, cpuS: (u.userCPUTime + u.systemCPUTime) / 1e6, maxRssMb: u.maxRSS / 1024 }));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0 && !run.stdout) throw new Error(`${label} failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1));
  process.stderr.write(run.stderr);
  return result;
}

const dir = resolve(flag('dir', join(tmpdir(), 'soc2-bench')));
const files = Number(flag('files', '70000'));
const bigMb = Number(flag('big-mb', '1024'));
let t = Date.now();
const count = await generate(dir, files, bigMb);
console.log(
  `generated ${count} evidence files (${bigMb} MiB big file) in ${((Date.now() - t) / 1000).toFixed(1)} s`,
);
const zip = join(dir, 'bundle.zip');
const exp = timed('export', ['export', join(dir, 'soc2-report'), '--zip', zip, '-q']);
console.log(
  `export: exit ${exp.code}, ${(exp.ms / 1000).toFixed(1)} s wall, ${exp.cpuS.toFixed(1)} s CPU, peak RSS ${exp.maxRssMb.toFixed(0)} MiB, zip ${(statSync(zip).size / 1024 ** 2).toFixed(1)} MiB`,
);
const ver = timed('verify', ['verify', zip, '-q']);
console.log(
  `verify: exit ${ver.code}, ${(ver.ms / 1000).toFixed(1)} s wall, ${ver.cpuS.toFixed(1)} s CPU, peak RSS ${ver.maxRssMb.toFixed(0)} MiB`,
);
if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
