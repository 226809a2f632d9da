import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../src/core/paths.js';
import { schemaFileValidator, SHIPPED_SCHEMAS } from '../../src/core/schema-validate.js';
import { newAjv } from '../../src/engine/json-schema.js';

const shipped = SHIPPED_SCHEMAS.map((p) => join(packageRoot, p));

const verdict = (validate: ValidateFunction, value: unknown) => {
  const ok = validate(value);
  return { ok, errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.message}`) };
};

describe('validators compiled ahead of time by the build', () => {
  it('exist for every schema soc2 validates its inputs against', () => {
    for (const file of shipped) expect(schemaFileValidator(file).precompiled, file).toBe(true);
  });

  it('judge valid and invalid files exactly as a validator compiled at run time', () => {
    const config = parse(readFileSync(join(packageRoot, 'demo/soc2.config.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
    const samples: [string, unknown][] = [
      ['schemas/config.schema.json', config],
      ['schemas/config.schema.json', { ...config, organisation: 'typo' }],
      [
        'schemas/config.schema.json',
        { ...config, providers: { aws: { regions: 'us-east-1', concurrency: 0 } } },
      ],
      ['schemas/config.schema.json', { ...config, providers: { google: { subject: 'not an email' } } }],
      ['schemas/config.schema.json', { organization: 7, failOn: 'severe' }],
      ['controls/control.schema.json', { controls: [{ id: 'X', criteria: [] }] }],
      ['schemas/risks.schema.json', { risks: [{ id: 'R1', likelihood: 'certain' }] }],
      ['schemas/policy.schema.json', { title: 'P', approved: '2026-13-45' }],
    ];
    let invalid = 0;
    for (const [schema, value] of samples) {
      const file = join(packageRoot, schema);
      const ahead = verdict(schemaFileValidator(file).validate, value);
      const now = verdict(newAjv().compile(JSON.parse(readFileSync(file, 'utf8')) as object), value);
      expect(ahead, `${schema} ${JSON.stringify(value).slice(0, 80)}`).toEqual(now);
      if (!now.ok) invalid += 1;
    }
    expect(invalid).toBe(samples.length - 1);
  });

  it('are not used for a schema that changed since the build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-schema-'));
    const file = join(dir, 'config.schema.json');
    const schema = JSON.parse(readFileSync(shipped[0]!, 'utf8')) as { required?: string[] };
    writeFileSync(file, JSON.stringify({ ...schema, required: ['organization', 'providers'] }));
    const { validate, precompiled } = schemaFileValidator(file);
    expect(precompiled).toBe(false);
    expect(validate({ organization: 'Acme' })).toBe(false);
    expect(schemaFileValidator(shipped[0]!).validate({ organization: 'Acme' })).toBe(true);
  });
});
