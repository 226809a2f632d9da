// `npm run gen:check-docs`: rewrites the generated block at the top of every check's README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { allChecks } from '../checks/index.js';
import { loadCatalog } from '../src/core/catalog.js';
import { packageRoot } from '../src/core/paths.js';
import { checkReadmePath, generatedBlock, withGeneratedBlock } from './check-docs.js';

const catalog = loadCatalog({ checks: allChecks, noBuildCache: true });
let updated = 0;
for (const check of allChecks) {
  const file = checkReadmePath(join(packageRoot, 'checks'), check);
  const before = readFileSync(file, 'utf8');
  const after = withGeneratedBlock(before, generatedBlock(check, catalog));
  if (after === before) continue;
  writeFileSync(file, after);
  process.stdout.write(`updated ${relative(packageRoot, file)}\n`);
  updated++;
}
process.stdout.write(`${updated} of ${allChecks.length} check READMEs updated\n`);
