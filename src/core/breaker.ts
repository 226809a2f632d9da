/**
 * Stops waiting on an endpoint that has stopped answering. Every request to a dead endpoint would
 * otherwise wait its full timeout once per attempt, and a scan of thousands of requests would take
 * hours; after `threshold` timeouts in a row with no answer in between, every further request fails
 * at once, naming why.
 */
export class TimeoutBreaker {
  private inARow = 0;
  private open: string | undefined;

  constructor(
    private readonly endpoint: string,
    private readonly timeoutMs: number,
    private readonly threshold = 5,
  ) {}

  /** Throws when the endpoint is given up on; call before each attempt. */
  check(): void {
    if (this.open) throw new EndpointGaveUpError(this.open);
  }

  answered(): void {
    this.inARow = 0;
  }

  timedOut(): void {
    this.inARow += 1;
    if (this.inARow >= this.threshold && !this.open) {
      this.open = `${this.endpoint} stopped answering: ${this.inARow} requests in a row timed out after ${this.timeoutMs} ms, so the rest are not sent`;
    }
  }
}

export class EndpointGaveUpError extends Error {
  override name = 'EndpointGaveUpError';
}

/** A request abandoned by its timeout, as the AWS SDK, fetch and gaxios report it. */
export function isTimeout(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown } | null;
  return e?.name === 'TimeoutError' || e?.code === 'ETIMEDOUT' || e?.code === 'TimeoutError';
}
