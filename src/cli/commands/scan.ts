import { existsSync } from 'node:fs';
import type { ChalkInstance } from 'chalk';
import { readReport } from '../../core/baseline.js';
import { inBatches, jsonDocument } from '../../core/json-chunks.js';
import { ExitCode, InputError } from '../../engine/errors.js';
import type { ScanResult } from '../../engine/result.js';
import { appendHistory, readHistory } from '../../core/history.js';
import { parseShard } from '../../core/shard.js';
import { parsePeriod } from '../../core/period.js';
import type { Snapshot } from '../../core/snapshot.js';
import { readSnapshotFile, snapshotJsonl } from '../../evidence/snapshot-file.js';
import { resumeFile, ResumeJournal, scanFingerprint } from '../../evidence/resume.js';
import type { Severity } from '../../engine/types.js';
import { assertReplaceableOutput, type StagedOutput, writeFileAtomic } from '../../evidence/output-dir.js';
import { scanIntoOutput } from '../../evidence/scan-into-output.js';
import { DEFAULT_FORMATS, scanReporters } from '../../report/index.js';
import { describeCause } from '../../engine/scope.js';
import { notCheckedSummary } from '../../report/labels.js';
import { failuresByRisk } from '../../report/risk.js';
import { makeChalk } from '../color.js';
import { createProgress } from '../progress.js';
import { demoSetup, loadSetup, loadSetupCatalog } from '../setup.js';

export interface ScanFlags {
  config?: string;
  catalog?: string;
  out?: string;
  format?: string[];
  sarifCategory?: string;
  provider?: string[];
  control?: string[];
  criteria?: string[];
  check?: string[];
  failOn?: Severity | 'new';
  baseline?: string;
  history?: string;
  shard?: string;
  period?: string;
  demo?: boolean;
  fromSnapshot?: string;
  saveSnapshot?: string;
  resume?: boolean;
  json?: boolean;
  zip?: string;
  sign?: string;
  quiet?: boolean;
  color: boolean;
  /** false with --no-wait. */
  wait?: boolean;
}

export const DEFAULT_OUT_DIR = 'soc2-report';

/** Ctrl-C, kill, and Ctrl-\ from a terminal: each stops the scan, exit 130, previous output intact. */
const INTERRUPTS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGQUIT'];

