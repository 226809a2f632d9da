import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readReport } from '../core/baseline.js';
import { InputError } from '../engine/errors.js';
import type { ScanResult } from '../engine/result.js';
import { ToolError } from './answer.js';
import type { McpContext } from './context.js';

let cached: { file: string; mtimeMs: number; size: number; report: ScanResult } | undefined;

/**
 * The report.json of the served output folder, read again whenever the file changes (a scan replaced
 * it). A missing or unreadable report is a tool error that says to run `soc2 scan` first.
 */
export function currentReport(context: McpContext): ScanResult {
  const file = join(context.reportDir, 'report.json');
  try {
    const { mtimeMs, size } = statSync(file);
    if (cached?.file === file && cached.mtimeMs === mtimeMs && cached.size === size) return cached.report;
    const report = readReport(file);
    cached = { file, mtimeMs, size, report };
    return report;
  } catch (error) {
    const why = error instanceof InputError ? error.describe() : `${file}: report not found`;
    throw new ToolError(
      `no readable soc2 report in ${context.reportDir} (${why}); run \`soc2 scan\` first, or start ` +
        '`soc2 mcp --report DIR` with the output folder of a scan',
    );
  }
}
