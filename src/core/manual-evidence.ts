import type { Control } from './catalog.js';
import type { DataEntry } from './snapshot.js';
import type { ManualEvidenceResult } from './result.js';

/**
 * Decides, for each manual evidence request of a control, whether the company's evidence folder
 * satisfies it. Without an evidence index every request is outstanding.
 */
export function resolveManualEvidence(
  control: Control,
  _data: Record<string, DataEntry | undefined>,
  _now: Date,
): ManualEvidenceResult[] {
  return control.evidence.map((request) => ({
    id: request.id,
    title: request.title,
    owner: request.owner,
    frequency: request.frequency,
    freshDays: request.freshDays,
    status: 'outstanding',
    note: 'no evidence index configured',
  }));
}
