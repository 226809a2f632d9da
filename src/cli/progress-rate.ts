import { formatDuration } from '../core/duration.js';
import type { ScanEvent } from '../engine/events.js';

type ProgressEvent = Extract<ScanEvent, { type: 'progress' }>;

/**
 * Work counts per provider, from the progress events that carry `done`/`total` (repositories of a
 * per-repository key, users of a per-user key): items done of all known, the rate since the provider's
 * first counted item, and the time left at that rate.
 */
export class ProviderRates {
  private readonly counts = new Map<string, Map<string, { done: number; total?: number }>>();
  private readonly started = new Map<string, { at: number; done: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  update(event: ProgressEvent): void {
    if (event.done === undefined) return;
    let keys = this.counts.get(event.provider);
    if (!keys) this.counts.set(event.provider, (keys = new Map()));
    keys.set(event.key, { done: event.done, ...(event.total !== undefined ? { total: event.total } : {}) });
    if (!this.started.has(event.provider)) this.started.set(event.provider, { at: this.now(), done: 0 });
  }

  /** "340/1000, 12.0/s, ETA 0:55", or undefined before anything was counted. */
  describe(provider: string): string | undefined {
    const keys = this.counts.get(provider);
    const start = this.started.get(provider);
    if (!keys || !start) return undefined;
    let done = 0;
    let total = 0;
    for (const c of keys.values()) {
      done += c.done;
      total += c.total ?? c.done;
    }
    const seconds = (this.now() - start.at) / 1000;
    const rate = seconds > 0 ? (done - start.done) / seconds : 0;
    const parts = [`${done}/${total}`];
    if (rate > 0) {
      parts.push(`${rate.toFixed(1)}/s`);
      if (total > done) parts.push(`ETA ${formatDuration(((total - done) / rate) * 1000)}`);
    }
    return parts.join(', ');
  }
}
