/** A name pattern: `*` matches any run of characters, everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

/** The first of `globs` that matches `value`. */
export function firstMatch(globs: readonly string[] | undefined, value: string): string | undefined {
  return globs?.find((glob) => globToRegExp(glob).test(value));
}
