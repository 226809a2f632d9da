// `node scripts/screenshot-report.mjs [out.png]` (after `npm run build`): renders the demo's report.html
// in headless Chromium and saves its first screen, docs/img/report.png by default. The demo history has
// one scan, so the trend is drawn from an illustrative history: the demo scan's own record copied to
// the five previous weeks, with more checks failing the further back it goes.
// Needs Chromium (Debian: apt-get install chromium); set CHROMIUM to its path if it is not on PATH.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(process.argv[2] ?? join(root, 'docs', 'img', 'report.png'));
const chromium = process.env.CHROMIUM ?? 'chromium';
const work = mkdtempSync(join(tmpdir(), 'soc2-screenshot-'));

function soc2(...args) {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'soc2.js'), ...args], { stdio: 'inherit' });
  // The demo fails checks (1) and leaves a source unread (3) on purpose.
  if (![0, 1, 3].includes(run.status ?? -1)) throw new Error(`soc2 ${args.join(' ')} exited ${run.status}`);
}

try {
  const history = join(work, 'history');
  soc2('scan', '--demo', '--quiet', '--format', 'json', '--out', join(work, 'first'), '--history', history);
  const [name] = readdirSync(history);
  const record = JSON.parse(readFileSync(join(history, name), 'utf8'));
  const passing = record.checks.filter((c) => c.failing.length === 0 && c.status === 'pass');
  for (let weeks = 1; weeks <= 5; weeks++) {
    const evaluatedAt = new Date(Date.parse(record.evaluatedAt) - weeks * 7 * 86_400_000).toISOString();
    const reopened = new Set(passing.slice(0, weeks * 3).map((c) => c.id));
    const earlier = {
      ...record,
      evaluatedAt,
      finishedAt: evaluatedAt,
      complete: weeks !== 3,
      checks: record.checks.map((c) =>
        reopened.has(c.id) ? { ...c, status: 'fail', failing: ['illustrative'] } : c,
      ),
      controls: record.controls.map((c) =>
        c.checks.some((id) => reopened.has(id)) ? { ...c, status: 'fail' } : c,
      ),
    };
    writeFileSync(join(history, `${evaluatedAt.replace(/:/g, '-')}.json`), JSON.stringify(earlier));
  }
  const report = join(work, 'report');
  soc2('scan', '--demo', '--quiet', '--format', 'html', '--out', report, '--history', history);
  mkdirSync(dirname(out), { recursive: true });
  const shot = spawnSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--force-device-scale-factor=1',
      '--window-size=1280,1200',
      `--screenshot=${out}`,
      pathToFileURL(join(report, 'report.html')).href,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
  );
  if (shot.status !== 0) throw new Error(`${chromium} exited ${shot.status}: ${shot.stderr ?? shot.error}`);
  process.stderr.write(`screenshot: ${out}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
