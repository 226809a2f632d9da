export const REDACTED = '[REDACTED]';

/** Keys whose string values are secrets wherever they appear (matched on the end of the key name). */
const SECRET_KEY =
  /(secret|password|passwd|passphrase|token|private[_-]?key|api[_-]?key|authorization|client[_-]?secret|credentials?)$/i;
/** Flags and timestamps about secrets are evidence, not secrets: password_enabled, token_last_used... */
const SECRET_METADATA =
  /(enabled|active|last[_-]?(used|rotated|changed)|date|status|at|count|expires?|type|required|present|set|exists|length|age|id)$/i;

const PATTERNS: [RegExp, (match: string, ...groups: string[]) => string][] = [
  [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g, () => REDACTED],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, () => REDACTED],
  [/\bgithub_pat_[A-Za-z0-9_]{20,}\b/g, () => REDACTED],
  [/\bya29\.[A-Za-z0-9_\-.]{10,}/g, () => REDACTED],
  [/\b1\/\/0[A-Za-z0-9_-]{20,}/g, () => REDACTED],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/g, () => REDACTED],
  [/\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, () => REDACTED],
  [/\b(bearer|token)\s+[A-Za-z0-9\-._~+/]{16,}=*/gi, (_m, scheme) => `${scheme} ${REDACTED}`],
  [
    /\b(aws_secret_access_key|secretAccessKey|SecretAccessKey|aws_session_token|sessionToken|SessionToken)(["']?\s*[:=]\s*["']?)[A-Za-z0-9/+=]{16,}/g,
    (_m, key, sep) => `${key}${sep}${REDACTED}`,
  ],
  [
    /\b(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*\d)(?=[A-Za-z0-9/+]*[/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    () => REDACTED,
  ],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, (_m, prefix) => `${prefix}${REDACTED}@`],
  [
    /([?&](?:password|passwd|secret|token|access_token|api_key|apikey|key|sig|signature)=)[^&\s"']+/gi,
    (_m, prefix) => `${prefix}${REDACTED}`,
  ],
];

export function redactString(value: string): string {
  let out = value;
  for (const [pattern, replace] of PATTERNS) out = out.replace(pattern, replace as (m: string) => string);
  return out;
}

function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) && !SECRET_METADATA.test(key);
}

/** Returns a deep copy with secrets scrubbed: by key name and by the shape of the value. */
export function redact<T>(value: T, key = ''): T {
  if (typeof value === 'string') {
    if (
      key &&
      isSecretKey(key) &&
      value !== '' &&
      !/^(true|false|\*+|N\/A|not_supported|no_information)$/i.test(value)
    ) {
      return REDACTED as T;
    }
    return redactString(value) as T;
  }
  if (Array.isArray(value)) return value.map((item) => redact(item)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redact(v, k);
    return out as T;
  }
  return value;
}
