import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`soc2: cannot find its package root above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The soc2 package folder (source checkout or installed package), whether running from src/ or dist/. */
export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

export const builtInCatalogDir = join(packageRoot, 'controls');
export const schemasDir = join(packageRoot, 'schemas');
export const demoDir = join(packageRoot, 'demo');
