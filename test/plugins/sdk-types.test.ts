import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/paths.js';

/** A TypeScript plugin against the published declarations of soc2/sdk (dist/src/sdk/*.d.ts). */
function typecheck(source: string): { code: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-sdk-types-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(packageRoot, join(dir, 'node_modules', 'soc2'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'plugin.ts'), source);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2023',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
        typeRoots: [join(packageRoot, 'node_modules', '@types')],
      },
      files: ['plugin.ts'],
    }),
  );
  const run = spawnSync(process.execPath, [join(packageRoot, 'node_modules/typescript/bin/tsc'), '-p', dir], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

const plugin = (evaluateBody: string) => `
import { defineCheck, definePlugin, defineProvider, type Finding } from 'soc2/sdk';
import { describeCheck } from 'soc2/sdk/testing';

interface VpnUser { user: string; mfa: boolean }
declare module 'soc2/sdk' {
  interface DataMap { 'vpn.users': VpnUser[] }
  interface ProviderConfigs { vpn: { export: string } }
}

const provider = defineProvider({
  id: 'vpn',
  title: 'VPN gateway',
  detect: (config) => (config.providers.vpn?.export ? { configured: true } : { configured: false, reason: 'no export' }),
  load: async () => ({ createSession: async (config) => ({ file: config.providers.vpn!.export }), collectors: [] }),
  concurrency: 1,
  local: true,
});

const mfa = defineCheck({
  id: 'vpn.mfa',
  title: 'VPN accounts use MFA',
  provider: 'vpn',
  severity: 'high',
  description: 'Every VPN account uses MFA.',
  risk: 'A password alone opens the network.',
  remediation: 'Turn MFA on.',
  requires: ['vpn.users'],
  evaluate(data): Finding[] {
    ${evaluateBody}
  },
});

describeCheck(mfa, [{ name: 'passes', data: { 'vpn.users': [] }, status: 'pass' }]);
export default definePlugin({ id: 'vpn', providers: [provider], checks: [mfa] });
`;

describe('the type declarations of soc2/sdk', () => {
  it('type a plugin written in TypeScript, its data keys and config block included', () => {
    const ok = typecheck(
      plugin(
        `return data['vpn.users'].map((u) => ({ resource: u.user, status: u.mfa ? 'pass' : 'fail', message: u.user }));`,
      ),
    );
    expect(ok.output).toBe('');
    expect(ok.code).toBe(0);
    const wrong = typecheck(
      plugin(`return data['vpn.users'].map((u) => ({ resource: u.name, status: 'ok', message: '' }));`),
    );
    expect(wrong.code).not.toBe(0);
    expect(wrong.output).toContain("Property 'name' does not exist on type 'VpnUser'");
    // Two full type checks of the declarations: about 20 s each on a loaded two-core machine.
  }, 240_000);
});
