import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The built-in providers, one folder each: the engine must not name them (`'aws'`, `'docs.policies'`...).
const builtInProviders = readdirSync(new URL('./src/collectors/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const namesProvider = `/^(${builtInProviders.join('|')})([.]|$)/`;

const cloudOnly = {
  group: ['@aws-sdk/*', '@octokit/*', '@googleapis/*', 'googleapis'],
  message: 'Only src/collectors/** may import cloud SDKs.',
};
const terminalOnly = { group: ['chalk', 'ora'], message: 'Only src/cli/** may import chalk or ora.' };
// `soc2 mcp` is loaded only when asked for: nothing else may pull the MCP SDK (or its zod) into a scan.
const mcpOnly = {
  group: ['@modelcontextprotocol/*', 'zod', 'zod/*'],
  message: 'Only src/mcp/** may import the MCP SDK and zod (soc2 --help and soc2 scan must not load them).',
};
const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'soc2-report/', 'soc2-demo/', '.bench/', '.gen/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      ...restrictImports(cloudOnly, terminalOnly, mcpOnly),
    },
  },
  {
    files: ['src/collectors/**', 'test/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  { files: ['src/cli/**'], rules: restrictImports(cloudOnly, mcpOnly) },
  { files: ['src/mcp/**'], rules: restrictImports(cloudOnly, terminalOnly) },
  {
    // The engine (plan, collect, evaluate, roll up) touches neither the disk nor the outer layers. It may
    // use src/core's types, but not its code, which reads files.
    files: ['src/engine/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            'fs',
            'node:fs',
            'fs/promises',
            'node:fs/promises',
            'node:child_process',
            'node:http',
            'node:https',
            'node:net',
          ].map((name) => ({
            name,
            message: 'The engine does no disk or network I/O: the CLI, collectors and evidence writer do.',
          })),
          patterns: [
            {
              group: ['@aws-sdk/*', '@octokit/*', '@googleapis/*', 'googleapis', 'chalk', 'ora'],
              message: 'The engine imports no SDK and no terminal library.',
            },
            {
              group: [
                '../cli/*',
                '../report/*',
                '../evidence/*',
                '../collectors/*',
                '../registry/*',
                '../../checks/*',
              ],
              message: 'The engine depends on no outer layer; they depend on it.',
            },
            {
              group: ['../core/*'],
              allowTypeImports: true,
              message:
                'The engine imports only types from src/core (use `import type`); pure helpers belong in src/engine.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...[`Literal[value=${namesProvider}]`, `TemplateElement[value.raw=${namesProvider}]`].map(
          (selector) => ({
            selector,
            message:
              'The engine names no provider: providers supply what it needs through the Provider interface.',
          }),
        ),
      ],
    },
  },
  {
    // The plugins that ship with soc2 prove the SDK is enough: they import soc2 only through src/sdk.
    files: ['plugins/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(src/(?!sdk/)|checks/|test/)',
              message: 'A bundled plugin imports soc2 only through the public SDK (src/sdk/index.js).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**', '*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
