import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../checks/index.js';
import { cachedSource, readCatalogCache } from '../../src/core/catalog-cache.js';
import { loadCatalog } from '../../src/core/catalog.js';
import { builtInCatalogDir } from '../../src/core/paths.js';
import { parseYaml } from '../../src/core/yaml-source.js';

const builtIn = readdirSync(builtInCatalogDir)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => join(builtInCatalogDir, name));

describe("the build's parsed copy of the built-in catalog", () => {
  it('covers every built-in catalog file as it is now', () => {
    const cache = readCatalogCache();
    expect(cache).toBeDefined();
    for (const file of builtIn)
      expect(cachedSource(file, readFileSync(file, 'utf8'), cache), file).toBeDefined();
  });

  it('gives the same catalog, control positions included, as parsing every file', () => {
    const cached = loadCatalog({ checks: allChecks });
    const parsed = loadCatalog({ checks: allChecks, noBuildCache: true });
    expect(cached).toEqual(parsed);
    expect(cached.controls).toHaveLength(61);
  });

  it('locates any other value by parsing after all, and is not used for changed text', () => {
    const file = builtIn[0]!;
    const text = readFileSync(file, 'utf8');
    const source = cachedSource(file, text, readCatalogCache())!;
    expect(source.locate('/controls/0/criteria/0/id')).toEqual(
      parseYaml(text, file).locate('/controls/0/criteria/0/id'),
    );
    expect(cachedSource(file, `${text}\n# edited\n`, readCatalogCache())).toBeUndefined();
    expect(cachedSource(join('/elsewhere', basename(file)), text, readCatalogCache())).toBeUndefined();
  });
});
