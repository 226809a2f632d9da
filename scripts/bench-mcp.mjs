#!/usr/bin/env node
// Measures `soc2 mcp` as a client sees it, against the demo scan's output: spawn + initialize +
// tools/list, then list_findings {status: "fail"} (the first call reads and parses report.json), then
// a second list_findings (served from the parsed report). Also the CPU time and peak RSS of a server
// that starts and stops at once (stdin closed).
//
//   npm run build && node scripts/bench-mcp.mjs [--runs 10]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const repo = resolve(fileURLToPath(import.meta.url), '..', '..');
const bin = join(repo, 'bin', 'soc2.js');
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 10;
const work = mkdtempSync(join(tmpdir(), 'soc2-bench-mcp-'));
const report = join(work, 'report');
spawnSync(process.execPath, [bin, 'scan', '--demo', '--out', report, '--quiet']);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const rows = { start: [], first: [], second: [], cpu: [], rss: [] };
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: [bin, 'mcp', '--report', report] }),
  );
  await client.listTools();
  const t1 = performance.now();
  await client.callTool({ name: 'list_findings', arguments: { status: 'fail' } });
  const t2 = performance.now();
  await client.callTool({ name: 'list_findings', arguments: { status: 'fail' } });
  const t3 = performance.now();
  await client.close();
  rows.start.push(t1 - t0);
  rows.first.push(t2 - t1);
  rows.second.push(t3 - t2);

  const usage = join(work, 'rusage.json');
  spawnSync(
    process.execPath,
    ['--import', join(repo, 'scripts', 'bench', 'rusage-hook.mjs'), bin, 'mcp', '--report', report],
    {
      input: '',
      env: { ...process.env, SOC2_BENCH_RUSAGE: usage },
    },
  );
  const u = JSON.parse(readFileSync(usage, 'utf8'));
  rows.cpu.push((u.userCPUTime + u.systemCPUTime) / 1000);
  rows.rss.push(u.maxRSS / 1024);
}
rmSync(work, { recursive: true, force: true });
const ms = (v) => `${median(v).toFixed(0)} ms`;
process.stdout.write(
  [
    `soc2 mcp, ${runs} runs, medians (Node ${process.version}):`,
    `  spawn + initialize + tools/list     ${ms(rows.start)}`,
    `  first list_findings {status: fail}  ${ms(rows.first)}`,
    `  second list_findings                ${ms(rows.second)}`,
    `  start and stop: CPU                 ${ms(rows.cpu)}, peak RSS ${median(rows.rss).toFixed(0)} MB`,
    '',
  ].join('\n'),
);
