// Part of `npm run build`: work every run would otherwise repeat at start-up.
// - The JSON Schemas soc2 validates its inputs against, the built-in providers' config schemas
//   included, compiled into standalone validator code (dist/validators/*.cjs), sparing ~150 ms of
//   compiling per run.
// - The built-in catalog's YAML, parsed (dist/catalog-cache.json), sparing ~80 ms.
// Each artifact records the SHA-256 of the file it was made from; at run time a file that changed
// since is compiled or parsed afresh (src/core/schema-validate.ts, src/core/catalog-cache.ts).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import standalone from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (module) => import(join(root, 'dist/src', module));
const { newAjv } = await dist('engine/json-schema.js');
const { precompiledPath, SHIPPED_SCHEMAS } = await dist('core/schema-validate.js');
const { sha256 } = await dist('core/sha256.js');
const { cacheEntry, catalogCachePath } = await dist('core/catalog-cache.js');

const { providers } = await import(join(root, 'dist/src/collectors/index.js'));

function writeValidator(schema, text, out) {
  const ajv = newAjv({ code: { source: true } });
  const code = standalone.default(ajv, ajv.compile(schema));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${code}\nmodule.exports.schemaSha256 = ${JSON.stringify(sha256(text))};\n`);
}

for (const relative of SHIPPED_SCHEMAS) {
  const file = join(root, relative);
  const text = readFileSync(file, 'utf8');
  writeValidator(JSON.parse(text), text, precompiledPath(file));
}
// The built-in providers' config blocks (a plugin's schema is compiled when the plugin is loaded).
for (const { id, configSchema } of providers) {
  if (configSchema)
    writeValidator(configSchema, JSON.stringify(configSchema), precompiledPath(`provider-${id}`));
}

const controls = join(root, 'controls');
const files = {};
for (const name of readdirSync(controls)
  .filter((n) => /\.ya?ml$/.test(n))
  .sort()) {
  files[name] = cacheEntry(readFileSync(join(controls, name), 'utf8'), join(controls, name));
}
writeFileSync(catalogCachePath, JSON.stringify({ version: 1, files }));

// The bundled plugins' catalogs: their index.js names its controls folder next to itself, so the
// YAML goes beside the compiled module (dist/plugins/<id>/controls).
const bundled = join(root, 'plugins');
for (const id of readdirSync(bundled, { withFileTypes: true }).filter((e) => e.isDirectory())) {
  const from = join(bundled, id.name, 'controls');
  if (existsSync(from)) cpSync(from, join(root, 'dist/plugins', id.name, 'controls'), { recursive: true });
}
