import { SkipError } from '../../engine/errors.js';
import { causeOf, failureKind } from '../../engine/scope.js';
import type { FailureCause } from '../../engine/types.js';

/**
 * How the provider reads a failed Admin SDK request: from the HTTP status and Google's error body
 * ({"error":{"code","message","errors":[{"reason"}],"status","details":[{"reason"}]}}) or, for the OAuth
 * token endpoint, {"error":"unauthorized_client","error_description"}. Never from message text.
 */
export interface Verdict {
  cause: FailureCause;
  retry: boolean;
  retryAfterMs?: number;
  /** Google refused the request (403, or the token endpoint refused a scope): the data is skipped. */
  denied: boolean;
}

export interface ErrorFacts {
  status?: number;
  /** Every reason the answer gives, most specific first: errors[].reason, details[].reason, error.status. */
  reasons: string[];
  message?: string;
  /** e.g. ECONNRESET when the request never got an answer. */
  code?: string;
  retryAfterMs?: number;
}

/** Quota answers worth retrying after a pause (429s and some 403s say so in their reason). */
const RETRIED_QUOTA_REASONS = new Set([
  'userRateLimitExceeded',
  'rateLimitExceeded',
  'quotaExceeded',
  'RATE_LIMIT_EXCEEDED',
  'RESOURCE_EXHAUSTED',
]);
/** Google: the daily quota is spent; retrying before it resets only spends more. */
const THROTTLE_REASONS = new Set([...RETRIED_QUOTA_REASONS, 'dailyLimitExceeded']);
/** The token endpoint refusing a scope (domain-wide delegation without it): a refusal, not bad credentials. */
const TOKEN_REFUSALS = new Set(['unauthorized_client', 'access_denied']);
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

/** What a refusal says is missing, read from its reason. */
export type Missing = 'scope' | 'api' | 'role';
const MISSING_BY_REASON: Record<string, Missing> = {
  insufficientPermissions: 'scope',
  ACCESS_TOKEN_SCOPE_INSUFFICIENT: 'scope',
  unauthorized_client: 'scope',
  access_denied: 'scope',
  accessNotConfigured: 'api',
  SERVICE_DISABLED: 'api',
  // "Not Authorized to access this resource/api": the acting account may not read this resource.
  forbidden: 'role',
};

export function missingIn(cause: FailureCause): Missing | undefined {
  return cause.code ? MISSING_BY_REASON[cause.code] : undefined;
}

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

/** Pulls status, reasons and message out of a gaxios error without ever reading request headers. */
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
  const reasons: string[] = [];
  let message: string | undefined;
  if (body && typeof body === 'object') {
    if (typeof body.error === 'string') {
      reasons.push(body.error);
      message = body.error_description ?? body.error;
    } else if (body.error) {
      for (const x of [...(body.error.errors ?? []), ...(body.error.details ?? [])])
        if (typeof x?.reason === 'string') reasons.push(x.reason);
      if (body.error.status) reasons.push(body.error.status);
      message = body.error.message;
    }
  }
  const code = typeof e.code === 'string' ? e.code : undefined;
  return {
    status,
    reasons: [...new Set(reasons)],
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
  const { status, reasons } = facts;
  const code = reasons[0] ?? facts.code;
  const throttled = reasons.some((r) => THROTTLE_REASONS.has(r));
  const cause: FailureCause = {
    kind: throttled ? 'throttled' : failureKind(status, code),
    ...(status !== undefined ? { status } : {}),
    ...(code ? { code } : {}),
    message:
      facts.message ??
      (status === undefined ? 'request failed without an HTTP answer' : 'the answer gave no details'),
  };
  const retry =
    status === undefined
      ? facts.code !== undefined && NETWORK_CODES.has(facts.code)
      : status === 429 || status >= 500 || reasons.some((r) => RETRIED_QUOTA_REASONS.has(r));
  const denied =
    !throttled && (status === 403 || reasons.some((r) => TOKEN_REFUSALS.has(r) || MISSING_BY_REASON[r]));
  return {
    cause,
    retry,
    denied,
    ...(retry && facts.retryAfterMs ? { retryAfterMs: facts.retryAfterMs } : {}),
  };
}

/** A failed Admin SDK request with its cause. The message never quotes the request (its headers hold the token). */
export class GoogleApiError extends Error {
  readonly status?: number;
  readonly code?: string;

  constructor(
    message: string,
    readonly failure: FailureCause,
  ) {
    super(message);
    this.status = failure.status;
    this.code = failure.code;
  }
}

/** Google refused the request: what needs it is skipped, with the cause and what to grant. */
export class GoogleDeniedError extends SkipError {
  constructor(
    message: string,
    readonly failure: FailureCause,
  ) {
    super(message);
  }
}

/** The cause of a failed call: the one Google's answer gave, or what the error's own fields say. */
export function failureOf(error: unknown): FailureCause {
  if (error instanceof GoogleApiError || error instanceof GoogleDeniedError) return error.failure;
  return causeOf(error);
}
