import { afterEach, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/engine/result.js';
import { lumenLedger } from '../fakes/github/lumen-ledger.js';
import { scanGithub } from '../fakes/github/scan.js';
import { startFakeGithub, type FakeGithub } from '../fakes/github/server.js';

const TOKEN = 'ghp_shardFakeToken0123456789abcdefABCDEF01';
let fake: FakeGithub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const protectedRepos = (result: ScanResult) =>
  result.checks.find((c) => c.id === 'github.branch-protection')!.findings.map((f) => f.resource);

describe('GitHub repositories split across shards', () => {
  it('gives each shard a disjoint share of the repositories, together all of them', async () => {
    fake = await startFakeGithub(lumenLedger, { token: TOKEN });
    const scan = (shard?: { index: number; count: number }) =>
      scanGithub({ baseUrl: fake!.apiUrl, env: { GITHUB_TOKEN: TOKEN }, ...(shard ? { shard } : {}) });
    const all = protectedRepos((await scan()).result).sort();
    const first = protectedRepos((await scan({ index: 1, count: 2 })).result);
    const second = protectedRepos((await scan({ index: 2, count: 2 })).result);
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect(first.filter((r) => second.includes(r))).toEqual([]);
    expect([...first, ...second].sort()).toEqual(all);
  });
});