export async function scanCommand(flags: ScanFlags, _global: object, env = process.env): Promise<number> {
  const chalk = flags.color ? makeChalk(env) : makeChalk({ ...env, NO_COLOR: '1', FORCE_COLOR: undefined });
  if (flags.demo && flags.fromSnapshot)
    throw new InputError('--demo and --from-snapshot cannot be used together');
  if (flags.resume && (flags.demo || flags.fromSnapshot))
    throw new InputError('--resume picks up a live scan: it cannot be used with --demo or --from-snapshot');

  if (flags.failOn === 'new' && !flags.baseline)
    throw new InputError('--fail-on new needs --baseline OLD/report.json to tell new failures from old ones');
  const baseline = flags.baseline ? readReport(flags.baseline) : undefined;
  const shard = flags.shard ? parseShard(flags.shard) : undefined;
  const demo = flags.demo ? await demoSetup(flags.config) : undefined;
  const setup = demo ?? (await loadSetup(flags.config));
  const period = flags.period ? parsePeriod(flags.period) : undefined;
  const config = {
    ...setup.config,
    ...(shard ? { shard } : {}),
    ...(period ? { period: { from: period.from, to: period.to } } : {}),
  };
  const historyDir = flags.history ?? config.history;
  const formats = flags.format ?? config.output?.formats ?? DEFAULT_FORMATS;
  const chosen = scanReporters(
    formats,
    flags.format ? '--format' : `${config.file ?? 'config'}: output.formats`,
    { sarifCategory: flags.sarifCategory ?? config.output?.sarifCategory },
  );
  const snapshot: Snapshot | undefined =
    demo?.snapshot ?? (flags.fromSnapshot ? readSnapshotFile(flags.fromSnapshot) : undefined);
  const catalog = loadSetupCatalog(setup, [config.catalog, flags.catalog]);
  const outDir = flags.out ?? config.output?.dir ?? DEFAULT_OUT_DIR;
  if (flags.sign && !flags.zip) throw new InputError('--sign needs --zip: it signs the evidence bundle');
  const bundle = flags.zip ? await import('./export.js') : undefined;
  const signingKey = flags.sign ? bundle?.readSigningKey(flags.sign) : undefined;
  assertReplaceableOutput(outDir);
  // Read before scanning, so a bad record is reported before any work and the reports show the trend.
  const history = historyDir ? (existsSync(historyDir) ? readHistory(historyDir) : []) : undefined;

  // A live scan records what it completes, so an interruption or failure can be picked up (--resume).
  const fingerprint = scanFingerprint(config, env);
  const progressFile = resumeFile(outDir);
  const resumed = flags.resume ? ResumeJournal.resume(progressFile, fingerprint) : undefined;
  const journal = snapshot
    ? undefined
    : (resumed?.journal ?? ResumeJournal.start(progressFile, fingerprint, new Date().toISOString()));
  if (resumed && !flags.quiet)
    process.stderr.write(
      `soc2: resuming the scan started ${resumed.startedAt}: ${resumed.taken} completed key(s) and account(s) taken over, the rest collected now\n`,
    );

  const controller = new AbortController();
  const staged: { output?: StagedOutput } = {};
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      staged.output?.discard();
      process.exit(ExitCode.interrupted);
    }
    controller.abort(signal);
  };
  for (const signal of INTERRUPTS) process.on(signal, onSignal);
  const progress = await createProgress({ quiet: Boolean(flags.quiet), chalk, env });
  let result: ScanResult;
  try {
    const outcome = await scanIntoOutput({
      outDir,
      reporters: chosen,
      baseline: baseline && { report: baseline, file: flags.baseline! },
      history,
      onStaged: (output) => (staged.output = output),
      config,
      catalog,
      checks: setup.registry.checks,
      providers: setup.registry.providers,
      populations: setup.registry.populations,
      selection: {
        providers: flags.provider,
        controls: flags.control,
        criteria: flags.criteria,
        checks: flags.check,
      },
      failOn: flags.failOn,
      snapshot,
      mode: demo ? 'demo' : snapshot ? 'snapshot' : 'live',
      env: flags.wait === false ? { ...env, SOC2_NO_WAIT: '1' } : env,
      signal: controller.signal,
      onEvent: (event) => progress.event(event),
      ...(journal ? { journal } : {}),
      ...(resumed ? { resume: resumed.data } : {}),
      onOutcome: (outcome) => {
        if (flags.saveSnapshot)
          writeFileAtomic(flags.saveSnapshot, snapshotJsonl(outcome.snapshot, outcome.segments));
      },
    });
    result = outcome.result;
    if (historyDir) appendHistory(historyDir, result, outDir);
  } catch (error) {
    // Bad input is fixed and the scan run again: nothing collected is worth keeping for it.
    if (error instanceof InputError) journal?.remove();
    else if (journal && !flags.quiet)
      process.stderr.write(
        `soc2: what was collected is kept in ${progressFile}; run the same command with --resume to go on from there\n`,
      );
    throw error;
  } finally {
    progress.stop();
    // Once interrupted, a further signal still means "exit 130 now", not the default kill.
    if (!controller.signal.aborted) {
      for (const signal of INTERRUPTS) process.off(signal, onSignal);
    }
  }

  if (bundle && flags.zip) {
    const summary = await bundle.writeScanBundle(outDir, flags.zip, signingKey);
    if (!flags.quiet) process.stderr.write(bundle.exportSummaryText(summary));
  }
  if (flags.json) for (const batch of inBatches(jsonDocument(result))) process.stdout.write(batch);
  if (!flags.quiet)
    process.stderr.write(
      summaryText(
        result,
        outDir,
        chosen.map((r) => r.file),
        chalk,
      ),
    );
  return result.summary.exitCode;
}

/** Checks that failed for the same underlying reason (e.g. no credentials) are listed once. */
function groupByRootCause(checks: readonly ScanResult['checks'][number][]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const check of checks) {
    const root = check.rootCause
      ? `${check.rootCause.key}: ${check.rootCause.message}`
      : (check.reason ?? 'unknown cause');
    groups.set(root, [...(groups.get(root) ?? []), check.id]);
  }
  return groups;
}

/** `aws.x`, or `3 checks (aws.x, aws.y, aws.z)`. */
function who(ids: readonly string[]): string {
  return ids.length === 1
    ? ids[0]!
    : `${ids.length} checks (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''})`;
}

/** Scopes that could not be read, grouped by their cause. */
function scopesByCause(result: ScanResult): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const check of result.checks) {
    for (const finding of check.findings) {
      if (finding.status !== 'error' || !finding.cause) continue;
      const cause = describeCause(finding.cause);
      groups.set(cause, (groups.get(cause) ?? new Set()).add(finding.resource));
    }
  }
  return groups;
}

