import { inCallerLog } from './calls.js';
import type { Limit } from './collector.js';

export interface FairLimit {
  /** The limit one queue (one data key's collector) schedules its tasks through. */
  queue(name: string): Limit;
  readonly active: number;
  readonly pending: number;
}

/**
 * Bounded concurrency shared by several queues, which take turns for each free slot. A collector that
 * queues a thousand requests at once does not hold back the others until it is done, so requests whose
 * answers are costly to parse interleave with cheap ones and the CPU works while the network waits.
 */
export function fairLimit(concurrency: number): FairLimit {
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  // Each queue is an array read from `head` on, so taking from a long queue costs O(1).
  const queues = new Map<string, { items: (() => void)[]; head: number }>();
  const names: string[] = [];
  let turn = 0;
  let active = 0;
  let pending = 0;

  const takeNext = (): (() => void) | undefined => {
    for (let tried = 0; tried < names.length; tried++) {
      const name = names[(turn + tried) % names.length]!;
      const waiting = queues.get(name)!;
      if (waiting.head < waiting.items.length) {
        turn = ((turn + tried) % names.length) + 1;
        const next = waiting.items[waiting.head++];
        if (waiting.head === waiting.items.length) {
          waiting.items = [];
          waiting.head = 0;
        }
        return next;
      }
    }
    return undefined;
  };

  const startWhatFits = () => {
    while (active < concurrency) {
      const start = takeNext();
      if (!start) return;
      pending -= 1;
      active += 1;
      start();
    }
  };

  const queue =
    (name: string): Limit =>
    <T>(task: () => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        let waiting = queues.get(name);
        if (!waiting) {
          queues.set(name, (waiting = { items: [], head: 0 }));
          names.push(name);
        }
        // Started later, the task still counts as the work of the key that queued it.
        waiting.items.push(
          inCallerLog(() => {
            Promise.resolve()
              .then(task)
              .then(resolve, reject)
              .finally(() => {
                active -= 1;
                startWhatFits();
              });
          }),
        );
        pending += 1;
        startWhatFits();
      });

  return {
    queue,
    get active() {
      return active;
    },
    get pending() {
      return pending;
    },
  };
}
