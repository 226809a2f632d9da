/** A UTF-16 surrogate without its pair: not a character, and not encodable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with each lone surrogate replaced by U+FFFD (String.prototype.toWellFormed, ES2024). */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * JSON.stringify with well-formed strings: JSON.stringify escapes a lone surrogate as `\ud800`, which
 * strict parsers (jq, and so the code-scanning workflow's filter) reject.
 */
export function wellFormedJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? wellFormed(v) : v), indent);
}

/**
 * A scanned string (resource name, login, message, reason) as inline Markdown text that renders as
 * exactly that text: `&`, `<`, `>` become entities (no raw HTML reaches a renderer that allows it), the
 * characters that start emphasis, code, links, tables and strikethrough are backslash-escaped
 * (CommonMark 2.4), line breaks become spaces and other control characters U+FFFD.
 */
export function markdownText(text: string): string {
  return (
    wellFormed(text)
      .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, '\uFFFD')
      .replace(/\t/g, ' ')
      .replace(/[\\`*_[\]|~]/g, '\\$&')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  );
}
