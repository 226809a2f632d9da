import { describe, expect, it } from 'vitest';
import { scanThroughFaults, verdicts, type Target } from './harness.js';
import { awsTarget } from './targets/aws.js';

/** The AWS target as users run it: the SDK's adaptive retry mode, not the suite's fast fixed backoff. */
const adaptive: Target = {
  ...awsTarget,
  env: (url) => {
    const env = awsTarget.env(url);
    delete env.SOC2_AWS_RETRY_BASE_MS;
    return env;
  },
};

describe('aws under injected faults with the default (adaptive) retry mode', () => {
  it('one request in five throttled and one in twenty failing with 5xx: same findings as a clean run', async () => {
    const clean = await scanThroughFaults(awsTarget);
    const faulty = await scanThroughFaults(adaptive, { seed: 7, throttle: 0.2, serverError: 0.05 });
    expect(faulty.stats.total.throttled).toBeGreaterThan(0);
    expect(faulty.stats.total.serverErrors).toBeGreaterThan(0);
    expect(faulty.stats.total.forwarded).toBe(clean.stats.total.requests);
    expect(verdicts(faulty.result, 'aws')).toEqual(verdicts(clean.result, 'aws'));
    const stats = faulty.result.providers.find((p) => p.id === 'aws')?.stats;
    expect(stats?.retries).toBe(faulty.stats.total.throttled + faulty.stats.total.serverErrors);
  }, 60_000);
});
