import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../src/core/paths.js';
import { providers } from '../../src/collectors/index.js';
import { objectValidator, schemaFileValidator, SHIPPED_SCHEMAS } from '../../src/core/schema-validate.js';
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
      ['schemas/config.schema.json', { ...config, providers: { aws: 'us-east-1' } }],
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

  it("exist for every built-in provider's config block and judge it as one compiled at run time", () => {
    const samples: [string, unknown][] = [
      ['aws', { regions: ['us-east-1'], concurrency: 4 }],
      ['aws', { regions: 'us-east-1', concurrency: 0 }],
      ['google', { subject: 'not an email', retry: { attempts: 11 } }],
      ['github', { org: 'acme', baseUrl: 'ftp://x' }],
      ['hr', { roster: './roster.csv', columns: { email: [] }, format: 'xlsx' }],
    ];
    for (const [id, value] of samples) {
      const schema = providers.find((p) => p.id === id)!.configSchema!;
      const ahead = objectValidator(`provider-${id}`, schema) as ValidateFunction & { schemaSha256?: string };
      expect(ahead.schemaSha256, id).toMatch(/^[0-9a-f]{64}$/);
      expect(verdict(ahead, value), `${id} ${JSON.stringify(value)}`).toEqual(
        verdict(newAjv().compile(schema), value),
      );
    }
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
