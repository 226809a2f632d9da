import { sleep } from './backoff.js';

/** Waits before a request so that no more than `perWindow` start in any `windowMs`. */
export type Pacer = (signal?: AbortSignal) => Promise<void>;

/**
 * A token bucket that holds a sixtieth of the window's allowance (a second's worth of a per-minute
 * quota: a small burst) and refills with the rest spread evenly over the window, so any window of
 * `windowMs` sees at most `perWindow` starts: burst + refill over the window = perWindow. Waiters are
 * served in arrival order.
 */
export interface PacerClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export function pacer(
  perWindow: number,
  windowMs: number,
  clock: PacerClock = { now: () => Date.now(), sleep },
): Pacer {
  const { now } = clock;
  if (!(perWindow > 0) || !(windowMs > 0))
    throw new RangeError(`a pace needs a positive rate, got ${perWindow} per ${windowMs} ms`);
  const burst = Math.max(1, Math.floor(perWindow / 60));
  const refillPerMs = Math.max(perWindow - burst, 1) / windowMs;
  let tokens = burst;
  let last = now();
  let queue: Promise<void> = Promise.resolve();

  const take = async (signal?: AbortSignal) => {
    for (;;) {
      const at = now();
      tokens = Math.min(burst, tokens + (at - last) * refillPerMs);
      last = at;
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await clock.sleep(Math.ceil((1 - tokens) / refillPerMs), signal);
    }
  };
  return (signal) => {
    const turn = queue.then(() => take(signal));
    queue = turn.catch(() => undefined);
    return turn;
  };
}
