import { basename, relative } from 'node:path';
import type { Control, EvidenceRequest } from '../../core/catalog.js';
import type { DataEntry } from '../../core/snapshot.js';
import { outstandingEvidence, type ManualEvidenceResolver } from '../../engine/collector.js';
import type { DataMap } from '../../engine/data-map.js';
import { addDays } from '../../engine/days.js';
import type { EvidenceOccurrence, ManualEvidenceResult } from '../../engine/result.js';
import type { EvidenceItem } from './data.js';

type EvidenceIndex = DataMap['docs.evidence'];
type PolicyFolder = DataMap['docs.policies'];

/** The data keys manual evidence is resolved from: the evidence index, and the policies when asked for. */
export function manualEvidenceKeys(controls: readonly Control[]): string[] {
  const requests = controls.flatMap((c) => c.evidence);
  const keys: string[] = [];
  if (requests.length > 0) keys.push('docs.evidence');
  if (requests.some((r) => r.policy)) keys.push('docs.policies');
  return keys;
}

function unavailable(entry: DataEntry | undefined, what: string): string {
  if (!entry) return `no ${what} collected`;
  if (entry.status === 'skipped') return entry.reason;
  if (entry.status === 'error') return `${what} could not be read: ${entry.error}`;
  return '';
}

/**
 * Decides, for each manual evidence request of a control, whether the company's documents satisfy it:
 * a policy request by an approved policy whose review is not overdue, any other request by the newest
 * item of the evidence index for this control and request whose files are all present and which is
 * still fresh (performed_at + the shorter of the item's valid_days and the catalog's freshDays). Items
 * collected after the as-of date are not counted (and named in the note); every counted item is an
 * occurrence, so that a period report can ask for one per interval of the frequency.
 */
export function resolveManualEvidence(
  control: Control,
  data: Record<string, DataEntry | undefined>,
  now: Date,
): ManualEvidenceResult[] {
  const today = now.toISOString().slice(0, 10);
  return control.evidence.map((request) => {
    const base = outstandingEvidence(request);
    return request.policy
      ? { ...base, folder: 'policies', ...resolvePolicy(request, data['docs.policies'], today) }
      : { ...base, folder: 'evidence', ...resolveItem(control, request, data['docs.evidence'], today) };
  });
}

function resolvePolicy(
  request: EvidenceRequest,
  entry: DataEntry | undefined,
  today: string,
): Partial<ManualEvidenceResult> {
  if (entry?.status !== 'ok') return { status: 'outstanding', note: unavailable(entry, 'policies') };
  const folder = entry.value as PolicyFolder;
  const policy = folder.policies.find((p) => p.id === request.policy);
  if (!policy) {
    return {
      status: 'outstanding',
      note: `policy '${request.policy}' not found (${request.policy}.md in the policies folder)`,
    };
  }
  const files = [
    relative(folder.dir, policy.file)
      .split(/[\\/]+/)
      .join('/'),
  ];
  if (!policy.approvedBy || !policy.approvedAt) {
    return {
      status: 'outstanding',
      files,
      note: `policy '${policy.id}' is not approved (approved_by and approved_at)`,
    };
  }
  const collectedAt = [policy.approvedAt, policy.reviewedAt].filter(Boolean).sort().pop();
  if (policy.reviewDueAt && policy.reviewDueAt < today) {
    return {
      status: 'stale',
      files,
      ...(collectedAt ? { collectedAt } : {}),
      note: `policy '${policy.id}' review was due ${policy.reviewDueAt}`,
    };
  }
  return {
    status: 'satisfied',
    files,
    ...(collectedAt ? { collectedAt } : {}),
    note: `policy '${policy.id}' v${policy.version ?? '?'} approved by ${policy.approvedBy}`,
  };
}

function resolveItem(
  control: Control,
  request: EvidenceRequest,
  entry: DataEntry | undefined,
  today: string,
): Partial<ManualEvidenceResult> {
  if (entry?.status !== 'ok') return { status: 'outstanding', note: unavailable(entry, 'evidence index') };
  const index = entry.value as EvidenceIndex;
  if (!index.exists) return { status: 'outstanding', note: `no evidence index at ${basename(index.index)}` };
  const all = index.items.filter((item) => item.control === control.id && item.request === request.id);
  // Evidence collected after the as-of date did not exist when the data was observed (a replay).
  const later = all.filter((item) => item.collectedAt > today);
  const rejected =
    later.length > 0
      ? `; not counted: ${later.map((i) => `'${i.title}' (collected ${i.collectedAt}, line ${i.line})`).join(', ')} dated after the scan's as-of date ${today}`
      : '';
  const items = all
    .filter((item) => item.collectedAt <= today)
    .sort((a, b) => (performed(a) < performed(b) ? 1 : performed(a) > performed(b) ? -1 : 0));
  if (items.length === 0) {
    return {
      status: 'outstanding',
      note: `no item for ${control.id} / ${request.id} in the evidence index${rejected}`,
    };
  }
  const judged = items.map((item) => {
    const days = Math.min(item.validDays ?? request.freshDays, request.freshDays);
    const expiresAt = addDays(performed(item), days);
    const missing = item.files.filter((f) => !f.present).map((f) => f.path);
    return { item, expiresAt, missing, fresh: today <= expiresAt };
  });
  const occurrences = judged
    .filter((j) => j.missing.length === 0)
    .map(({ item }) => occurrenceOf(item))
    .reverse();
  const pick =
    judged.find((j) => j.missing.length === 0 && j.fresh) ?? judged.find((j) => j.missing.length === 0);
  if (!pick) {
    const first = judged[0]!;
    return {
      status: 'outstanding',
      collectedAt: first.item.collectedAt,
      files: first.item.files.map((f) => f.path),
      note: `missing file${first.missing.length > 1 ? 's' : ''}: ${first.missing.join(', ')}${rejected}`,
    };
  }
  const files = pick.item.files.map((f) => f.path);
  const signOff = pick.item.reviewedBy
    ? `; signed off by ${pick.item.reviewedBy}`
    : '; no sign-off (reviewed_by)';
  return {
    status: pick.fresh ? 'satisfied' : 'stale',
    collectedAt: pick.item.collectedAt,
    files,
    occurrences,
    note: `${pick.item.title}; ${pick.fresh ? 'fresh until' : 'expired'} ${pick.expiresAt}${signOff}${rejected}`,
  };
}

const performed = (item: EvidenceItem): string => item.performedAt ?? item.collectedAt;

function occurrenceOf(item: EvidenceItem): EvidenceOccurrence {
  return {
    performedAt: performed(item),
    ...(item.performedBy ? { performedBy: item.performedBy } : {}),
    ...(item.reviewedBy ? { reviewedBy: item.reviewedBy } : {}),
    ...(item.covers ? { covers: item.covers } : {}),
    files: item.files.map((f) => f.path),
  };
}

/** How the docs provider decides the catalog's manual evidence requests. */
export const manualEvidence: ManualEvidenceResolver = {
  keys: manualEvidenceKeys,
  resolve: resolveManualEvidence,
};
