import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Below this much heap in use (live data and garbage), collecting is not worth its time. */
const RECLAIM_FLOOR = 96 * 1024 * 1024;
/** Collect again once the heap holds this many times what was live after the last collection. */
const GROWTH = 1.25;
/** Or once memory outside the heap (Buffers) has grown this much since then. */
const EXTERNAL_GROWTH = 32 * 1024 * 1024;
/**
 * V8's own limit while a scan runs, for the stretches that never wait (judging, writing reports): it
 * collects once the old generation has grown this many percent past what was live, instead of letting a
 * busy heap grow to about four times its live data.
 */
const HEAP_GROWING_PERCENT = 25;

let collect: (() => void) | undefined;
let nextAt = RECLAIM_FLOOR;
let externalNextAt = EXTERNAL_GROWTH;

/**
 * A full garbage collection once the heap has grown well past what was live last time: the scan calls
 * this between segments and, through watchMemory, while it waits on the network.
 */
export function reclaimMemory(): void {
  const before = getHeapStatistics();
  if (before.used_heap_size < nextAt && before.external_memory < externalNextAt) return;
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
  const after = getHeapStatistics();
  nextAt = Math.max(RECLAIM_FLOOR, after.used_heap_size * GROWTH);
  externalNextAt = after.external_memory + EXTERNAL_GROWTH;
}

let watchers = 0;
let timer: NodeJS.Timeout | undefined;

/**
 * Keeps a scan's memory bounded until the returned function is called; calls may nest (the scan inside
 * the writing of its output), and the last one to stop puts V8's defaults back:
 * - the young generation keeps the size it has when watching starts (16 MB once the CLI has loaded):
 *   V8 would grow it to 128 MB on a large machine, nearly all of it resident, and a scan's CPU time is
 *   no higher without it (measured on the combined benchmark);
 * - V8's own limit for the old generation is HEAP_GROWING_PERCENT;
 * - reclaimMemory every quarter second.
 */
export function watchMemory(): () => void {
  if (watchers++ === 0) {
    setFlagsFromString('--semi-space-growth-factor=1');
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    timer = setInterval(reclaimMemory, 250);
    timer.unref();
  }
  reclaimMemory();
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    if (--watchers > 0) return;
    clearInterval(timer);
    setFlagsFromString('--heap-growing-percent=0');
    setFlagsFromString('--semi-space-growth-factor=2');
  };
}
