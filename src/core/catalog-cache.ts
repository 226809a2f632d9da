import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { builtInCatalogDir, packageRoot } from './paths.js';
import { sha256 } from './sha256.js';
import { parseYaml, type YamlSource } from './yaml-source.js';

/**
 * The built-in catalog's YAML files as `npm run build` parsed them: each file's value and the position
 * of each control, keyed by the file's SHA-256. Parsing the 13 files costs about 80 ms per run; a file
 * whose text differs from what the build saw is parsed as usual.
 */
export interface CatalogCache {
  version: 1;
  files: Record<string, { sha256: string; value: unknown; positions: Record<string, Position> }>;
}

type Position = { line: number; column: number };

export const catalogCachePath = join(packageRoot, 'dist', 'catalog-cache.json');

/** What the build writes: every control's position, found by parsing the file once. */
export function cacheEntry(text: string, file: string): CatalogCache['files'][string] {
  const source = parseYaml(text, file);
  const controls = (source.value as { controls?: unknown[] } | null)?.controls ?? [];
  const positions: Record<string, Position> = {};
  controls.forEach((_, i) => {
    const at = source.locate(`/controls/${i}`);
    if (at) positions[`/controls/${i}`] = at;
  });
  return { sha256: sha256(text), value: source.value, positions };
}

export function readCatalogCache(): CatalogCache | undefined {
  if (!existsSync(catalogCachePath)) return undefined;
  try {
    const cache = JSON.parse(readFileSync(catalogCachePath, 'utf8')) as CatalogCache;
    return cache.version === 1 ? cache : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The parsed file from the cache when it is a built-in catalog file unchanged since the build. Any
 * position the cache does not hold (a problem to report) comes from parsing the text after all.
 */
export function cachedSource(
  file: string,
  text: string,
  cache: CatalogCache | undefined,
): YamlSource | undefined {
  if (!cache || dirname(file) !== builtInCatalogDir) return undefined;
  const hit = cache.files[basename(file)];
  if (!hit || hit.sha256 !== sha256(text)) return undefined;
  let parsed: YamlSource | undefined;
  return {
    file,
    value: hit.value,
    locate(pointer, key) {
      const known = key === undefined ? hit.positions[pointer] : undefined;
      if (known) return known;
      parsed ??= parseYaml(text, file);
      return parsed.locate(pointer, key);
    },
  };
}
