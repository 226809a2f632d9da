export const REDACTED = '[REDACTED]';

/** Keys whose string values are secrets wherever they appear (matched on the end of the key name). */
const SECRET_KEY =
  /(secret|password|passwd|passphrase|pwd|token|private[_-]?key|api[_-]?key|authorization|client[_-]?secret|credentials?|secret[_-]?access[_-]?key|session[_-]?token|refresh[_-]?token|cookie)$/i;
/** Flags and timestamps about secrets are evidence, not secrets: password_enabled, token_last_used... */
const SECRET_METADATA =
  /(enabled|active|last[_-]?(used|rotated|changed)|date|status|at|count|expires?|type|required|present|set|exists|length|age|id|policy|url|uri|endpoint|file|path)$/i;

/** Values that describe a secret's state rather than being one. */
const HARMLESS_VALUE = /^(true|false|null|none|\*+|N\/A|not_supported|no_information|\[REDACTED\])$/i;

type Replacer = (match: string, ...groups: string[]) => string;

const keep =
  (prefix: number): Replacer =>
  (_m, ...groups) =>
    `${groups.slice(0, prefix).join('')}${REDACTED}`;

/**
 * A word boundary that also holds after the escapes \n, \r and \t, so that JSON-encoded text (an HTTP
 * log stored as a JSON string, say) is scrubbed like plain text.
 */
const B = String.raw`(?:(?<![A-Za-z0-9_])|(?<=\\[nrt]))`;
const rx = (source: string, flags = 'g') => new RegExp(source.replaceAll('\\B', B), flags);

/**
 * Secrets recognised by their shape, anywhere in text. All patterns are ASCII, so they work the same on
 * UTF-8 text decoded as latin1 (which keeps the bytes of other text intact). `\B` stands for B above.
 */
