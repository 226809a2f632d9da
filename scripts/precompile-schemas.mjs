// Part of `npm run build`: compiles the JSON Schemas soc2 validates its inputs against into standalone
// validator code (dist/validators/*.cjs), so that a run does not spend ~150 ms compiling them. Each file
// records the SHA-256 of the schema it was made from; at run time a schema that changed since is
// compiled afresh (src/core/schema-validate.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import standalone from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { newAjv, precompiledPath, schemaSha256 } = await import(
  join(root, 'dist/src/core/schema-validate.js')
);

const SCHEMAS = [
  'schemas/config.schema.json',
  'controls/control.schema.json',
  'schemas/policy.schema.json',
  'schemas/evidence-index.schema.json',
  'schemas/risks.schema.json',
  'schemas/vendors.schema.json',
];

for (const relative of SCHEMAS) {
  const file = join(root, relative);
  const text = readFileSync(file, 'utf8');
  const ajv = newAjv({ code: { source: true } });
  const code = standalone.default(ajv, ajv.compile(JSON.parse(text)));
  const out = precompiledPath(file);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${code}\nmodule.exports.schemaSha256 = ${JSON.stringify(schemaSha256(text))};\n`);
}
