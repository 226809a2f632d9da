import { applyBaseline } from '../core/baseline.js';
import { historyWith, type HistoryRecord } from '../core/history.js';
import { InterruptedError } from '../engine/errors.js';
import type { ScanResult } from '../engine/result.js';
import { reclaimMemory, watchMemory } from '../engine/reclaim.js';
import { runScan, type ScanOptions, type ScanOutcome } from '../engine/scan.js';
import type { Reporter } from '../report/index.js';
import { EvidenceWriter } from './evidence-writer.js';
import { StagedOutput } from './output-dir.js';
import { provenance, ScanInputs } from './provenance.js';
import { completeScanOutput, scanContext } from './scan-output.js';
import { withPopulations } from './population-file.js';
import { diskSegmentStore, FindingSpools } from './scratch.js';
import type { ResumeJournal } from './resume.js';

export interface ScanIntoOutputOptions extends Omit<
  ScanOptions,
  'onEvidence' | 'onEvidenceItem' | 'onEvidencePart'
> {
  outDir: string;
  reporters: readonly Reporter[];
  baseline?: { report: ScanResult; file: string };
  /** The history store's records before this scan: the reports show the trend with this scan added. */
  history?: readonly HistoryRecord[];
  /** Where complete keys are recorded for `--resume`; removed once the output is in place. */
  journal?: ResumeJournal;
  /** Called with the outcome while its segments are still stored (to save a snapshot), before the swap. */
  onOutcome?: (outcome: ScanOutcome) => void;
  /** Called with the staging folder once it exists, so a second interrupt can drop it at once. */
  onStaged?: (output: StagedOutput) => void;
}

/**
 * Runs a scan into an output folder: evidence is written into a staging folder as each key is
 * collected; the folder replaces the old output only once the whole scan is done, and is dropped if the
 * scan fails or its signal is aborted (InterruptedError), leaving the previous output untouched.
 */
export async function scanIntoOutput(options: ScanIntoOutputOptions): Promise<{ result: ScanResult }> {
  const { outDir, reporters, baseline, history, onStaged, onOutcome, journal, ...scan } = options;
  const output = StagedOutput.open(outDir);
  onStaged?.(output);
  const evidenceWriter = new EvidenceWriter(output);
  const inputs = new ScanInputs();
  const segmentStore = diskSegmentStore(output);
  const findings = new FindingSpools(output);
  /** Collects and judges; the collected data is dropped when this returns, before the reports. */
  const scanAndRecord = async (): Promise<ScanResult> => {
    const outcome = await runScan({
      ...scan,
      segmentStore,
      onFindings: (checkId, list) => findings.add(checkId, list),
      onEvidence: (evidence) => {
        inputs.record(evidence.key, evidence.entry);
        evidenceWriter.entry(evidence);
        if (evidence.provenance) journal?.add(evidence.key, undefined, evidence.entry, evidence.provenance);
      },
      onEvidenceItem: (item) => evidenceWriter.item(item),
      onEvidencePart: (part) => {
        evidenceWriter.part(part);
        journal?.add(part.key, part.segment, part.entry, part.provenance);
      },
    });
    evidenceWriter.finishParts(
      (key) => outcome.segments.collected.find((c) => c.keys.includes(key))?.ids ?? [],
    );
    reclaimMemory();
    const period = withPopulations(outcome, scan.config.period);
    for (const file of period.files) output.write(file);
    const result = baseline ? applyBaseline(period.result, baseline.report, baseline.file) : period.result;
    if (scan.signal?.aborted) throw new InterruptedError(String(scan.signal.reason));
    onOutcome?.({ ...outcome, result });
    return result;
  };
  // Until the reports are written, not only while runScan collects and judges.
  const stopWatching = watchMemory();
  try {
    const result = await scanAndRecord();
    reclaimMemory();
    const custody = {
      inputs: inputs.list(),
      provenance: provenance(scan.config, scan.catalog, result, inputs),
    };
    completeScanOutput(
      output,
      result,
      reporters,
      scanContext({ ...scan.config, ...inputs.folders }, custody),
      {
        history: history && historyWith(history, result),
        findings: (checkId) => findings.findings(checkId),
      },
      () => {
        segmentStore.clear();
        findings.remove();
      },
    );
    journal?.remove();
    return { result };
  } catch (error) {
    output.discard();
    journal?.close();
    throw error;
  } finally {
    stopWatching();
  }
}
