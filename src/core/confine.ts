import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Whether `path` lies strictly inside `root` (both absolute and resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

export type Confined = { ok: true; path: string; exists: boolean } | { ok: false; why: string };

/**
 * Resolves a path given by someone else (an index file, an MCP client) inside `root`: an absolute path,
 * a `..` that leaves the folder, or a symbolic link pointing out of it is refused, so a caller can never
 * be made to read (hash, bundle, serve) an arbitrary file of the machine.
 */
export async function confinePath(root: string, path: string, folder = 'the folder'): Promise<Confined> {
  if (isAbsolute(path) || /^[a-zA-Z]:[\\/]/.test(path)) return { ok: false, why: 'is an absolute path' };
  const full = resolve(root, path);
  if (!isInside(resolve(root), full)) return { ok: false, why: `is outside ${folder}` };
  let real: string;
  try {
    real = await realpath(full);
  } catch {
    return { ok: true, path: full, exists: false };
  }
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return { ok: true, path: full, exists: false };
  }
  if (!isInside(realRoot, real)) return { ok: false, why: `leads outside ${folder} (symbolic link)` };
  return { ok: true, path: full, exists: true };
}
