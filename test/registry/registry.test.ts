import { describe, expect, it } from 'vitest';
import { allChecks } from '../../checks/index.js';
import { bundledPlugins } from '../../plugins/index.js';
import { providers } from '../../src/collectors/index.js';
import type { Provider } from '../../src/engine/collector.js';
import { InputError } from '../../src/engine/errors.js';
import { runScan } from '../../src/engine/scan.js';
import { builtInPlugins } from '../../src/registry/builtins.js';
import { buildRegistry, type LoadedPlugin } from '../../src/registry/registry.js';
import { catalogOf, configWith, control, fakeCheck, fakeProvider } from '../fixtures/engine.js';

const origin = { entry: './acme', file: '/plugins/acme/index.js' };
const plugin = (fields: Record<string, unknown>): LoadedPlugin => ({
  plugin: { id: 'acme', ...fields } as LoadedPlugin['plugin'],
  origin,
});
const acmeProvider = (): Provider => {
  const { id, title, detect, load, concurrency, local } = fakeProvider('acme', {
    'acme.users': async () => [],
  });
  return { id, title, detect, load, concurrency, local };
};

function problems(plugins: LoadedPlugin[]): string[] {
  try {
    buildRegistry([...builtInPlugins, ...plugins]);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).problems.map((p) => `${p.file ?? ''}: ${p.message}`);
  }
  throw new Error('expected an InputError');
}

describe('buildRegistry', () => {
  it('registers the built-in providers and checks through the plugin path, then plugins in order', () => {
    const registry = buildRegistry([
      ...builtInPlugins,
      plugin({ providers: [acmeProvider()], checks: [fakeCheck('acme.mfa', ['acme.users'], () => [])] }),
    ]);
    const bundled = (key: 'providers' | 'checks') =>
      bundledPlugins.flatMap((p) => (p[key] ?? []).map((x) => x.id));
    expect(registry.providers.map((p) => p.id)).toEqual([
      ...providers.map((p) => p.id),
      ...bundled('providers'),
      'acme',
    ]);
    expect(registry.checks.map((c) => c.id)).toEqual([
      ...allChecks.map((c) => c.id),
      ...bundled('checks'),
      'acme.mfa',
    ]);
    expect(builtInPlugins.map((p) => p.plugin.id)).toEqual([
      'aws',
      'docs',
      'github',
      'google',
      'hr',
      ...bundledPlugins.map((p) => p.id),
    ]);
  });

  it('lets a plugin add checks on a built-in provider’s data', () => {
    const registry = buildRegistry([
      ...builtInPlugins,
      plugin({ checks: [fakeCheck('aws.acme-tagging', ['aws.iam.users'], () => [])] }),
    ]);
    expect(registry.checks.at(-1)!.id).toBe('aws.acme-tagging');
  });

  it('refuses checks whose provider or data keys no plugin registers', () => {
    expect(
      problems([plugin({ checks: [fakeCheck('nowhere.mfa', ['nowhere.users', 'acme.x'], () => [])] })]),
    ).toEqual([
      "/plugins/acme/index.js: plugin ./acme: check 'nowhere.mfa': no provider 'nowhere' is registered",
      "/plugins/acme/index.js: plugin ./acme: check 'nowhere.mfa' requires 'nowhere.users', but no provider 'nowhere' is registered",
      "/plugins/acme/index.js: plugin ./acme: check 'nowhere.mfa' requires 'acme.x', but no provider 'acme' is registered",
    ]);
  });

  it('refuses a config schema that is not a JSON Schema, and a second manual evidence resolver', () => {
    const bad = { ...acmeProvider(), configSchema: { type: 'object', propertys: {} } };
    expect(problems([plugin({ providers: [bad] })])[0]).toMatch(
      /^\/plugins\/acme\/index\.js: plugin \.\/acme: provider 'acme': configSchema is not a valid JSON Schema: strict mode: unknown keyword: "propertys"/,
    );
    const resolver = { ...acmeProvider(), manualEvidence: { keys: () => [], resolve: () => [] } };
    expect(problems([plugin({ providers: [resolver] })])).toEqual([
      "/plugins/acme/index.js: plugin ./acme: provider 'acme' resolves manual evidence, as 'docs' already does; only one may",
    ]);
  });

  it('names the wrong field of a provider, and a missing controls folder', () => {
    const { concurrency: _c, ...noConcurrency } = acmeProvider();
    expect(
      problems([plugin({ providers: [{ ...noConcurrency, local: 'yes', id: 'Acme' }], controls: '/nope' })]),
    ).toEqual([
      '/plugins/acme/index.js: plugin ./acme: providers[0] (Acme): id must match ^[a-z][a-z0-9-]*$ (lowercase letters, digits, dashes)',
      '/plugins/acme/index.js: plugin ./acme: providers[0] (Acme): concurrency must be an integer of at least 1',
      '/plugins/acme/index.js: plugin ./acme: providers[0] (Acme): local must be true or false',
    ]);
    expect(problems([plugin({ controls: '/nope' })])).toEqual([
      '/plugins/acme/index.js: plugin ./acme: controls folder not found: /nope',
    ]);
  });
});

describe('a plugin provider in a scan', () => {
  const checks = [
    fakeCheck('acme.mfa', ['acme.users'], () => [{ resource: 'x', status: 'pass', message: 'ok' }]),
  ];
  const catalog = catalogOf(control('ACME-01', ['CC6.1'], ['acme.mfa'], 1));

  it('is skipped when its collector throws an error named SkipError, without importing soc2', async () => {
    const provider = fakeProvider('acme', {
      'acme.users': async () => {
        throw Object.assign(new Error('needs the users:read scope'), { name: 'SkipError' });
      },
    });
    const { result } = await runScan({
      config: configWith(),
      catalog,
      checks,
      providers: [provider],
      env: {},
    });
    expect(result.checks[0]).toMatchObject({ status: 'skipped', reason: 'needs the users:read scope' });
  });

  it('whose detect() throws makes its checks error, not the scan', async () => {
    const provider = {
      ...acmeProvider(),
      detect: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'token')");
      },
    };
    const { result } = await runScan({
      config: configWith(),
      catalog,
      checks,
      providers: [provider],
      env: {},
    });
    expect(result.checks[0]!.status).toBe('error');
    expect(result.checks[0]!.reason).toContain('detecting acme: Cannot read properties of undefined');
  });

  it('whose load() gives something else than a runtime makes its checks error, saying what is expected', async () => {
    const provider = { ...acmeProvider(), load: async () => ({ collectors: [] }) as never };
    const { result } = await runScan({
      config: configWith(),
      catalog,
      checks,
      providers: [provider],
      env: {},
    });
    expect(result.checks[0]).toMatchObject({
      status: 'error',
      reason:
        'acme.users: provider acme: load() must resolve to { createSession(config, env, signal), collectors: [...] }',
    });
  });

  it('leaves manual evidence outstanding, saying why, when no provider resolves it', async () => {
    const { result } = await runScan({
      config: configWith(),
      catalog,
      checks,
      providers: [acmeProvider()],
      env: {},
    });
    expect(result.controls[0]!.evidence[0]).toMatchObject({
      status: 'outstanding',
      note: 'no provider that resolves manual evidence is registered',
    });
  });
});
