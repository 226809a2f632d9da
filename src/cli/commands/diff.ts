import { diffReports, diffText, readReport } from '../../core/baseline.js';
import { ExitCode } from '../../engine/errors.js';

export interface DiffFlags {
  json?: boolean;
}

/** Exit 1 when NEW has failing findings that OLD did not have; 0 otherwise. */
export async function diffCommand(oldPath: string, newPath: string, flags: DiffFlags): Promise<number> {
  const diff = diffReports(readReport(oldPath), readReport(newPath));
  diff.old.file = oldPath;
  diff.new.file = newPath;
  process.stdout.write(flags.json ? `${JSON.stringify(diff, null, 2)}\n` : diffText(diff));
  return diff.newFailures.length > 0 ? ExitCode.failures : ExitCode.ok;
}
