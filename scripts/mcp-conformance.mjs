// Runs the server scenarios of the MCP conformance suite (@modelcontextprotocol/conformance) that apply
// to soc2 mcp against `soc2 mcp --http` serving a demo scan. The suite cannot send a bearer token, so a
// local proxy adds it (and maps its own Host to the server's; other Host headers pass unchanged, so the
// DNS-rebinding scenario still reaches the server's check). Needs `npm run build`; fetches the suite
// with npx. Usage: node scripts/mcp-conformance.mjs [--version 0.1.16]
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The server scenarios that do not need the suite's own fixture tools, resources or prompts (override
 * with SCENARIOS=a,b to try others).
 */
const APPLICABLE = [
  'server-initialize',
  'ping',
  'tools-list',
  'resources-list',
  'prompts-list',
  'dns-rebinding-protection',
  'server-sse-multiple-streams',
];
const SCENARIOS = process.env.SCENARIOS ? process.env.SCENARIOS.split(',') : APPLICABLE;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'soc2.js');
const versionAt = process.argv.indexOf('--version');
const version = versionAt > 0 ? process.argv[versionAt + 1] : '0.1.16';
const work = mkdtempSync(join(tmpdir(), 'soc2-mcp-conformance-'));
const token = randomBytes(24).toString('hex');

const scan = spawnSync(process.execPath, [bin, 'scan', '--demo', '--out', join(work, 'report'), '--quiet']);
if (scan.status !== 3 && scan.status !== 1) throw new Error(`demo scan failed: ${scan.stderr}`);

const server = spawn(
  process.execPath,
  [bin, 'mcp', '--http', '127.0.0.1:0', '--report', join(work, 'report')],
  {
    env: { ...process.env, SOC2_MCP_TOKEN: token },
    stdio: ['ignore', 'inherit', 'pipe'],
  },
);
const target = await new Promise((resolve, reject) => {
  let err = '';
  server.stderr.on('data', (d) => {
    err += d;
    const match = /on (http:\/\/\S+)/.exec(err);
    if (match) resolve(new URL(match[1]));
  });
  server.on('exit', (code) => reject(new Error(`soc2 mcp exited ${code}: ${err}`)));
});

const proxy = createServer((req, res) => {
  const ownHost = `127.0.0.1:${proxy.address().port}`;
  const headers = { ...req.headers, authorization: `Bearer ${token}` };
  if (req.headers.host === ownHost || req.headers.host === `localhost:${proxy.address().port}`)
    headers.host = target.host;
  const upstream = request(
    { host: target.hostname, port: target.port, path: req.url, method: req.method, headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
});
await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${proxy.address().port}${target.pathname}`;

let failed = 0;
for (const scenario of SCENARIOS) {
  // Asynchronously: the proxy runs in this process.
  const run = await new Promise((resolve) => {
    const child = spawn(
      'npx',
      [
        '--yes',
        `@modelcontextprotocol/conformance@${version}`,
        'server',
        '--url',
        url,
        '--scenario',
        scenario,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  const ok = run.status === 0;
  if (!ok) failed += 1;
  process.stdout.write(`${ok ? 'PASS' : 'FAIL'} ${scenario}\n`);
  if (!ok || process.env.VERBOSE) process.stdout.write(`${run.stdout}${run.stderr}\n`);
}
process.stdout.write(`${SCENARIOS.length - failed} passed, ${failed} failed\n`);
proxy.close();
server.kill('SIGTERM');
rmSync(work, { recursive: true, force: true });
process.exitCode = failed > 0 ? 1 : 0;
