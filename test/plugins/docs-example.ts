import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../src/core/paths.js';

/** The files of docs/plugins.md's worked example: every fenced block with a `title="<path>"`. */
export function docsExampleFiles(): Map<string, string> {
  const text = readFileSync(join(packageRoot, 'docs', 'plugins.md'), 'utf8');
  const files = new Map<string, string>();
  for (const match of text.matchAll(/^```\w+ title="([^"]+)"\n([\s\S]*?)^```$/gm))
    files.set(match[1]!, match[2]!);
  return files;
}

/** A user's export as of today: alice signed in yesterday with MFA, bob without, carol is disabled. */
export function vpnExport(now = new Date()): string {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  return JSON.stringify([
    { username: 'alice', mfa_enabled: true, last_login: daysAgo(1), status: 'active' },
    { username: 'bob', mfa_enabled: false, last_login: daysAgo(200), status: 'active' },
    { username: 'carol', mfa_enabled: false, last_login: null, status: 'disabled' },
  ]);
}

/**
 * A company folder outside the repository holding the example exactly as docs/plugins.md gives it
 * (config, plugin folder), with the gateway export dated from today. `edit` changes a file first.
 */
export function writeDocsExample(edit: Record<string, (text: string) => string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-plugin-'));
  const files = docsExampleFiles();
  files.set('exports/vpn-users.json', vpnExport());
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), edit[path] ? edit[path](text) : text);
  }
  return dir;
}
