/** The lines `sha256sum -c` reads: 64 lowercase hex digits, two spaces (text mode), the path. */
export function formatSha256Sums(entries: readonly { path: string; sha256: string }[]): string {
  return entries.map((e) => `${e.sha256}  ${e.path}\n`).join('');
}

/** Parses SHA256SUMS as coreutils writes it (text `  ` or binary ` *` mode); null when a line is malformed. */
export function parseSha256Sums(text: string): Map<string, string> | null {
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match || sums.has(match[2]!)) return null;
    sums.set(match[2]!, match[1]!);
  }
  return sums;
}
