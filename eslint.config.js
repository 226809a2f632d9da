import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'soc2-report/', 'soc2-demo/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aws-sdk/*', '@octokit/*', '@googleapis/*', 'googleapis'],
              message: 'Only src/collectors/** may import cloud SDKs.',
            },
            { group: ['chalk', 'ora'], message: 'Only src/cli/** may import chalk or ora.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/collectors/**', 'test/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aws-sdk/*', '@octokit/*', '@googleapis/*', 'googleapis'],
              message: 'Only src/collectors/** may import cloud SDKs.',
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
