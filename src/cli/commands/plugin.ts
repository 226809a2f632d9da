import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { providers } from '../../collectors/index.js';
import { packageRoot } from '../../core/paths.js';
import { TOOL_VERSION } from '../../engine/version.js';
import { InputError } from '../../engine/errors.js';
import { pluginNameProblem, pluginScaffold } from '../../registry/scaffold.js';

export interface PluginNewFlags {
  dir?: string;
}

/** Writes a working plugin folder (see src/registry/scaffold.ts); never over an existing, non-empty one. */
export async function pluginNewCommand(name: string, flags: PluginNewFlags): Promise<number> {
  const problem = pluginNameProblem(
    name,
    providers.map((p) => p.id),
  );
  if (problem) throw new InputError(problem);
  const dir = resolve(flags.dir ?? name);
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new InputError([{ file: dir, message: 'already exists and is not empty; choose another --dir' }]);
  const files = pluginScaffold(name, { soc2: TOOL_VERSION, vitest: vitestRange() });
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content, { flag: 'wx' });
  }
  const shown = relative(process.cwd(), dir) || '.';
  const entry = shown.startsWith('.') || shown.startsWith('/') ? shown : `./${shown}`;
  process.stderr.write(
    `Wrote the soc2 plugin '${name}' to ${dir}:\n  ${files.map((f) => f.path).join(', ')}\n\n` +
      `Use it: in soc2.config.yaml (paths relative to that file)\n` +
      `  plugins:\n    - ${entry}\n  providers:\n    ${name}:\n      file: ${entry}/example-accounts.json\n` +
      `then: soc2 checks list --provider ${name}\n` +
      `Test it: cd ${shown} && npm install && npm test\n`,
  );
  return 0;
}

/** The vitest version soc2's own check tests run with. */
function vitestRange(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  return pkg.devDependencies?.vitest ?? '*';
}
