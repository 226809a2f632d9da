import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/paths.js';
import { TOOL_VERSION } from '../../src/engine/version.js';

const restrictedImports = async (code: string, file: string) => {
  const eslint = new ESLint({ cwd: packageRoot });
  const [result] = await eslint.lintText(code, { filePath: join(packageRoot, file) });
  return result!.messages.filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => m.message);
};

describe('engine boundaries', () => {
  it('lint lets src/engine use src/core types but not its code, which reads the disk', async () => {
    const value = await restrictedImports(
      "import { loadCriteria } from '../core/criteria.js';\nexport const all = loadCriteria();\n",
      'src/engine/example.ts',
    );
    expect(value).toEqual([expect.stringContaining('The engine imports only types from src/core')]);
    const types = await restrictedImports(
      "import type { Config } from '../core/config.js';\nexport const name = (c: Config) => c.organization;\n",
      'src/engine/example.ts',
    );
    expect(types).toEqual([]);
    const disk = await restrictedImports(
      "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
      'src/engine/example.ts',
    );
    expect(disk).toEqual([expect.stringContaining('The engine does no disk or network I/O')]);
    expect(
      await restrictedImports(
        "import { loadCriteria } from './criteria.js';\nexport const all = loadCriteria();\n",
        'src/core/example.ts',
      ),
    ).toEqual([]);
  });

  it('records the version package.json declares', () => {
    const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
    expect(TOOL_VERSION).toBe(pkg.version);
  });
});
