import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locatePlugin } from '../../src/registry/load.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'soc2-locate-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('locatePlugin: where a plugins: entry is imported from', () => {
  const root = tree({
    'company/config/plain/index.js': '',
    'company/config/mjs/index.mjs': '',
    'company/config/main/package.json': JSON.stringify({ main: 'lib/plugin.js' }),
    'company/config/main/lib/plugin.js': '',
    'company/config/file.mjs': '',
    'company/node_modules/soc2-plugin-a/package.json': JSON.stringify({
      exports: { '.': { types: './x.d.ts', require: './a.cjs', import: './a.mjs' }, './extra': './e.js' },
    }),
    'company/node_modules/soc2-plugin-a/a.mjs': '',
    'node_modules/@acme/soc2-plugin/package.json': JSON.stringify({
      exports: { node: ['./n.js'], default: './d.js' },
    }),
    'node_modules/@acme/soc2-plugin/n.js': '',
    'company/config/node_modules/broken/package.json': '{ nope',
    'company/config/empty/README.md': '',
  });
  const base = join(root, 'company', 'config');
  const at = (...parts: string[]) => ({ file: join(root, ...parts) });

  it('resolves folders, files and packages like Node does for import', () => {
    expect(locatePlugin('./plain', base)).toEqual(at('company/config/plain/index.js'));
    expect(locatePlugin('./mjs', base)).toEqual(at('company/config/mjs/index.mjs'));
    expect(locatePlugin('./main', base)).toEqual(at('company/config/main/lib/plugin.js'));
    expect(locatePlugin('./file.mjs', base)).toEqual(at('company/config/file.mjs'));
    expect(locatePlugin(join(base, 'plain'), '/')).toEqual(at('company/config/plain/index.js'));
    // Packages: looked up from the config's folder upwards; "exports" read for the import condition.
    expect(locatePlugin('soc2-plugin-a', base)).toEqual(at('company/node_modules/soc2-plugin-a/a.mjs'));
    expect(locatePlugin('@acme/soc2-plugin', base)).toEqual(at('node_modules/@acme/soc2-plugin/n.js'));
  });

  it('says why an entry cannot be used', () => {
    expect(locatePlugin('./missing', base)).toEqual({ problem: `not found: ${join(base, 'missing')}` });
    expect(locatePlugin('./empty', base)).toEqual({
      problem: `no module to import in ${join(base, 'empty')} (looked for index.js, index.mjs)`,
    });
    expect(locatePlugin('nope', base)).toMatchObject({
      problem: expect.stringContaining('npm package not found'),
    });
    expect(locatePlugin('broken', base)).toMatchObject({
      problem: expect.stringContaining('is not valid JSON'),
    });
    expect(locatePlugin('soc2 plugin', base)).toMatchObject({
      problem: expect.stringContaining('not a folder'),
    });
  });
});
