import { InputError } from '../engine/errors.js';

/** How long one HTTP request may take before it is abandoned (and retried by its provider). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** SOC2_REQUEST_TIMEOUT_MS, or 30 s: an endpoint that accepts a connection and never answers cannot stall a scan. */
export function requestTimeoutMs(env: NodeJS.ProcessEnv): number {
  const raw = env.SOC2_REQUEST_TIMEOUT_MS;
  if (raw === undefined || raw === '') return DEFAULT_REQUEST_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new InputError(`SOC2_REQUEST_TIMEOUT_MS must be a positive number of milliseconds, got '${raw}'`);
  }
  return value;
}
