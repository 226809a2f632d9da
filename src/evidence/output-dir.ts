import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';

export interface OutputFile {
  /** Relative path inside the output folder, with forward slashes. */
  path: string;
  content: string | Uint8Array;
}

/** Files that mark a folder as one soc2 wrote, and so safe to replace whole. */
const OUTPUT_MARKERS = ['report.json', join('evidence', 'manifest.json')];

export function isReplaceableOutput(dir: string): boolean {
  if (!existsSync(dir)) return true;
  const entries = readdirSync(dir);
  return entries.length === 0 || OUTPUT_MARKERS.some((marker) => existsSync(join(dir, marker)));
}

/**
 * Writes a whole output folder so that readers only ever see the previous complete output or the new
 * complete one: everything is written into a hidden sibling folder, which then replaces the old folder
 * by rename. A scan killed at any point leaves the previous output intact (plus, at worst, a hidden
 * `.name.soc2-*` folder that the next run removes).
 */
export function writeOutputDir(outDir: string, files: readonly OutputFile[]): void {
  const target = resolve(outDir);
  const parent = dirname(target);
  const name = basename(target);
  if (!isReplaceableOutput(target)) {
    throw new InputError([
      {
        file: target,
        message:
          'output folder exists and was not written by soc2 (no report.json); choose another --out or empty it',
      },
    ]);
  }
  mkdirSync(parent, { recursive: true });
  removeLeftovers(parent, name);
  const token = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(parent, `.${name}.soc2-tmp-${token}`);
  mkdirSync(staging);
  try {
    for (const file of files) {
      const path = join(staging, ...file.path.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
    const old = join(parent, `.${name}.soc2-old-${token}`);
    const hadOld = existsSync(target);
    if (hadOld) renameSync(target, old);
    renameSync(staging, target);
    if (hadOld) rmSync(old, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Writes one file atomically (temp file, then rename). */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const target = resolve(file);
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(
    dirname(target),
    `.${basename(target)}.soc2-tmp-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  try {
    writeFileSync(temp, content);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function removeLeftovers(parent: string, name: string): void {
  for (const entry of readdirSync(parent)) {
    const match = entry.match(/^\.(.+)\.soc2-(tmp|old)-(\d+)-[0-9a-f]+$/);
    if (!match || match[1] !== name) continue;
    const pid = Number(match[3]);
    if (pid !== process.pid && !isAlive(pid)) rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
