import { describe, expect, it } from 'vitest';
import { BudgetExhaustedError, RateBudget, resourceOf } from './budget.js';

const headers = (remaining: number, resetS: number, resource = 'core') =>
  new Headers({
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(resetS),
    'x-ratelimit-resource': resource,
  });

describe('RateBudget', () => {
  it('never lets more requests out than remain, counting those in flight', async () => {
    const budget = new RateBudget({ noWait: true, now: () => 1_000_000 });
    budget.set('core', 2, 2_000_000);
    await budget.acquire('core');
    await budget.acquire('core');
    let third = false;
    const pending = budget.acquire('core').then(
      () => (third = true),
      (error: unknown) => error,
    );
    await Promise.resolve();
    expect(third).toBe(false);
    // Both answers say nothing is left: the third is refused without being sent.
    budget.release('core', headers(1, 2000));
    budget.release('core', headers(0, 2000));
    expect(await pending).toBeInstanceOf(BudgetExhaustedError);
    expect(budget.refused).toBe(1);
  });

  it('lets requests out again once the reset has passed', async () => {
    let now = 1_000_000;
    const budget = new RateBudget({ noWait: true, now: () => now });
    budget.learn(headers(0, 1001));
    await expect(budget.acquire('core')).rejects.toBeInstanceOf(BudgetExhaustedError);
    now = 1_001_000;
    await expect(budget.acquire('core')).resolves.toBeUndefined();
  });

  it('keeps the REST and GraphQL budgets apart and ignores limits soc2 does not use', async () => {
    const budget = new RateBudget({ noWait: true, now: () => 0 });
    budget.learn(headers(0, 10, 'graphql'));
    budget.learn(headers(0, 10, 'search'));
    await expect(budget.acquire('core')).resolves.toBeUndefined();
    await expect(budget.acquire('graphql')).rejects.toBeInstanceOf(BudgetExhaustedError);
    expect(resourceOf('https://ghe.example/api/graphql')).toBe('graphql');
    expect(resourceOf('https://api.github.com/rate_limit')).toBeUndefined();
    expect(resourceOf('https://api.github.com/orgs/x/repos')).toBe('core');
  });
});
