import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PluginListing } from '../core/config.js';
import { errorMessage, InputError, type Problem } from '../engine/errors.js';
import type { LoadedPlugin } from './registry.js';

/**
 * Imports each listed plugin: a local folder or module file (relative to `baseDir`, the config file's
 * folder) or an npm package name (resolved from `baseDir` up, as Node resolves packages). A plugin that
 * cannot be found or imported, or throws while loading, is bad input naming it, its file and the
 * problem; all such problems are reported at once.
 */
export async function loadPlugins(
  listings: readonly PluginListing[],
  baseDir: string,
): Promise<LoadedPlugin[]> {
  const loaded: LoadedPlugin[] = [];
  const problems: Problem[] = [];
  for (const { entry, listedAt } of listings) {
    const listed = `listed at ${[listedAt.file, listedAt.line].filter(Boolean).join(':')}`;
    const found = locatePlugin(entry, baseDir);
    if ('problem' in found) {
      problems.push({ ...listedAt, message: `plugin ${entry}: ${found.problem}` });
      continue;
    }
    const url = pathToFileURL(found.file).href;
    try {
      const module = (await import(url)) as { default?: unknown };
      if (module.default === undefined) {
        problems.push({
          file: found.file,
          message: `plugin ${entry} (${listed}): no default export; write export default { id, providers, checks, controls }`,
        });
        continue;
      }
      loaded.push({ plugin: module.default as LoadedPlugin['plugin'], origin: { entry, file: found.file } });
    } catch (error) {
      const where = isParseError(error) ? syntaxErrorLocation(url) : undefined;
      problems.push({
        file: where?.file ?? found.file,
        ...(where ? { line: where.line, column: where.column } : {}),
        message: `plugin ${entry} (${listed}): ${loadFailure(error)}`,
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return loaded;
}

/** A module of the plugin does not parse: a SyntaxError raised before any of its code ran. */
function isParseError(error: unknown): error is SyntaxError {
  return error instanceof SyntaxError && !(error.stack ?? '').includes('file://');
}

function loadFailure(error: unknown): string {
  if (isParseError(error)) return `syntax error: ${error.message}`;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_'))
    return `cannot be imported: ${errorMessage(error)}`;
  return `threw while loading: ${error instanceof Error ? `${error.name}: ` : ''}${errorMessage(error)}`;
}

/**
 * Where a module graph fails to parse. Node keeps the location of an ESM syntax error only in what it
 * prints for an uncaught one, so a child process imports the module again (parsing runs none of its
 * code) and the first line of its report is read: `file:///…/index.js:12`, the source line, a caret.
 */
function syntaxErrorLocation(url: string): { file: string; line: number; column?: number } | undefined {
  const child = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', 'await import(process.argv[1])', url],
    {
      encoding: 'utf8',
      timeout: 15_000,
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  const [head = '', , caret = ''] = (child.stderr ?? '').split('\n');
  const match = /^(file:\/\/\S+|\/\S+):(\d+)$/.exec(head.trim());
  if (!match) return undefined;
  const file = match[1]!.startsWith('file:') ? fileURLToPath(match[1]!) : match[1]!;
  const column = caret.indexOf('^');
  return { file, line: Number(match[2]), ...(column >= 0 ? { column: column + 1 } : {}) };
}

/** The module file a plugin entry stands for, or why there is none. */
export function locatePlugin(entry: string, baseDir: string): { file: string } | { problem: string } {
  if (entry.startsWith('.') || isAbsolute(entry)) {
    const path = resolve(baseDir, entry);
    if (!existsSync(path)) return { problem: `not found: ${path}` };
    return statSync(path).isDirectory() ? packageEntry(path) : { file: path };
  }
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(entry)) {
    return { problem: 'not a folder (start it with ./ or /) and not an npm package name' };
  }
  for (let dir = baseDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', entry);
    if (existsSync(join(candidate, 'package.json'))) return packageEntry(candidate);
    if (dirname(dir) === dir) break;
  }
  return { problem: `npm package not found from ${baseDir} (install it there: npm install ${entry})` };
}

/** A folder's module: its package.json entry ("exports" for import, else "main"), else index.js or index.mjs. */
function packageEntry(dir: string): { file: string } | { problem: string } {
  const manifest = join(dir, 'package.json');
  let target: string | undefined;
  if (existsSync(manifest)) {
    let pkg: { exports?: unknown; main?: unknown };
    try {
      pkg = JSON.parse(readFileSync(manifest, 'utf8')) as typeof pkg;
    } catch (error) {
      return { problem: `${manifest} is not valid JSON: ${errorMessage(error)}` };
    }
    target = rootExport(pkg.exports) ?? (typeof pkg.main === 'string' ? pkg.main : undefined);
  }
  const candidates = target ? [target] : ['index.js', 'index.mjs'];
  const file = candidates.map((name) => resolve(dir, name)).find((path) => existsSync(path));
  return file ? { file } : { problem: `no module to import in ${dir} (looked for ${candidates.join(', ')})` };
}

const CONDITIONS = ['import', 'node', 'default'];

/** The target of a package's "exports" for `import 'name'`, following Node's rules for the root. */
function rootExport(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  if (Array.isArray(exports)) return exports.map(rootExport).find(Boolean);
  if (!exports || typeof exports !== 'object') return undefined;
  const map = exports as Record<string, unknown>;
  if ('.' in map) return rootExport(map['.']);
  for (const [condition, target] of Object.entries(map)) {
    if (CONDITIONS.includes(condition)) {
      const found = rootExport(target);
      if (found) return found;
    }
  }
  return undefined;
}