function summaryText(result: ScanResult, outDir: string, files: string[], chalk: ChalkInstance): string {
  const { summary } = result;
  const lines: string[] = [''];
  lines.push(
    chalk.bold(`SOC 2 readiness: ${result.organization}`) +
      chalk.dim(` (${result.scan.mode} scan, data as of ${result.scan.evaluatedAt})`),
  );
  lines.push(`  Readiness  ${chalk.bold(`${summary.readiness}%`)} of ${summary.controls.total} controls`);
  const statusLine = (counts: Record<string, number>) =>
    [
      chalk.green(`${counts.pass} pass`),
      chalk.red(`${counts.fail} fail`),
      chalk.yellow(`${counts.partial} partial`),
      chalk.blue(`${counts.manual} manual`),
      chalk.dim(`${counts.not_evaluated} not evaluated`),
    ].join(' · ');
  lines.push(`  Criteria   ${statusLine(summary.criteria)}  (${summary.criteria.total})`);
  lines.push(`  Controls   ${statusLine(summary.controls)}  (${summary.controls.total})`);
  lines.push(
    `  Checks     ${[
      chalk.green(`${summary.checks.pass} pass`),
      chalk.red(`${summary.checks.fail} fail`),
      chalk.magenta(`${summary.checks.error} error`),
      chalk.dim(`${summary.checks.skipped} skipped`),
    ].join(' · ')}  (${summary.checks.total})`,
  );
  if (summary.checks.total > 0 && summary.checks.skipped === summary.checks.total) {
    lines.push(
      '',
      chalk.yellow('  Nothing was checked automatically: every provider was skipped. Configure them in'),
      chalk.yellow(
        '  soc2.config.yaml (soc2 init writes a commented one) or run soc2 scan --demo to see a full report.',
      ),
    );
  }
  const failing = failuresByRisk(result).map((f) => f.check);
  if (failing.length > 0) {
    lines.push('', chalk.bold('  Top failures'));
    for (const c of failing.slice(0, 8)) {
      lines.push(
        `  ${chalk.red('✖')} ${c.title} ${chalk.dim(`[${c.severity}] ${c.counts.fail} resource(s) · ${c.id}`)}`,
      );
    }
    if (failing.length > 8) lines.push(chalk.dim(`    … ${failing.length - 8} more in the report`));
  }
  const errors = result.checks.filter((c) => c.status === 'error');
  if (errors.length > 0) {
    lines.push('', chalk.bold('  Could not check'));
    const scopes = notCheckedSummary(result);
    if (scopes) {
      lines.push(`  ${chalk.magenta('!')} ${scopes}:`);
      const byCause = scopesByCause(result);
      for (const [cause, resources] of [...byCause].slice(0, 8)) {
        const shown = [...resources].slice(0, 3).join(', ') + (resources.size > 3 ? ', …' : '');
        lines.push(`    ${cause} ${chalk.dim(`(${resources.size}: ${shown})`)}`);
      }
      if (byCause.size > 8) lines.push(chalk.dim(`    … ${byCause.size - 8} more causes in report.md`));
    }
    const causes = groupByRootCause(errors.filter((c) => c.counts.error === 0));
    for (const [cause, ids] of [...causes].slice(0, 8))
      lines.push(`  ${chalk.magenta('!')} ${who(ids)}: ${cause}`);
    if (causes.size > 8) lines.push(chalk.dim(`    … ${causes.size - 8} more causes in the report`));
  }
  const notConfigured = new Set(
    result.providers.filter((p) => p.status === 'skipped' && p.reason).map((p) => p.id as string),
  );
  const denied = result.checks.filter((c) => c.status === 'skipped' && !notConfigured.has(c.provider));
  if (denied.length > 0 || notConfigured.size > 0) {
    lines.push('', chalk.bold('  Skipped'));
    if (notConfigured.size > 0)
      lines.push(`  ${chalk.dim('–')} not configured: ${[...notConfigured].sort().join(', ')}`);
    const causes = groupByRootCause(denied);
    for (const [cause, ids] of [...causes].slice(0, 8))
      lines.push(`  ${chalk.dim('–')} ${who(ids)}: ${cause}`);
    if (causes.size > 8) lines.push(chalk.dim(`    … ${causes.size - 8} more reasons in the report`));
  }
  const failingCriteria = result.criteria.filter((c) => c.status === 'fail').map((c) => c.id);
  if (failingCriteria.length > 0) lines.push('', `  Failing criteria: ${failingCriteria.join(', ')}`);
  lines.push('', `  Reports in ${outDir}/ (${[...files, 'evidence/'].join(', ')})`);
  if (result.baseline) {
    const b = result.baseline;
    lines.push(
      `  Baseline   ${chalk.red(`${b.new} new`)} · ${b.unchanged} unchanged · ${chalk.green(`${b.fixed.length} fixed`)} failing finding(s) vs ${b.evaluatedAt}`,
    );
  }
  const code = result.summary.exitCode;
  const threshold =
    result.scan.failOn === 'new' ? 'that are new since the baseline' : `at or above ${result.scan.failOn}`;
  const meaning =
    code === 0
      ? chalk.green(`no failing findings ${threshold}`)
      : code === 1
        ? chalk.red(`failing findings ${threshold}`)
        : code === 4
          ? chalk.yellow('nothing was checked: every check was skipped')
          : chalk.magenta('incomplete: some checks ended in error');
  lines.push(`  Exit ${code}: ${meaning}`, '');
  return lines.join('\n');
}
