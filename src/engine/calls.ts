import { AsyncLocalStorage } from 'node:async_hooks';

/** One API operation behind an evidence file: what was asked, how often, and when. */
export interface EvidenceCall {
  /** The API's own name for it, e.g. `config:SelectResourceConfig`, `GET /orgs/{org}/repos`. */
  operation: string;
  /** The parameters that define what was asked (never credentials). */
  params?: Record<string, unknown>;
  requests: number;
  pages: number;
  from: string;
  to: string;
}

/** Parameter names that page, or could carry a secret: never part of a recorded call. */
const NOT_RECORDED =
  /token|marker|cursor|secret|password|credential|externalid|^after$|^page$|^headers$|^request$/i;

/** The API calls made while one data key was collected, grouped by operation and parameters. */
export class CallLog {
  private readonly calls = new Map<string, EvidenceCall>();

  add(operation: string, params: Record<string, unknown> | undefined, outcome: 'page' | 'failed'): void {
    const shown = params ? recordedParams(params) : undefined;
    const id = `${operation} ${JSON.stringify(shown ?? {})}`;
    const at = new Date().toISOString();
    let call = this.calls.get(id);
    if (!call) {
      call = { operation, ...(shown ? { params: shown } : {}), requests: 0, pages: 0, from: at, to: at };
      this.calls.set(id, call);
    }
    call.requests += 1;
    if (outcome === 'page') call.pages += 1;
    call.to = at;
  }

  list(): EvidenceCall[] {
    return [...this.calls.values()];
  }
}

/** The parameters worth recording, nested ones (GraphQL variables) included. */
function recordedParams(params: Record<string, unknown>): Record<string, unknown> | undefined {
  const kept = Object.entries(params)
    .filter(([name, value]) => value !== undefined && !NOT_RECORDED.test(name) && typeof value !== 'function')
    .map(([name, value]) =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? ([name, recordedParams(value as Record<string, unknown>) ?? {}] as const)
        : ([name, value] as const),
    );
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

const current = new AsyncLocalStorage<CallLog>();

/** Runs a collector so that every request it makes (recordRequest) lands in its key's log. */
export function withCallLog<T>(log: CallLog, run: () => T): T {
  return current.run(log, run);
}

/**
 * `fn`, to be run later (a task waiting in a concurrency queue), in the call log of the key that queued
 * it. Only this log is carried over: AsyncResource.bind would carry every async context, at about 1.5 KB
 * a task (60 MB for 40,000 queued Google requests).
 */
export function inCallerLog<T>(fn: () => T): () => T {
  const log = current.getStore();
  return log ? () => current.run(log, fn) : fn;
}

/**
 * Notes one API request of the data key being collected: the operation as the API names it, the
 * parameters that define what was asked (paging tokens and secrets are dropped), and whether it
 * answered with a page of data. Providers call it from their HTTP client's hook; outside a collector
 * it does nothing.
 */
export function recordRequest(
  operation: string,
  params: Record<string, unknown> | undefined,
  outcome: 'page' | 'failed',
): void {
  current.getStore()?.add(operation, params, outcome);
}

/** Runs one request and records it (recordRequest) as a page when it answers, as failed when it throws. */
export async function recorded<T>(
  operation: string,
  params: Record<string, unknown> | undefined,
  request: () => Promise<T>,
): Promise<T> {
  try {
    const answer = await request();
    recordRequest(operation, params, 'page');
    return answer;
  } catch (error) {
    recordRequest(operation, params, 'failed');
    throw error;
  }
}

/** A request URL as recorded parameters: its path and query (paging parameters drop out when recorded). */
export function urlParams(url: string | URL): Record<string, unknown> {
  const parsed = new URL(url);
  return { path: parsed.pathname, ...Object.fromEntries(parsed.searchParams) };
}