const PATTERNS: [RegExp, Replacer][] = [
  // PEM private keys of every flavour (PKCS#1, PKCS#8, encrypted, OpenSSH, EC, PGP), also inside JSON
  // strings with escaped newlines; a block cut off at the end of the text is scrubbed to the end.
  [
    /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)/g,
    () => REDACTED,
  ],
  // GitHub tokens: personal, OAuth, user-to-server, server-to-server, refresh; fine-grained PATs.
  [rx(String.raw`\Bgh[pousr]_[A-Za-z0-9]{30,}\b`), () => REDACTED],
  [rx(String.raw`\Bgithub_pat_[A-Za-z0-9_]{20,}\b`), () => REDACTED],
  // Google: OAuth access tokens, refresh tokens, API keys, OAuth client secrets.
  [rx(String.raw`\Bya29\.[A-Za-z0-9_\-.]{10,}`), () => REDACTED],
  [rx(String.raw`\B1\/\/0[A-Za-z0-9_-]{20,}`), () => REDACTED],
  [rx(String.raw`\BAIza[0-9A-Za-z_-]{35}\b`), () => REDACTED],
  [rx(String.raw`\BGOCSPX-[A-Za-z0-9_-]{20,}`), () => REDACTED],
  // Slack, Stripe, npm tokens and JSON Web Tokens.
  [rx(String.raw`\Bxox[abprs]-[A-Za-z0-9-]{10,}`), () => REDACTED],
  [rx(String.raw`\B[rs]k_(?:live|test)_[A-Za-z0-9]{16,}`), () => REDACTED],
  [rx(String.raw`\Bnpm_[A-Za-z0-9]{36}\b`), () => REDACTED],
  [rx(String.raw`\BeyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}`), () => REDACTED],
  // AWS session tokens (STS, SSO, instance roles) start with a few well-known base64 prefixes.
  [rx(String.raw`\B(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|AQoDYXdz|IQoDYXdz)[A-Za-z0-9/+=]{40,}`), () => REDACTED],
  // Authorization headers and their schemes; bare bearer/token/basic credentials in text.
  [
    rx(
      String.raw`\B((?:proxy-)?authorization\\?["']?\s*[:=]\s*\\?["']?)(bearer|basic|token|digest|negotiate|ntlm|aws4-hmac-sha256)(\s+)[^"'\r\n\\]+`,
      'gi',
    ),
    (_m, prefix: string, scheme: string, gap: string) => `${prefix}${scheme}${gap}${REDACTED}`,
  ],
  [
    rx(String.raw`\B((?:proxy-)?authorization\\?["']?\s*[:=]\s*\\?["']?)[A-Za-z0-9\-._~+/]{16,}=*`, 'gi'),
    keep(1),
  ],
  [
    rx(
      String.raw`\B([Bb]earer|BEARER|[Tt]oken|TOKEN)(\s+)(?=[A-Za-z0-9\-._~+/]*(?:\d|[a-z][A-Za-z0-9\-._~+/]*[A-Z]))[A-Za-z0-9\-._~+/]{12,}=*`,
    ),
    keep(2),
  ],
  [
    rx(
      String.raw`\B([Bb]asic|BASIC)(\s+)(?=[A-Za-z0-9+/]*[a-z])(?=[A-Za-z0-9+/]*[A-Z])[A-Za-z0-9+/]{8,}={0,2}(?![A-Za-z0-9+/=])`,
    ),
    keep(2),
  ],
  // AWS secret access keys next to their name or the word key/secret, then bare ones (40 base64
  // characters with mixed case, a digit and a / or +; 40-hex git SHAs and ARN paths do not qualify).
  [
    rx(
      String.raw`\B(aws_secret_access_key|secret_access_key|secretAccessKey|SecretAccessKey|aws_session_token|sessionToken|SessionToken|aws_secret|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN)(\\?["']?\s*[:=]\s*\\?["']?)[A-Za-z0-9/+=]{16,}`,
    ),
    keep(2),
  ],
  [
    rx(
      String.raw`\B((?:secret|key|aws)[A-Za-z_ -]{0,20}?[\s:=>"']{1,4})(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*\d)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])`,
      'gi',
    ),
    keep(1),
  ],
  [
    rx(
      String.raw`(?:(?<![A-Za-z0-9/+=:._-])|(?<=\\[nrt]))(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*\d)(?=[A-Za-z0-9/+]*[/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])`,
    ),
    () => REDACTED,
  ],
  // Credentials inside URLs (scheme://user:password@host) and in query strings.
  [
    /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"'\\]+:)[^\s@/"'\\]+@/gi,
    (_m, prefix: string) => `${prefix}${REDACTED}@`,
  ],
  [
    /([?&](?:password|passwd|pwd|secret|token|access_token|refresh_token|id_token|client_secret|api_key|apikey|key|sig|signature|x-amz-signature|x-amz-security-token|x-amz-credential)=)[^&\s"'#\\]+/gi,
    keep(1),
  ],
  // key = value, key: value and "key": "value" pairs whose key names a secret (password=..., "token": "...").
  [
    rx(
      String.raw`(\\?["']?)\B([A-Za-z0-9_.-]*?(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|private[_-]?key|credentials?|cookie))(\\?["']?)(\s*[:=]\s*)(?:\\"([^"\\\r\n]*)\\"|"((?:[^"\\\r\n]|\\.)*)"|'((?:[^'\\\r\n]|\\.)*)'|([^\s"',;&}\]\\]+))`,
      'gi',
    ),
    (
      match,
      q1: string,
      key: string,
      q2: string,
      sep: string,
      eq?: string,
      dq?: string,
      sq?: string,
      bare?: string,
    ) => {
      const value = eq ?? dq ?? sq ?? bare ?? '';
      if (!isSecretKey(key) || value === '' || HARMLESS_VALUE.test(value) || /^[-\d.]+$/.test(value)) {
        return match;
      }
      if (bare !== undefined && /^[{[]/.test(bare)) return match;
      const quote = eq !== undefined ? '\\"' : dq !== undefined ? '"' : sq !== undefined ? "'" : '';
      return `${q1}${key}${q2}${sep}${quote}${REDACTED}${quote}`;
    },
  ],
];

export function redactString(value: string): string {
  let out = value;
  for (const [pattern, replace] of PATTERNS) out = out.replace(pattern, replace as (m: string) => string);
  return out;
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) && !SECRET_METADATA.test(key);
}

/** Returns a deep copy with secrets scrubbed: by key name and by the shape of the value. */
export function redact<T>(value: T, key = ''): T {
  if (typeof value === 'string') {
    if (key && isSecretKey(key) && value !== '' && !HARMLESS_VALUE.test(value)) return REDACTED as T;
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
