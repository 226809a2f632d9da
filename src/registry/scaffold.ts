import { PROVIDER_ID } from './plugin.js';

export interface ScaffoldFile {
  path: string;
  content: string;
}

/** Versions the scaffold's package.json asks for. */
export interface ScaffoldVersions {
  soc2: string;
  vitest: string;
}

/** What is wrong with a plugin name, if anything: it becomes the plugin, provider and check prefix. */
export function pluginNameProblem(name: string, builtInProviders: readonly string[]): string | undefined {
  if (!PROVIDER_ID.test(name))
    return `plugin name '${name}' must be lowercase letters, digits and dashes, starting with a letter`;
  if (builtInProviders.includes(name)) return `plugin name '${name}' is a built-in provider's id`;
  return undefined;
}

/**
 * A working plugin folder for `soc2 plugin new NAME`: a provider whose collector reads accounts from a
 * JSON file, a check on them with its test, a control mapping it to CC6.1, sample data and a README.
 * Plain JavaScript modules: nothing to build or install before soc2 can load it.
 */
export function pluginScaffold(name: string, versions: ScaffoldVersions): ScaffoldFile[] {
  const title = name
    .split('-')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
  const controlId = `${name
    .replace(/[^a-z0-9]/g, '')
    .toUpperCase()
    .slice(0, 8)
    .padEnd(2, 'X')}-01`;
  const key = `${name}.accounts`;
  const checkId = `${name}.accounts-mfa`;
  return [
    {
      path: 'package.json',
      content: `${JSON.stringify(
        {
          name: `soc2-plugin-${name}`,
          version: '0.1.0',
          private: true,
          description: `soc2 plugin: ${title} accounts`,
          type: 'module',
          exports: './index.js',
          scripts: { test: 'vitest run' },
          peerDependencies: { soc2: `>=${versions.soc2}` },
          devDependencies: { soc2: `^${versions.soc2}`, vitest: versions.vitest },
        },
        null,
        2,
      )}\n`,
    },
    {
      path: 'index.js',
      content: `import check from './check.js';
import provider from './provider.js';

/** @type {import('soc2/sdk').Plugin} */
export default {
  id: '${name}',
  providers: [provider],
  checks: [check],
  controls: './controls',
};
`,
    },
    {
      path: 'provider.js',
      content: `// The light half of the provider: loaded at every start, so no API client is imported here.

/** @type {import('soc2/sdk').Provider} */
export default {
  id: '${name}',
  title: '${title}',
  detect: (config) =>
    config.providers['${name}']?.file
      ? { configured: true }
      : { configured: false, reason: '${title} is not configured: set providers.${name}.file in soc2.config.yaml' },
  // The heavy half, imported only when a check needs its data: a module exporting createSession and collectors.
  load: () => import('./runtime.js'),
  concurrency: 4,
  local: true,
  configSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'path', description: 'JSON export of the accounts' },
    },
  },
};
`,
    },
    {
      path: 'runtime.js',
      content: `// The heavy half: replace the file read with calls to ${title}'s API (pass \`signal\` to them and wrap
// each in \`limit\`). A thrown error with an HTTP \`status\` makes the checks on this data \`error\`
// with that cause; an error named SkipError makes them \`skipped\` (a missing permission, say).
import { readFile } from 'node:fs/promises';

/** @param {import('soc2/sdk').Config} config */
export async function createSession(config) {
  return { file: config.providers['${name}'].file };
}

/** @type {import('soc2/sdk').Collector<'${key}', { file: string }>[]} */
export const collectors = [
  {
    key: '${key}',
    async collect({ session, signal }) {
      const accounts = JSON.parse(await readFile(session.file, { encoding: 'utf8', signal }));
      return accounts.map((account) => ({ name: String(account.name), mfa: account.mfa === true }));
    },
  },
];
`,
    },
    {
      path: 'check.js',
      content: `/** @type {import('soc2/sdk').CheckDefinition<'${key}'>} */
export default {
  id: '${checkId}',
  title: '${title} accounts have multi-factor authentication',
  provider: '${name}',
  severity: 'high',
  description: 'Every ${title} account signs in with a second factor.',
  risk: 'A phished or reused password alone gives access to ${title}.',
  remediation: 'Turn on MFA for the accounts listed, or remove them.',
  requires: ['${key}'],
  evaluate(data) {
    const accounts = data['${key}'];
    if (accounts.length === 0) return [{ resource: '${name}', status: 'pass', message: 'no accounts' }];
    return accounts.map((account) => ({
      resource: account.name,
      status: account.mfa ? 'pass' : 'fail',
      message: account.mfa ? \`\${account.name} has MFA\` : \`\${account.name} has no MFA\`,
    }));
  },
};
`,
    },
    {
      path: 'check.test.js',
      content: `import { describeCheck } from 'soc2/sdk/testing';
import check from './check.js';

describeCheck(check, [
  {
    name: 'an account with MFA passes',
    data: { '${key}': [{ name: 'alice', mfa: true }] },
    status: 'pass',
    passing: ['alice'],
  },
  {
    name: 'an account without MFA fails',
    data: { '${key}': [{ name: 'alice', mfa: true }, { name: 'bob', mfa: false }] },
    status: 'fail',
    failing: ['bob'],
    message: /no MFA/,
  },
  { name: 'no accounts passes, and says so', data: { '${key}': [] }, status: 'pass' },
]);
`,
    },
    {
      path: `controls/${name}.yaml`,
      content: `# Controls of this plugin, in soc2's catalog schema (controls/control.schema.json in soc2).
controls:
  - id: ${controlId}
    title: ${title} accounts require multi-factor authentication
    description: Every ${title} account signs in with a second factor; accounts without one are fixed or removed.
    type: { purpose: preventive, operation: automated }
    owner: IT Operations
    frequency: continuous
    population: Every ${title} account that can sign in.
    testProcedure: Re-perform the MFA status of every account in the complete ${title} account listing (${checkId} does this at each scan).
    criteria:
      - id: CC6.1
        rationale: MFA protects ${title} and the information in it from stolen passwords.
    checks: [${checkId}]
`,
    },
    {
      path: 'example-accounts.json',
      content: `${JSON.stringify(
        [
          { name: 'alice', mfa: true },
          { name: 'bob', mfa: false },
        ],
        null,
        2,
      )}\n`,
    },
    {
      path: 'README.md',
      content: `# soc2-plugin-${name}

A [soc2](https://www.npmjs.com/package/soc2) plugin: provider \`${name}\` collects \`${key}\`,
check \`${checkId}\` tests it, and control \`${controlId}\` maps the check to CC6.1.

| file | what |
| --- | --- |
| \`index.js\` | the plugin: \`{ id, providers, checks, controls }\` |
| \`provider.js\` | detection and the \`providers.${name}\` config schema (no heavy imports) |
| \`runtime.js\` | the session and the collector of \`${key}\` (reads \`providers.${name}.file\` for now) |
| \`check.js\`, \`check.test.js\` | the check and its table-driven test |
| \`controls/${name}.yaml\` | the control |
| \`example-accounts.json\` | sample data |

Use it: list it in \`soc2.config.yaml\` (paths are relative to that file) and configure the provider:

\`\`\`yaml
plugins:
  - ./${name}
providers:
  ${name}:
    file: ./${name}/example-accounts.json
\`\`\`

Then \`soc2 checks list --provider ${name}\`, \`soc2 catalog list\` and \`soc2 scan\`.

Test it: \`npm install && npm test\` (soc2's check tester under vitest).

Make it real: replace the file read in \`runtime.js\` with your system's API, and add checks and
controls. See soc2's docs/plugins.md for the whole interface.
`,
    },
  ];
}
