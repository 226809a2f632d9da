import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/engine/result.js';
import { soc2Async } from '../harness/cli.js';
import { registered, scanAt, verdicts, type Target } from './harness.js';
import { closedPort, GARBAGE, startGarbageServer } from './suite.js';
import { targets } from './targets/index.js';

/**
 * One provider broken, the others healthy: the broken one's checks end in `error` with the cause,
 * the others' results are exactly those of a scan without the broken one, and the exit code is 3.
 */
const live = targets.filter((t) => registered(t.provider));

async function withHealthy<T>(run: (healthy: { target: Target; url: string }[]) => Promise<T>) {
  const fakes = await Promise.all(live.map(async (target) => ({ target, fake: await target.start() })));
  try {
    return await run(fakes.map(({ target, fake }) => ({ target, url: fake.url })));
  } finally {
    await Promise.all(fakes.map(({ fake }) => fake.close()));
  }
}

describe.runIf(live.length >= 2)('a broken provider does not affect the others', () => {
  const alone = new Map<string, ScanResult>();
  beforeAll(async () => {
    await withHealthy(async (healthy) => {
      for (const entry of healthy) alone.set(entry.target.provider, await scanAt([entry]));
    });
  });

  const cases = live.flatMap((broken) =>
    (['down', 'html', 'json'] as const).map((how) => ({ provider: broken.provider, broken, how })),
  );

  it.each(cases)('$provider $how', async ({ broken, how }) => {
    const garbage = how === 'down' ? undefined : await startGarbageServer(GARBAGE[how][0], GARBAGE[how][1]);
    try {
      const brokenUrl = garbage?.url ?? (await closedPort());
      const result = await withHealthy((healthy) =>
        scanAt(healthy.map((h) => (h.target === broken ? { target: broken, url: brokenUrl } : h))),
      );
      expect(result.summary.exitCode).toBe(3);
      for (const check of result.checks.filter((c) => c.provider === broken.provider)) {
        expect(check.status, check.id).toBe('error');
        expect(check.reason, check.id).toBeTruthy();
      }
      expect(result.providers.find((p) => p.id === broken.provider)?.status).toBe('error');
      for (const other of live.filter((t) => t !== broken)) {
        expect(verdicts(result, other.provider)).toEqual(
          verdicts(alone.get(other.provider)!, other.provider),
        );
        expect(result.providers.find((p) => p.id === other.provider)?.status).toBe(
          alone.get(other.provider)!.providers.find((p) => p.id === other.provider)?.status,
        );
      }
    } finally {
      await garbage?.close();
    }
  });

  it('through the CLI: exit code 3, the broken provider in error, the others complete', async () => {
    const [broken, ...healthyTargets] = live;
    const dir = mkdtempSync(join(tmpdir(), 'soc2-faults-'));
    const down = await closedPort();
    await withHealthy(async (healthy) => {
      const providers: Record<string, unknown> = {};
      const env: Record<string, string> = {};
      for (const { target, url } of healthy) {
        const at = target === broken ? down : url;
        Object.assign(providers, target.config(at));
        Object.assign(env, target.env(at));
      }
      writeFileSync(join(dir, 'soc2.config.yaml'), stringify({ organization: 'Fault Suite Co', providers }));
      // Asynchronously: the fakes answer from this process.
      const run = await soc2Async(['scan', '--quiet', '--out', join(dir, 'report')], { cwd: dir, env }).done;
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.code).toBe(3);
      const report = JSON.parse(readFileSync(join(dir, 'report', 'report.json'), 'utf8')) as ScanResult;
      expect(report.providers.find((p) => p.id === broken!.provider)?.status).toBe('error');
      for (const target of healthyTargets) {
        const mine = report.checks.filter((c) => c.provider === target.provider);
        expect(mine.length).toBeGreaterThan(0);
        expect(mine.filter((c) => c.status === 'error').map((c) => `${c.id}: ${c.reason}`)).toEqual([]);
      }
    });
  });
});
