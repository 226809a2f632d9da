import { EndpointGaveUpError } from '../../core/breaker.js';
import { errorMessage } from '../../engine/errors.js';
import { failureKind } from '../../engine/scope.js';
import type { FailureCause } from '../../engine/types.js';

/** The HTTP status of an Octokit RequestError, or undefined for anything else. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** GitHub's `message` from an error body, never headers (which carry the credentials). */
export function apiMessage(error: unknown): string {
  const data = (error as { response?: { data?: unknown } } | null)?.response?.data;
  const message = (data as { message?: unknown } | null | undefined)?.message;
  if (typeof message === 'string') return message;
  return error instanceof Error ? error.message : String(error);
}

/** Turns an API failure into an error that says which call failed and why, without request details. */
export function describeFailure(what: string, error: unknown): Error {
  const status = statusOf(error);
  if (status === 401) {
    return new Error(`${what}: GitHub rejected the credentials (401 ${apiMessage(error)})`);
  }
  if (status !== undefined) return new Error(`${what}: ${status} ${apiMessage(error)}`);
  return new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
}

/** 403/429 from a primary or secondary rate limit (GitHub says so in the message or the headers). */
export function isRateLimited(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== 403 && status !== 429) return false;
  const headers = (error as { response?: { headers?: Record<string, string | undefined> } }).response
    ?.headers;
  return /rate limit/i.test(apiMessage(error)) || headers?.['x-ratelimit-remaining'] === '0';
}

/**
 * A rate limit that outlasted the retries: a failure to report, never a missing permission. Its
 * status is not under `status`, so no 403/404 handling takes it for GitHub's answer about access.
 */
export class RateLimitExhaustedError extends Error {
  override name = 'RateLimitExhaustedError';

  constructor(
    /** GitHub's answer (403 or 429); undefined when the request was not sent (a spent budget). */
    readonly limitStatus: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Why a GitHub request failed, from structured data only: the HTTP status of GitHub's answer, or for a
 * request that got no answer, the code of what fetch threw (Octokit wraps it as a bare 500 with no
 * response). `endpoint` (a route such as `GET /repos/{owner}/{repo}/hooks`) says which call it was.
 */
export function githubCause(error: unknown, endpoint?: string): FailureCause {
  const where = endpoint ? `${endpoint}: ` : '';
  if (error instanceof RateLimitExhaustedError) {
    return {
      kind: 'throttled',
      ...(error.limitStatus !== undefined ? { status: error.limitStatus } : {}),
      message: `${where}${error.message}`,
    };
  }
  const status = statusOf(error);
  if (status !== undefined && (error as { response?: unknown }).response !== undefined) {
    return { kind: failureKind(status), status, message: `${where}${apiMessage(error)}` };
  }
  const transport = transportFailure(error);
  return { ...transport, message: `${where}${errorMessage(error)}` };
}

function transportFailure(error: unknown): Omit<FailureCause, 'message'> {
  for (let e = error as { cause?: unknown; code?: unknown; name?: unknown } | undefined; e;) {
    if (e instanceof EndpointGaveUpError || e.name === 'TimeoutError') return { kind: 'timeout' };
    if (typeof e.code === 'string') return { kind: failureKind(undefined, e.code), code: e.code };
    e = e.cause as typeof e;
  }
  return { kind: 'other' };
}

/** A repository that could not be read, with the cause classified for the endpoint that failed. */
export class RepoUnreadable extends Error {
  override name = 'RepoUnreadable';

  constructor(readonly failure: FailureCause) {
    super(failure.message);
  }
}

/**
 * For an endpoint of a repository the token can list: GitHub answers 403 when a permission is missing,
 * and 404 where it hides from callers what they may not see. Either is a permission failure naming
 * the `grant` that gives it; anything else keeps its own kind.
 */
export function unreadable(error: unknown, endpoint: string, grant: string): RepoUnreadable {
  const cause = githubCause(error, endpoint);
  const denied = cause.kind !== 'throttled' && (cause.status === 403 || cause.status === 404);
  return new RepoUnreadable(
    denied ? { ...cause, kind: 'permission', message: `${cause.message} (needs ${grant})` } : cause,
  );
}
