import { SkipError } from '../../engine/errors.js';
import { failureKind } from '../../engine/scope.js';
import type { FailureCause } from '../../engine/types.js';

/**
 * How the provider answers a failed Admin SDK request, decided from the HTTP status and Google's error
 * body ({"error":{"code","message","errors":[{"reason"}],"status","details"}}) or, for the OAuth token
 * endpoint, {"error":"unauthorized_client","error_description"}.
 */
export type Verdict =
  | { action: 'retry'; why: string; retryAfterMs?: number }
  | { action: 'skip'; why: string }
  | { action: 'fail'; why: string };

export interface ErrorFacts {
  status?: number;
  reason?: string;
  message?: string;
  /** e.g. ECONNRESET when the request never got an answer. */
  code?: string;
  retryAfterMs?: number;
}

const QUOTA_REASONS = new Set(['userRateLimitExceeded', 'rateLimitExceeded', 'quotaExceeded']);
const DENIED_REASONS = new Set([
  'insufficientPermissions',
  'forbidden',
  'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
  'PERMISSION_DENIED',
  'unauthorized_client',
  'access_denied',
]);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  // gaxios names a request that outlasted its timeout so
  'TimeoutError',
]);

interface GoogleErrorBody {
  error?:
    | string
    | {
        code?: number;
        message?: string;
        status?: string;
        errors?: { reason?: string; message?: string }[];
        details?: { reason?: string }[];
      };
  error_description?: string;
}

/** Pulls status, reason and message out of a gaxios error without ever reading request headers. */
export function errorFacts(error: unknown): ErrorFacts {
  const e = error as {
    status?: number;
    code?: string | number;
    message?: string;
    response?: { status?: number; data?: unknown; headers?: unknown };
  };
  const status = e.response?.status ?? (typeof e.status === 'number' ? e.status : undefined);
  let body = e.response?.data as GoogleErrorBody | string | undefined;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body) as GoogleErrorBody;
    } catch {
      body = undefined;
    }
  }
  let reason: string | undefined;
  let message: string | undefined;
  if (body && typeof body === 'object') {
    if (typeof body.error === 'string') {
      reason = body.error;
      message = body.error_description ?? body.error;
    } else if (body.error) {
      reason =
        body.error.errors?.find((x) => x.reason)?.reason ??
        body.error.details?.find((x) => x.reason)?.reason ??
        body.error.status;
      message = body.error.message;
    }
  }
  const code = typeof e.code === 'string' ? e.code : undefined;
  return {
    status,
    reason,
    message: message ?? (status === undefined ? e.message : undefined),
    code,
    retryAfterMs: retryAfter(e.response?.headers),
  };
}

function retryAfter(headers: unknown): number | undefined {
  let value: string | null | undefined;
  if (headers && typeof (headers as Headers).get === 'function')
    value = (headers as Headers).get('retry-after');
  else if (headers && typeof headers === 'object')
    value = (headers as Record<string, string | undefined>)['retry-after'];
  if (!value) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

export function classify(facts: ErrorFacts): Verdict {
  const { status, reason } = facts;
  const said = [status, reason].filter(Boolean).join(' ');
  const detail = facts.message ? `${said}: ${facts.message}` : said;
  if (status === undefined) {
    if (facts.code && NETWORK_CODES.has(facts.code)) return { action: 'retry', why: facts.code };
    return { action: 'fail', why: facts.message ?? 'request failed without an HTTP answer' };
  }
  if (status === 429 || status >= 500 || (status === 403 && reason && QUOTA_REASONS.has(reason)))
    return { action: 'retry', why: detail, retryAfterMs: facts.retryAfterMs };
  if (status === 403 || (reason && DENIED_REASONS.has(reason))) return { action: 'skip', why: detail };
  if (status === 401) return { action: 'fail', why: detail };
  return { action: 'fail', why: detail };
}

/** Reasons that say the credential lacks an OAuth scope: true of every request needing that scope. */
export const SCOPE_REASONS = new Set([
  'insufficientPermissions',
  'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
  'unauthorized_client',
  'access_denied',
]);

/** A failed Admin SDK request, with the structured facts of Google's answer kept as data. */
export class GoogleCallError extends Error {
  constructor(
    message: string,
    readonly facts: ErrorFacts,
  ) {
    super(message);
    this.name = 'GoogleCallError';
  }
}

/** A request Google refused (403 or a denial reason): a skip for a whole key, or one user not read. */
export class GoogleDenial extends SkipError {
  constructor(
    message: string,
    readonly facts: ErrorFacts,
  ) {
    super(message);
  }
}

/** Why a request failed, from Google's HTTP status and error reason (never its message text). */
export function googleCause(error: unknown): FailureCause {
  const facts: ErrorFacts =
    error instanceof GoogleCallError || error instanceof GoogleDenial ? error.facts : errorFacts(error);
  const { status, reason } = facts;
  const kind =
    reason && QUOTA_REASONS.has(reason)
      ? 'throttled'
      : reason && DENIED_REASONS.has(reason)
        ? 'permission'
        : failureKind(status, facts.code);
  return {
    kind,
    ...(status !== undefined ? { status } : {}),
    ...(reason ? { code: reason } : facts.code ? { code: facts.code } : {}),
    message: error instanceof Error ? error.message : String(error),
  };
}
