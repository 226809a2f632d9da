import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDir } from '../../src/core/paths.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import { DEMO_COLLECTED_AT, lumenLedger } from '../fakes/github/lumen-ledger.js';
import { scanGithub } from '../fakes/github/scan.js';
import { startFakeGithub, type FakeGithub } from '../fakes/github/server.js';

/**
 * demo/snapshot/github.json is recorded by scanning the Lumen Ledger fixture through the real
 * collectors, so the demo shows exactly what a live scan produces. Re-record after changing the
 * collectors or the fixture: RECORD_GITHUB_DEMO=1 npx vitest run test/e2e/github-demo.test.ts
 */
const FILE = join(demoDir, 'snapshot', 'github.json');
const TOKEN = 'ghp_demoRecordingToken0123456789abcdefABCD';

let fake: FakeGithub;
beforeAll(async () => {
  fake = await startFakeGithub(lumenLedger, { token: TOKEN });
});
afterAll(() => fake.close());

describe('GitHub demo snapshot', () => {
  it('is what the collectors produce from the Lumen Ledger fixture', async () => {
    const { snapshot } = await scanGithub({ baseUrl: fake.url, env: { GITHUB_TOKEN: TOKEN } });
    const recorded: Snapshot = { ...snapshot, collectedAt: DEMO_COLLECTED_AT };
    const text = `${JSON.stringify(recorded, null, 2)}\n`;
    if (process.env.RECORD_GITHUB_DEMO === '1') writeFileSync(FILE, text);
    const committed = readFileSync(FILE, 'utf8');
    expect(JSON.parse(committed), 'demo/snapshot/github.json is stale: re-record it (see this file)').toEqual(
      JSON.parse(text),
    );
    expect(Object.keys(recorded.data).every((k) => k.startsWith('github.'))).toBe(true);
    expect(committed).not.toContain(TOKEN);
  });
});
