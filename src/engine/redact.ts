export const REDACTED = '[REDACTED]';

/** Keys whose string values are secrets wherever they appear (matched on the end of the key name). */
const SECRET_KEY =
  /(secret|password|passwd|passphrase|pwd|token|private[_-]?key|secret[_-]?key|api[_-]?key|authorization|client[_-]?secret|credentials?|secret[_-]?access[_-]?key|session[_-]?token|refresh[_-]?token|cookie)$/i;
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
 * `(?<=...)` asserting that the literal just matched starts a word, where the escapes \n, \r and \t
 * also count as a word break so that JSON-encoded text (a log stored as a JSON string) is scrubbed like
 * plain text. Patterns start with their literal and check the boundary after it, which lets the regex
 * engine scan for the literal: an order of magnitude faster on large files than a leading lookbehind.
 */
const starts = (literal: string) => String.raw`(?<=(?:^|[^A-Za-z0-9_]|\\[nrt])(?:${literal}))`;
const rx = (source: string, flags = 'g') => new RegExp(source, flags);
const CASES = (word: string) => {
  const cap = word[0]!.toUpperCase() + word.slice(1);
  return `${word}|${cap}|${word.toUpperCase()}`;
};

/** A secret-named key followed by a separator and its value, in any of the usual syntaxes. */
const SECRET_WORDS = [
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'secret',
  'token',
  'apikey',
  'api_key',
  'api-key',
  'apiKey',
  'privatekey',
  'private_key',
  'privateKey',
  'credential',
  'credentials',
  'cookie',
]
  .map(CASES)
  .join('|');

/**
 * Secrets recognised by their shape, anywhere in text. All patterns are ASCII, so they work the same on
 * UTF-8 text decoded as latin1 (which keeps the bytes of other text intact).
 */
