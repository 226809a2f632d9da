#!/usr/bin/env node
// GitHub's request budget on the synthetic organization (1,000 repositories, 2,000 members): REST
// requests and GraphQL queries against the minimum of the GraphQL-based design, and requests made
// after a rate limit was spent (must be 0), with a token's 5,000, with a small budget and --no-wait,
// and with a small budget that resets during the scan.
//
//   node scripts/bench-github-budget.mjs [--scale 1]
//
// Compiles the bench sources (tsconfig.bench.json, into .bench/) and prints a Markdown table.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(import.meta.url), '..', '..');
const args = process.argv.slice(2);
const i = args.indexOf('--scale');
const scale = i >= 0 ? Number(args[i + 1]) : 1;
if (!(scale > 0)) {
  process.stderr.write('bench-github-budget: --scale must be a positive number\n');
  process.exit(2);
}
const tsc = spawnSync(
  process.execPath,
  [join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.bench.json'],
  {
    cwd: repo,
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
const { benchGithubBudget } = await import(join(repo, '.bench/scripts/bench/github-budget.js'));
process.stdout.write(`${await benchGithubBudget(scale)}\n`);
