import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { soc2 } from '../harness/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'soc2-safety-'));
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

/** A project folder as a user has it: a git work tree, notes, policies, and a report.json they saved. */
function projectFolder(): string {
  const dir = tmp();
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(dir, 'NOTES.md'), 'my notes\n');
  mkdirSync(join(dir, 'policies'));
  writeFileSync(join(dir, 'policies', 'access.md'), '# Access\n');
  writeFileSync(join(dir, 'report.json'), '{"saved": "by the user"}\n');
  return dir;
}

function snapshotOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, entry);
    try {
      files[entry] = readFileSync(path, 'utf8');
    } catch {
      files[entry] = '<dir>';
    }
  }
  return files;
}

describe('output folders: soc2 replaces only what it wrote', () => {
  it('refuses a folder holding a report.json it did not write, and touches nothing (the README pitfall)', () => {
    const project = projectFolder();
    const other = join(project, 'sub');
    mkdirSync(other);
    writeFileSync(join(other, 'report.json'), '{"mine": true}\n');
    writeFileSync(join(other, 'keep.txt'), 'keep\n');
    const before = snapshotOf(project);
    const run = soc2(['scan', '--demo', '--quiet', '--out', other], { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('was not written by soc2 (no .soc2-output marker); nothing was touched');
    noStack(run.stderr);
    expect(snapshotOf(project)).toEqual(before);
  });

  it.each([
    ['the current folder', (dir: string) => ({ out: '.', cwd: dir, home: tmp() }), 'is the current folder'],
    ['a git work tree', (dir: string) => ({ out: dir, cwd: tmp(), home: tmp() }), 'is a git work tree'],
    [
      'the home folder',
      (dir: string) => {
        const home = tmp();
        writeFileSync(join(home, '.soc2-output'), `{"tool":"soc2","output":"${'a'.repeat(32)}"}\n`);
        mkdirSync(join(home, '.ssh'));
        return { out: home, cwd: dir, home };
      },
      'is your home folder',
    ],
  ])('never replaces %s, even one carrying a soc2 marker', (_label, where, reason) => {
    const project = projectFolder();
    writeFileSync(join(project, '.soc2-output'), `{"tool":"soc2","output":"${'b'.repeat(32)}"}\n`);
    const { out, cwd, home } = where(project);
    const before = [snapshotOf(project), snapshotOf(home)];
    const run = soc2(['scan', '--demo', '--quiet', '--out', out], { cwd, env: { HOME: home } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${reason}; soc2 never replaces it`);
    noStack(run.stderr);
    expect([snapshotOf(project), snapshotOf(home)]).toEqual(before);
  });

  it('replaces its own output, which carries a marker with a random id', () => {
    const dir = tmp();
    const out = join(dir, 'soc2-report');
    expect(soc2(['scan', '--demo', '--quiet', '--out', out]).code).toBe(3);
    const first = JSON.parse(readFileSync(join(out, '.soc2-output'), 'utf8')) as {
      tool: string;
      output: string;
    };
    expect(first.tool).toBe('soc2');
    expect(first.output).toMatch(/^[0-9a-f]{32}$/);
    expect(soc2(['scan', '--demo', '--quiet', '--out', out]).code).toBe(3);
    const second = JSON.parse(readFileSync(join(out, '.soc2-output'), 'utf8')) as { output: string };
    expect(second.output).not.toBe(first.output);
    expect(existsSync(join(out, 'report.json'))).toBe(true);
  });

  it('soc2 merge refuses an output folder it did not write', () => {
    const dir = tmp();
    const shard = join(dir, 'shard-1');
    expect(soc2(['scan', '--demo', '--quiet', '--out', shard]).code).toBe(3);
    const target = join(dir, 'merged');
    mkdirSync(target);
    writeFileSync(join(target, 'report.json'), '{}\n');
    const run = soc2(['merge', shard, '--out', target]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not written by soc2');
    expect(readdirSync(target)).toEqual(['report.json']);
  });

  it('soc2 export replaces an earlier bundle but refuses any other file at --zip, touching nothing', () => {
    const dir = tmp();
    const out = join(dir, 'soc2-report');
    expect(soc2(['scan', '--demo', '--quiet', '--out', out]).code).toBe(3);
    const zip = join(dir, 'bundle.zip');
    expect(soc2(['export', out, '--zip', zip, '--quiet']).code).toBe(0);
    expect(soc2(['export', out, '--zip', zip, '--quiet']).code).toBe(0);

    const notes = join(dir, 'notes.zip');
    writeFileSync(notes, 'PK not really a zip, but mine\n');
    const key = join(dir, 'id_ed25519');
    writeFileSync(key, '-----BEGIN OPENSSH PRIVATE KEY-----\n');
    for (const target of [notes, key, join(dir, 'policies')]) {
      if (target.endsWith('policies')) mkdirSync(target);
      const run = soc2(['export', out, '--zip', target]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('soc2 replaces only an evidence bundle it wrote');
      noStack(run.stderr);
    }
    expect(readFileSync(notes, 'utf8')).toBe('PK not really a zip, but mine\n');
    expect(readFileSync(key, 'utf8')).toBe('-----BEGIN OPENSSH PRIVATE KEY-----\n');
  });
});
