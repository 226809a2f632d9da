import { sleep } from './backoff.js';

/** Waits before a request so that no more than `perWindow` start in any `windowMs`. */
export type Pacer = (signal?: AbortSignal) => Promise<void>;

/**
 * A token bucket that holds one second's worth of requests (a small burst) and refills with the rest
 * of the window's allowance spread evenly, so any window of `windowMs` sees at most `perWindow`
 * starts: burst + refill over the window = perWindow. Waiters are served in arrival order.
 */
export function pacer(perWindow: number, windowMs: number, now = () => Date.now()): Pacer {
  if (!(perWindow > 0) || !(windowMs > 0))
    throw new RangeError(`a pace needs a positive rate, got ${perWindow} per ${windowMs} ms`);
  const burst = Math.max(1, Math.min(perWindow, Math.floor(perWindow / Math.max(1, windowMs / 1000))));
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
      await sleep(Math.ceil((1 - tokens) / refillPerMs), signal);
    }
  };
  return (signal) => {
    const turn = queue.then(() => take(signal));
    queue = turn.catch(() => undefined);
    return turn;
  };
}
