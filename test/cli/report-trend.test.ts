import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { appendHistory } from '../../src/core/history.js';
import { sampleResult } from '../fixtures/scan-result.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-trend-'));
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const run = (...args: string[]) => main(['node', 'soc2', ...args]);

describe('soc2 scan --history: the reports show the trend', () => {
  it('draws the stored scans plus this one; the reporters get them from the CLI', async () => {
    const hist = join(dir, 'hist');
    const earlier = sampleResult();
    appendHistory(hist, { ...earlier, scan: { ...earlier.scan, evaluatedAt: '2026-10-01T09:00:00.000Z' } });
    appendHistory(hist, { ...earlier, scan: { ...earlier.scan, evaluatedAt: '2026-10-15T09:00:00.000Z' } });
    const out = join(dir, 'out');
    // The demo fails checks and leaves a source unread on purpose: exit 3.
    expect(await run('scan', '--demo', '--out', out, '--format', 'md,html', '--history', hist, '-q')).toBe(3);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const svg = html.slice(html.indexOf('<svg class="trend"'), html.indexOf('</svg>'));
    expect(svg.match(/<g class="scan">/g)).toHaveLength(3);
    expect(svg).toContain('<title>2026-10-01: 5 failing check(s)');
    expect(svg).toMatch(/<title>2026-11-02: \d+ failing check\(s\) \(2 critical/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(
      /\| 2026-10-15 \| 5 \|[^\n]*\n\| 2026-11-02 \|/,
    );
    expect(readdirSync(hist)).toHaveLength(3);
  });

  it('a first scan into an empty history says the trend comes with the second', async () => {
    const out = join(dir, 'out');
    await run('scan', '--demo', '--out', out, '--format', 'html', '--history', join(dir, 'new-hist'), '-q');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toContain('<svg');
    expect(html).toContain('the trend appears from the second');
  });

  it('a file in the history folder that is not a record is bad input before anything is scanned', async () => {
    const hist = join(dir, 'hist');
    mkdirSync(hist);
    writeFileSync(join(hist, 'notes.json'), '{"hello": 1}');
    const out = join(dir, 'out');
    expect(await run('scan', '--demo', '--out', out, '--history', hist, '-q')).toBe(2);
    expect(() => readdirSync(out)).toThrow();
  });
});
