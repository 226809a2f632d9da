import { sleep } from '../../core/backoff.js';
import { formatDuration } from '../../core/duration.js';

/**
 * GitHub's primary rate limits, one per resource (REST `core`, `graphql`), as the x-ratelimit-*
 * headers and GET /rate_limit report them. GitHub: "You should not retry your request until after
 * the time specified by the x-ratelimit-reset header … Continuing to make requests while you are rate
 * limited may result in the banning of your integration."
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api)
 *
 * A request is sent only while what is left, less the requests still in flight, is above zero; so no
 * request ever reaches GitHub after the budget is spent. Then the scan waits for the reset (with a
 * countdown) or, with `noWait`, fails the request without sending it.
 */
export type RateResource = 'core' | 'graphql';

interface Window {
  /** What GitHub said is left in the current window; undefined until an answer said so. */
  remaining?: number;
  limit?: number;
  /** Epoch milliseconds of the window's reset. */
  resetMs?: number;
  inFlight: number;
}

/** A request not sent because the budget is spent and the scan was told not to wait (--no-wait). */
export class BudgetExhaustedError extends Error {
  override name = 'BudgetExhaustedError';

  constructor(
    readonly resource: RateResource,
    readonly resetMs: number,
  ) {
    super(
      `GitHub's ${resource} rate limit is spent until ${new Date(resetMs).toISOString()}; not sent (--no-wait)`,
    );
  }
}

export interface BudgetOptions {
  noWait: boolean;
  now?: () => number;
}

export class RateBudget {
  readonly windows: Record<RateResource, Window> = { core: { inFlight: 0 }, graphql: { inFlight: 0 } };
  /** Requests that ended up not sent because the budget was spent (--no-wait). */
  refused = 0;
  /** Milliseconds spent waiting for resets. */
  waitedMs = 0;
  /** Where countdown and budget lines go (the provider's progress); `notice` lines are always logged. */
  report: (message: string, notice: boolean) => void = () => undefined;
  private readonly changed = new Set<() => void>();
  private reportedAt = -Infinity;
  private loggedAt = -Infinity;
  private readonly now: () => number;

  constructor(private readonly options: BudgetOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Takes one request's share, waiting for in-flight answers or the reset as needed. */
  async acquire(resource: RateResource, signal?: AbortSignal): Promise<void> {
    const w = this.windows[resource];
    for (;;) {
      signal?.throwIfAborted();
      if (w.resetMs !== undefined && this.now() >= w.resetMs) {
        w.remaining = undefined;
        w.resetMs = undefined;
      }
      if (w.remaining === undefined || w.remaining - w.inFlight > 0) {
        w.inFlight += 1;
        return;
      }
      // In-flight answers will say what is left: wait for one before deciding it is spent.
      if (w.inFlight > 0) {
        await new Promise<void>((resolve) => this.changed.add(resolve));
        continue;
      }
      const resetMs = w.resetMs ?? this.now();
      if (this.options.noWait) {
        this.refused += 1;
        throw new BudgetExhaustedError(resource, resetMs);
      }
      await this.countdown(resource, resetMs, signal);
    }
  }

  /** Returns the share taken by acquire and learns what GitHub's answer said is left. */
  release(resource: RateResource, headers?: Headers): void {
    const w = this.windows[resource];
    w.inFlight = Math.max(0, w.inFlight - 1);
    if (headers) this.learn(headers);
    for (const wake of [...this.changed]) {
      this.changed.delete(wake);
      wake();
    }
  }

  /** x-ratelimit-* headers of any answer: within one window, the lowest remaining wins. */
  learn(headers: Headers): void {
    const remaining = headers.get('x-ratelimit-remaining');
    const reset = headers.get('x-ratelimit-reset');
    if (remaining === null || remaining === '' || !reset) return;
    // Other resources (search, code_scanning_upload, …) have limits of their own that soc2 does not use.
    const named = headers.get('x-ratelimit-resource') ?? 'core';
    if (named !== 'core' && named !== 'graphql') return;
    const resource: RateResource = named;
    const limit = headers.get('x-ratelimit-limit');
    this.set(resource, Number(remaining), Number(reset) * 1000, limit ? Number(limit) : undefined);
  }

  set(resource: RateResource, remaining: number, resetMs: number, limit?: number): void {
    if (!Number.isFinite(remaining) || !Number.isFinite(resetMs)) return;
    const w = this.windows[resource];
    const sameWindow = w.resetMs !== undefined && Math.abs(w.resetMs - resetMs) < 2000;
    w.remaining = sameWindow && w.remaining !== undefined ? Math.min(w.remaining, remaining) : remaining;
    w.resetMs = sameWindow ? Math.max(w.resetMs!, resetMs) : resetMs;
    if (limit !== undefined && Number.isFinite(limit)) w.limit = limit;
  }

  /** Whether a spent budget makes the scan stop rather than wait. */
  get stopsWhenSpent(): boolean {
    return this.options.noWait;
  }

  private async countdown(resource: RateResource, resetMs: number, signal?: AbortSignal): Promise<void> {
    // Up to a second more than the reset, so that clients limited together do not come back together.
    const until = resetMs + Math.random() * 1000;
    const started = this.now();
    for (let left = until - this.now(); left > 0; left = until - this.now()) {
      // Every waiting request counts down; the provider's progress hears it once a second, a log once
      // a minute.
      const at = this.now();
      if (at - this.reportedAt >= 1000) {
        const notice = at - this.loggedAt >= 60_000;
        this.reportedAt = at;
        if (notice) this.loggedAt = at;
        this.report(`${resource} rate limit spent: waiting ${formatDuration(left)} for the reset`, notice);
      }
      await sleep(Math.min(left, 1000), signal);
    }
    this.waitedMs += this.now() - started;
  }
}

/** Which primary limit a request counts against; GET /rate_limit counts against none. */
export function resourceOf(url: string): RateResource | undefined {
  const path = new URL(url).pathname;
  if (path.endsWith('/rate_limit')) return undefined;
  return path.endsWith('/graphql') ? 'graphql' : 'core';
}
