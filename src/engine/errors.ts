/** Exit codes are part of the CLI contract; README and --help document them. */
export const ExitCode = {
  ok: 0,
  failures: 1,
  badInput: 2,
  incomplete: 3,
  /** Every selected check was skipped: nothing was checked, so there is nothing to be green about. */
  nothingChecked: 4,
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export interface Problem {
  file?: string;
  line?: number;
  column?: number;
  message: string;
}

export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  return where ? `${where}: ${problem.message}` : problem.message;
}

/** Bad input from the user: config, catalog, roster, flags. Exit code 2, never a stack trace. */
export class InputError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[] | string, summary?: string) {
    const list = typeof problems === 'string' ? [{ message: problems }] : problems;
    super(summary ?? list.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = list;
  }

  describe(): string {
    if (this.problems.length === 1) return formatProblem(this.problems[0]!);
    return [`${this.problems.length} problems:`, ...this.problems.map((p) => `  ${formatProblem(p)}`)].join(
      '\n',
    );
  }
}

/**
 * Thrown by a collector when it cannot collect for a reason that is not a fault: the provider is not
 * configured, or a permission is missing. Dependent checks become `skipped` with this reason.
 */
export class SkipError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SkipError';
  }
}

/**
 * A skip is recognised by its name, so a plugin can signal one without importing soc2 (or while
 * importing another copy of it): `Object.assign(new Error(reason), { name: 'SkipError' })`.
 */
export function isSkipError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'SkipError';
}

/** The scan was stopped by SIGINT/SIGTERM. */
export class InterruptedError extends Error {
  constructor(signal = 'SIGINT') {
    super(`interrupted by ${signal}`);
    this.name = 'InterruptedError';
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
