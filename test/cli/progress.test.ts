import { Writable } from 'node:stream';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import { ProviderRates } from '../../src/cli/progress-rate.js';

function logStream() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  return { stream, lines };
}

describe('progress with counts, rate and ETA', () => {
  it('derives rate and time left per provider from the counted keys', () => {
    let now = 0;
    const rates = new ProviderRates(() => now);
    const event = (key: string, done: number, total: number) =>
      ({ type: 'progress', provider: 'github', key, message: key, done, total }) as const;
    rates.update(event('github.webhooks', 0, 1000));
    now = 10_000;
    rates.update(event('github.webhooks', 200, 1000));
    rates.update(event('github.actionsPermissions', 100, 1000));
    // 300 of 2,000 in 10 s: 30/s, 1,700 left: 57 s.
    expect(rates.describe('github')).toBe('300/2000, 30.0/s, ETA 0:57');
    expect(rates.describe('google')).toBeUndefined();
  });

  it('in CI logs notices always and counted progress now and then, never uncounted chatter', async () => {
    const { stream, lines } = logStream();
    const progress = await createProgress({
      quiet: false,
      stream,
      env: { CI: 'true', SOC2_PROGRESS_INTERVAL_MS: '60000' },
      chalk: new Chalk({ level: 0 }),
    });
    const base = { type: 'progress', provider: 'github', key: 'github.webhooks' } as const;
    progress.event({ ...base, message: 'rate limit: REST 4990/5000 left', notice: true });
    progress.event({ ...base, message: 'webhooks: 10/100 repositories', done: 10, total: 100 });
    progress.event({ ...base, message: 'webhooks: 20/100 repositories', done: 20, total: 100 });
    progress.event({ ...base, message: 'repositories' });
    progress.event({ ...base, message: 'core rate limit spent: waiting 12:00 for the reset', notice: true });
    expect(lines).toEqual([
      'soc2: github: rate limit: REST 4990/5000 left',
      expect.stringMatching(/^soc2: github: webhooks: 10\/100 repositories \(10\/100/),
      expect.stringMatching(/^soc2: github: core rate limit spent: waiting 12:00 for the reset \(20\/100/),
    ]);
  });
});
