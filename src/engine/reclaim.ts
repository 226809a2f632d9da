import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Below this much heap in use (live data and garbage), collecting is not worth its time. */
const RECLAIM_FLOOR = 96 * 1024 * 1024;
/** Collect again once the heap holds this many times what was live after the last collection. */
const GROWTH = 1.25;

let collect: (() => void) | undefined;
let nextAt = RECLAIM_FLOOR;

/**
 * A full garbage collection once the heap has grown well past what was live last time. V8 lets a busy
 * heap grow to about four times its live data before collecting, which is most of a large scan's peak
 * memory: the scan calls this between segments and, through watchMemory, while it waits on the network.
 */
export function reclaimMemory(): void {
  if (getHeapStatistics().used_heap_size < nextAt) return;
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
  nextAt = Math.max(RECLAIM_FLOOR, getHeapStatistics().used_heap_size * GROWTH);
}

/** Calls reclaimMemory every quarter second until the returned function is called. */
export function watchMemory(): () => void {
  const timer = setInterval(reclaimMemory, 250);
  timer.unref();
  return () => clearInterval(timer);
}
