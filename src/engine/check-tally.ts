import { notCheckedReason, type Evaluation, type RootCause } from './evaluate.js';
import type { FindingResult } from './result.js';
import type { CheckStatus, FailureCause } from './types.js';

/**
 * Findings a check's result keeps in memory (and so in report.json and the human reports): failing,
 * excepted and unread scopes first, then passes. Every finding still reaches the finding sink (the CSV
 * and OCSF reports, which list them all), and the counts are always over all of them.
 */
export const FINDINGS_KEPT = 500;

export interface FindingCounts {
  pass: number;
  fail: number;
  excepted: number;
  error: number;
}

/** What a check's evaluations add up to. */
export interface Tallied {
  status: CheckStatus;
  reason?: string;
  rootCause?: RootCause;
  /** At most FINDINGS_KEPT of them, in the order they were found. */
  findings: FindingResult[];
  counts: FindingCounts;
  /** Findings not kept (counted, and in the finding sink). */
  omitted: number;
}

/** A segment whose data could not be read or was skipped: reported as one scope not checked. */
export interface UnreadSegment {
  resource: string;
  status: 'error' | 'skipped';
  reason: string;
  cause?: FailureCause;
  rootCause?: RootCause;
}

/**
 * Adds up one check's evaluations: one for a whole scan, one per segment for a segmented provider.
 * Findings stream through `sink` as they come; only FINDINGS_KEPT of them stay.
 */
export class CheckTally {
  readonly counts: FindingCounts = { pass: 0, fail: 0, excepted: 0, error: 0 };
  private seen = 0;
  private readonly notPassing: { at: number; finding: FindingResult }[] = [];
  private readonly passing: { at: number; finding: FindingResult }[] = [];
  private readonly unread: UnreadSegment[] = [];
  private readonly judged: Omit<Evaluation, 'findings'>[] = [];
  private readonly errorFindings: FindingResult[] = [];

  constructor(private readonly sink: (findings: readonly FindingResult[]) => void) {}

  /** An evaluation (status and reason) with its findings after scope and exceptions. */
  add(evaluation: Omit<Evaluation, 'findings'>, findings: readonly FindingResult[]): void {
    this.judged.push({
      status: evaluation.status,
      ...(evaluation.reason ? { reason: evaluation.reason } : {}),
      ...(evaluation.rootCause ? { rootCause: evaluation.rootCause } : {}),
    });
    this.take(findings);
  }

  /** A segment whose key failed or was skipped: one `error` finding on the segment, unless all are. */
  addUnread(segment: UnreadSegment): void {
    this.unread.push(segment);
  }

  result(): Tallied {
    if (this.judged.length === 0) {
      const status = this.unread.every((u) => u.status === 'skipped') ? 'skipped' : 'error';
      const decisive = this.unread.find((u) => u.status === status);
      if (!decisive) return this.finish({ status: 'error', reason: 'nothing was evaluated' });
      const { reason, rootCause } = decisive;
      return this.finish({ status, reason, ...(rootCause ? { rootCause } : {}) });
    }
    this.take(
      this.unread.map((u): FindingResult => ({
        resource: u.resource,
        status: 'error',
        message: `not checked: ${u.reason}`,
        cause: u.cause ?? { kind: u.status === 'skipped' ? 'permission' : 'other', message: u.reason },
      })),
    );
    if (this.judged.length === 1 && this.unread.length === 0) return this.finish(this.judged[0]!);
    const errored = this.judged.find((e) => e.status === 'error');
    const rootCause = this.unread.find((u) => u.rootCause)?.rootCause ?? errored?.rootCause;
    if (this.counts.error > 0)
      return this.finish({
        status: 'error',
        reason: notCheckedReason(this.errorFindings, this.counts.error),
        ...(rootCause ? { rootCause } : {}),
      });
    if (errored) return this.finish(errored);
    // A segment with nothing in scope says nothing about the others.
    const evaluated = this.judged.filter((e) => e.status !== 'skipped');
    if (evaluated.length === 0) return this.finish(this.judged[0]!);
    return this.finish({ status: this.counts.fail > 0 ? 'fail' : 'pass' });
  }

  private take(findings: readonly FindingResult[]): void {
    if (findings.length === 0) return;
    this.sink(findings);
    for (const finding of findings) {
      const at = this.seen++;
      if (finding.status === 'pass') this.counts.pass++;
      else if (finding.status === 'error') this.counts.error++;
      else if (finding.exception) this.counts.excepted++;
      else this.counts.fail++;
      if (finding.status === 'error' && this.errorFindings.length < FINDINGS_KEPT)
        this.errorFindings.push(finding);
      this.keep(at, finding);
    }
  }

  /** Keeps non-passing findings first, then the earliest passes, FINDINGS_KEPT in all. */
  private keep(at: number, finding: FindingResult): void {
    const full = this.notPassing.length + this.passing.length >= FINDINGS_KEPT;
    if (finding.status === 'pass') {
      if (!full) this.passing.push({ at, finding });
      return;
    }
    if (this.notPassing.length >= FINDINGS_KEPT) return;
    if (full) this.passing.pop();
    this.notPassing.push({ at, finding });
  }

  private finish(evaluation: Omit<Evaluation, 'findings'>): Tallied {
    const kept = [...this.notPassing, ...this.passing].sort((a, b) => a.at - b.at);
    return {
      status: evaluation.status,
      ...(evaluation.reason ? { reason: evaluation.reason } : {}),
      ...(evaluation.rootCause ? { rootCause: evaluation.rootCause } : {}),
      findings: kept.map((k) => k.finding),
      counts: { ...this.counts },
      omitted: this.seen - kept.length,
    };
  }
}