const PATTERNS: [RegExp, Replacer][] = [
  // PEM private keys of every flavour (PKCS#1, PKCS#8, encrypted, OpenSSH, EC, PGP), also inside JSON
  // strings with escaped newlines; a block cut off at the end of the text is scrubbed to the end.
  [
    /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)/g,
    () => REDACTED,
  ],
  // GitHub tokens: personal, OAuth, user-to-server, server-to-server, refresh; fine-grained PATs.
  [rx(String.raw`gh${starts('gh')}[pousr]_[A-Za-z0-9]{30,}\b`), () => REDACTED],
  [rx(String.raw`github_pat_${starts('github_pat_')}[A-Za-z0-9_]{20,}\b`), () => REDACTED],
  // Google: OAuth access tokens, refresh tokens, API keys, OAuth client secrets.
  [rx(String.raw`ya29\.${starts(String.raw`ya29\.`)}[A-Za-z0-9_\-.]{10,}`), () => REDACTED],
  [rx(String.raw`1\/\/0${starts(String.raw`1\/\/0`)}[A-Za-z0-9_-]{20,}`), () => REDACTED],
  [rx(String.raw`AIza${starts('AIza')}[0-9A-Za-z_-]{35}\b`), () => REDACTED],
  [rx(String.raw`GOCSPX-${starts('GOCSPX-')}[A-Za-z0-9_-]{20,}`), () => REDACTED],
  // Slack, Stripe, npm tokens and JSON Web Tokens.
  [rx(String.raw`xox${starts('xox')}[abprs]-[A-Za-z0-9-]{10,}`), () => REDACTED],
  [
    rx(String.raw`k_(?:live|test)_(?<=(?:^|[^A-Za-z0-9_]|\\[nrt])[rs]k_(?:live|test)_)[A-Za-z0-9]{16,}`),
    () => REDACTED,
  ],
  [rx(String.raw`npm_${starts('npm_')}[A-Za-z0-9]{36}\b`), () => REDACTED],
  [
    rx(String.raw`eyJ${starts('eyJ')}[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}`),
    () => REDACTED,
  ],
  // AWS session tokens (STS, SSO, instance roles) start with a few well-known base64 prefixes.
  [rx(String.raw`(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|AQoDYXdz|IQoDYXdz)[A-Za-z0-9/+=]{40,}`), () => REDACTED],
  // Authorization headers and their schemes; bare bearer/token/basic credentials in text.
  [
    rx(
      String.raw`(${CASES('authorization')}\\?["']?\s*[:=]\s*\\?["']?)(bearer|basic|token|digest|negotiate|ntlm|aws4-hmac-sha256|Bearer|Basic|Token|Digest|Negotiate|NTLM|AWS4-HMAC-SHA256|BEARER|BASIC|TOKEN|DIGEST|NEGOTIATE)(\s+)[^"'\r\n\\]+`,
    ),
    (_m, prefix: string, scheme: string, gap: string) => `${prefix}${scheme}${gap}${REDACTED}`,
  ],
  [rx(String.raw`(${CASES('authorization')}\\?["']?\s*[:=]\s*\\?["']?)[A-Za-z0-9\-._~+/]{16,}=*`), keep(1)],
  [
    rx(
      String.raw`([Bb]earer|BEARER|[Tt]oken|TOKEN)${starts('[Bb]earer|BEARER|[Tt]oken|TOKEN')}(\s+)(?=[A-Za-z0-9\-._~+/]*(?:\d|[a-z][A-Za-z0-9\-._~+/]*[A-Z]))[A-Za-z0-9\-._~+/]{12,}=*`,
    ),
    keep(2),
  ],
  [
    rx(
      String.raw`([Bb]asic|BASIC)${starts('[Bb]asic|BASIC')}(\s+)(?=[A-Za-z0-9+/]*[a-z])(?=[A-Za-z0-9+/]*[A-Z])[A-Za-z0-9+/]{8,}={0,2}(?![A-Za-z0-9+/=])`,
    ),
    keep(2),
  ],
  // AWS secret access keys next to their name or the word key/secret (40 base64 characters).
  [
    rx(
      String.raw`(aws_secret_access_key|secret_access_key|secretAccessKey|SecretAccessKey|aws_session_token|sessionToken|SessionToken|aws_secret|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN)(\\?["']?\s*[:=]\s*\\?["']?)[A-Za-z0-9/+=]{16,}`,
    ),
    keep(2),
  ],
  [
    rx(
      // eslint-disable-next-line no-restricted-syntax -- the word that precedes an AWS secret key, not a provider id
      String.raw`((?:${CASES('secret')}|${CASES('key')}|${CASES('aws')})[A-Za-z_ -]{0,20}?[\s:=>"']{1,4})(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*\d)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])`,
    ),
    keep(1),
  ],
  // Credentials inside URLs (scheme://user:password@host) and in query strings.
  [/:\/\/([^\s:/@"'\\]+):[^\s@/"'\\]+@/g, (_m, user: string) => `://${user}:${REDACTED}@`],
  [
    /([?&](?:password|passwd|pwd|secret|token|access_token|refresh_token|id_token|client_secret|api_key|apikey|key|sig|signature|x-amz-signature|x-amz-security-token|x-amz-credential)=)[^&\s"'#\\]+/gi,
    keep(1),
  ],
  // key = value, key: value and "key": "value" pairs whose key ends in a secret's name
  // (password=..., "client_secret": "...", DB_PASSWORD: ...). Unquoted values must look like a secret
  // (a digit, a symbol or mixed case), so prose such as "Password: must be long" is left alone.
  [
    rx(
      String.raw`(${SECRET_WORDS})(\\?["']?)(\s*[:=]\s*)(?:\\"([^"\\\r\n]*)\\"|"((?:[^"\\\r\n]|\\.)*)"|'((?:[^'\\\r\n]|\\.)*)'|([^\s"',;&}\]\\]+))`,
    ),
    (match, key: string, q2: string, sep: string, eq?: string, dq?: string, sq?: string, bare?: string) => {
      const value = eq ?? dq ?? sq ?? bare ?? '';
      if (value === '' || HARMLESS_VALUE.test(value) || /^[-\d.]+$/.test(value)) return match;
      if (bare !== undefined && (/^[{[*]/.test(bare) || !looksLikeSecret(bare))) return match;
      const quote = eq !== undefined ? '\\"' : dq !== undefined ? '"' : sq !== undefined ? "'" : '';
      return `${key}${q2}${sep}${quote}${REDACTED}${quote}`;
    },
  ],
];

function looksLikeSecret(value: string): boolean {
  return (
    value.length >= 6 &&
    (/\d/.test(value) || /[^A-Za-z]/.test(value) || /[a-z].*[A-Z]|[A-Z].*[a-z]/.test(value.slice(1)))
  );
}

const BASE64ISH = /[A-Za-z0-9/+]/;
const NOT_BEFORE = /[A-Za-z0-9/+=:._-]/;

/**
 * Bare AWS secret access keys: exactly 40 base64 characters with upper and lower case, a digit and a
 * / or +. Found by scanning from each / and + (rare in text) rather than by a regex tried at every
 * position; 40-hex git SHAs, ARNs and paths do not qualify.
 */
function scrubBareAwsSecrets(text: string): string {
  let out = '';
  let last = 0;
  let i = 0;
  for (;;) {
    const slash = text.indexOf('/', i);
    const plus = text.indexOf('+', i);
    const at = slash < 0 ? plus : plus < 0 ? slash : Math.min(slash, plus);
    if (at < 0) break;
    let start = at;
    while (start > 0 && BASE64ISH.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && BASE64ISH.test(text[end]!)) end++;
    i = end;
    if (end - start !== 40) continue;
    const before = text[start - 1];
    const escaped = start >= 2 && text[start - 2] === '\\' && /[nrt]/.test(before ?? '');
    if (before !== undefined && NOT_BEFORE.test(before) && !escaped) continue;
    if (text[end] === '=') continue;
    const token = text.slice(start, end);
    if (!/[A-Z]/.test(token) || !/[a-z]/.test(token) || !/\d/.test(token)) continue;
    out += text.slice(last, start) + REDACTED;
    last = end;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * Something every pattern above needs to find (a literal it starts with, its key word, a run of 40
 * base64 characters, a URL or query string). Most strings in API data (names, ARNs, dates, flags) have
 * none of these, and skip the twenty patterns. test/evidence/redact.test.ts checks that the shortcut
 * never changes a result.
 */
const MIGHT_HOLD_SECRET =
  /-----BEGIN|gh[pousr]_|github_pat_|ya29\.|1\/\/0|AIza|GOCSPX-|xox[abprs]-|k_(?:live|test)_|npm_|eyJ|uthorization|UTHORIZATION|earer|EARER|oken|OKEN|asic|ASIC|ass[wp]|ASS[WP]|[Pp]wd|PWD|ecret|ECRET|[Aa]pi[_-]?[Kk]ey|API[_-]?KEY|rivate|RIVATE|redential|REDENTIAL|ookie|OOKIE|:\/\/|[?&][A-Za-z_-]+=/;
const BASE64_RUN = /[A-Za-z0-9/+=]{40}/;

/** No pattern matches fewer characters than `?key=x`. */
const SHORTEST_SECRET = 6;

export function redactString(value: string): string {
  if (value.length < SHORTEST_SECRET) return value;
  const suspect = MIGHT_HOLD_SECRET.test(value) || (value.length >= 40 && BASE64_RUN.test(value));
  return suspect ? redactEveryPattern(value) : value;
}

/** redactString without the shortcut; exported for the test that proves the shortcut safe. */
export function redactEveryPattern(value: string): string {
  let out = value;
  for (const [pattern, replace] of PATTERNS) out = out.replace(pattern, replace as (m: string) => string);
  return scrubBareAwsSecrets(out);
}

const secretKeys = new Map<string, boolean>();

export function isSecretKey(key: string): boolean {
  let secret = secretKeys.get(key);
  if (secret === undefined) {
    secret = SECRET_KEY.test(key) && !SECRET_METADATA.test(key);
    if (secretKeys.size < 10_000) secretKeys.set(key, secret);
  }
  return secret;
}

/**
 * Returns the value with secrets scrubbed: by key name and by the shape of the value. Objects and lists
 * holding nothing to scrub are returned as they are; the ones that do are copied, so the input is never
 * changed and no secret stays reachable from the result.
 */
export function redact<T>(value: T, key = ''): T {
  if (typeof value === 'string') {
    if (key && isSecretKey(key) && value !== '' && !HARMLESS_VALUE.test(value)) return REDACTED as T;
    return redactString(value) as T;
  }
  if (Array.isArray(value)) return redactList(value) as T;
  if (value && typeof value === 'object') return redactObject(value as Record<string, unknown>) as T;
  return value;
}

function redactList(list: readonly unknown[]): readonly unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const clean = redact(item);
    if (!copy && clean !== item) copy = list.slice(0, i);
    copy?.push(clean);
  }
  return copy ?? list;
}

function redactObject(object: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(object);
  let copy: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const child = object[k];
    const clean = redact(child, k);
    if (!copy && clean !== child) {
      copy = {};
      for (let j = 0; j < i; j++) copy[keys[j]!] = object[keys[j]!];
    }
    if (copy) copy[k] = clean;
  }
  return copy ?? object;
}
