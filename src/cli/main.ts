import { CommanderError } from 'commander';
import { errorMessage, ExitCode, InputError, InterruptedError } from '../engine/errors.js';
import { TOOL_VERSION } from '../engine/version.js';
import { buildProgram } from './program.js';

/** Runs the CLI and returns the exit code. Known errors print one clear message, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  ignoreClosedPipes();
  const program = buildProgram(TOOL_VERSION);
  program.exitOverride();
  for (const command of program.commands.flatMap((c) => [c, ...c.commands])) command.exitOverride();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (error) {
    return handleError(error);
  }
}

export function handleError(error: unknown): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    ) {
      return ExitCode.ok;
    }
    return ExitCode.badInput; // commander already printed the message
  }
  if (error instanceof InputError) {
    process.stderr.write(`soc2: ${error.describe()}\n`);
    return ExitCode.badInput;
  }
  if (error instanceof InterruptedError) {
    process.stderr.write(`soc2: ${error.message}; nothing was written, previous output left untouched\n`);
    return ExitCode.interrupted;
  }
  if (isFileSystemError(error)) {
    process.stderr.write(`soc2: cannot write to disk: ${error.message}\n`);
    return ExitCode.incomplete;
  }
  process.stderr.write(`soc2: internal error: ${errorMessage(error)}\n`);
  if (process.env.SOC2_DEBUG && error instanceof Error && error.stack)
    process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('soc2: set SOC2_DEBUG=1 for details, and please report this\n');
  return ExitCode.incomplete;
}

/** The machine, not soc2: a full disk, a read-only mount, a quota, too many open files. */
const FILE_SYSTEM_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EMFILE', 'ENFILE']);

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return error instanceof Error && typeof code === 'string' && FILE_SYSTEM_CODES.has(code);
}

/**
 * `soc2 catalog list | head -1`: the reader went away. What was not read is not wanted; the command
 * still ends with its own exit code, and with no stack trace.
 */
function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      stream.write = () => true;
    });
  }
}
