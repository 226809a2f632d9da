import { errorMessage, SkipError } from '../../engine/errors.js';
import { failureKind } from '../../engine/scope.js';
import type { FailureCause } from '../../engine/types.js';

const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'AccessDeniedForDependencyException',
]);

export function awsErrorCode(error: unknown): string | undefined {
  if (error && typeof error === 'object') {
    const e = error as { name?: string; Code?: string; code?: string };
    return e.Code ?? e.code ?? e.name;
  }
  return undefined;
}

/** The wire error code and the SDK's exception name (e.g. `NoSuchEntity` and `NoSuchEntityException`). */
export function awsErrorCodes(error: unknown): string[] {
  if (!error || typeof error !== 'object') return [];
  const e = error as { name?: string; Code?: string; code?: string };
  return [e.Code, e.code, e.name].filter((c): c is string => typeof c === 'string');
}

export function hasAwsCode(error: unknown, ...codes: string[]): boolean {
  return awsErrorCodes(error).some((c) => codes.includes(c));
}

export function isDenied(error: unknown): boolean {
  return awsErrorCodes(error).some((c) => DENIED.has(c));
}

/** `iam:GenerateCredentialReport denied` or `iam:GetAccountSummary failed: Throttling: Rate exceeded`. */
export function describeAwsError(action: string, error: unknown): string {
  if (isDenied(error)) return `${action} denied`;
  const code = awsErrorCode(error);
  const message = errorMessage(error);
  return `${action} failed: ${code && code !== 'Error' && !message.startsWith(code) ? `${code}: ` : ''}${message}`;
}

/** An error that already names the AWS action it came from. */
export class AwsCallError extends Error {
  constructor(
    readonly action: string,
    override readonly cause: unknown,
  ) {
    super(describeAwsError(action, cause));
    this.name = 'AwsCallError';
  }
  get denied(): boolean {
    return isDenied(this.cause);
  }
}

/** Wraps one SDK call so a failure names its `service:Action`. */
export async function call<T>(action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AwsCallError) throw error;
    throw new AwsCallError(action, error);
  }
}

/**
 * When every scope failed the key is unavailable: all denied -> skipped naming the action(s); otherwise
 * a single scope's failure is the key's error. With some scopes fine, per-scope errors stay in the data.
 */
export function failWhenNothingCollected(
  results: readonly { status: string; error?: string }[],
  causes: readonly unknown[],
): void {
  if (results.length === 0 || results.some((r) => r.status === 'ok')) return;
  const real = causes.filter((c) => c !== undefined);
  if (
    real.length > 0 &&
    real.length === results.length &&
    real.every((c) => c instanceof AwsCallError && c.denied)
  ) {
    const actions = [...new Set(real.map((c) => (c as AwsCallError).action))];
    throw new SkipError(`${actions.join(', ')} denied`);
  }
  if (results.length === 1) throw new Error(results[0]!.error ?? 'failed');
}

/**
 * The cause of a failed AWS call, from the SDK error's structured fields: the HTTP status
 * (`$metadata.httpStatusCode`) and the service's error code. Denial codes are permission failures even
 * where the status is missing (STS answers AccessDenied with 403, some services with 400).
 */
export function awsCause(error: unknown): FailureCause {
  const raw = error instanceof AwsCallError ? error.cause : error;
  const status = (raw as { $metadata?: { httpStatusCode?: unknown } } | undefined)?.$metadata?.httpStatusCode;
  const code = awsErrorCode(raw);
  const known = typeof code === 'string' && code !== 'Error' ? code : undefined;
  return {
    kind: isDenied(raw) ? 'permission' : failureKind(typeof status === 'number' ? status : undefined, known),
    ...(typeof status === 'number' ? { status } : {}),
    ...(known ? { code: known } : {}),
    message: errorMessage(error),
  };
}
