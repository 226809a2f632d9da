import { describe, expect, it } from 'vitest';
import type { EvidenceItem } from '../../src/collectors/docs/data.js';
import type { Control } from '../../src/core/catalog.js';
import { manualEvidenceKeys, resolveManualEvidence } from '../../src/collectors/docs/manual-evidence.js';
import type { DataEntry } from '../../src/core/snapshot.js';
import { policy, policyFolder } from '../harness/people-builders.js';
import { testControl } from '../fixtures/engine.js';

const NOW = new Date('2026-06-30T12:00:00Z');

const control: Control = testControl({
  id: 'CC6-02',
  title: 'Access reviews',
  description: 'Quarterly access reviews.',
  owner: 'CTO',
  frequency: 'quarterly',
  criteria: [{ id: 'CC6.2', rationale: 'reviews remove stale access' }],
  checks: [],
  evidence: [
    {
      id: 'access-review',
      title: 'Quarterly access review',
      owner: 'CTO',
      frequency: 'quarterly',
      freshDays: 100,
    },
    {
      id: 'access-policy',
      title: 'Access control policy',
      owner: 'CTO',
      frequency: 'annually',
      freshDays: 365,
      policy: 'access-control',
    },
  ],
  source: { file: 'controls/cc6.yaml', line: 1 },
});

const item = (overrides: Partial<EvidenceItem>): EvidenceItem => ({
  control: 'CC6-02',
  request: 'access-review',
  title: 'Q2 review',
  collectedAt: '2026-05-01',
  files: [{ path: 'q2.csv', present: true, sha256: 'c'.repeat(64), size: 1 }],
  line: 2,
  ...overrides,
});

function data(
  items: EvidenceItem[],
  policies = policyFolder(policy('access-control')),
): Record<string, DataEntry> {
  return {
    'docs.evidence': {
      status: 'ok',
      value: { dir: '/co/evidence', index: '/co/evidence/index.yaml', exists: true, items },
    },
    'docs.policies': { status: 'ok', value: policies },
  };
}

const statusOf = (d: Record<string, DataEntry | undefined>) =>
  resolveManualEvidence(control, d, NOW).map((r) => [r.id, r.status, r.note]);

describe('resolveManualEvidence', () => {
  it.each([
    ['a fresh item satisfies its request', [item({})], 'satisfied', /fresh until 2026-08-09/],
    ['an item past freshDays is stale', [item({ collectedAt: '2026-01-10' })], 'stale', /expired 2026-04-20/],
    ['valid_days shorter than freshDays wins', [item({ validDays: 30 })], 'stale', /expired 2026-05-31/],
    [
      'valid_days cannot extend past freshDays',
      [item({ collectedAt: '2026-01-10', validDays: 999 })],
      'stale',
      /expired/,
    ],
    [
      'the newest present and fresh item is picked',
      [item({ collectedAt: '2026-01-10' }), item({ collectedAt: '2026-06-01', title: 'Q3' })],
      'satisfied',
      /^Q3/,
    ],
    [
      'an item with a missing file does not count',
      [item({ files: [{ path: 'q2.csv', present: false }] })],
      'outstanding',
      /missing file: q2\.csv/,
    ],
    [
      'an item for another control does not count',
      [item({ control: 'CC6-03' })],
      'outstanding',
      /no item for CC6-02 \/ access-review/,
    ],
  ])('%s', (_name, items, status, note) => {
    const [result] = resolveManualEvidence(control, data(items), NOW);
    expect(result!.status).toBe(status);
    expect(result!.note).toMatch(note);
  });

  it('an item collected after the as-of date is not counted, and the note names it', () => {
    const items = [
      item({ collectedAt: '2026-04-02', title: 'Q1 review' }),
      item({ collectedAt: '2026-07-05', title: 'Q2 review', line: 9 }),
    ];
    const [result] = resolveManualEvidence(control, data(items), NOW);
    expect(result).toMatchObject({ status: 'satisfied', collectedAt: '2026-04-02' });
    expect(result!.note).toContain(
      "not counted: 'Q2 review' (collected 2026-07-05, line 9) dated after the scan's as-of date 2026-06-30",
    );
    const [alone] = resolveManualEvidence(control, data([items[1]!]), NOW);
    expect(alone).toMatchObject({ status: 'outstanding' });
    expect(alone!.note).toMatch(
      /^no item for CC6-02 \/ access-review in the evidence index; not counted: 'Q2 review'/,
    );
  });

  it('every counted item is an occurrence with performer, sign-off and period, oldest first', () => {
    const q1 = item({
      collectedAt: '2026-04-05',
      performedAt: '2026-04-03',
      performedBy: 'Alice Nguyen',
      reviewedBy: 'Dana Reyes',
      covers: { from: '2026-01-01', to: '2026-03-31' },
    });
    const q2 = item({
      collectedAt: '2026-06-20',
      files: [{ path: 'q2.csv', present: true, sha256: 'c'.repeat(64) }],
    });
    const broken = item({ collectedAt: '2026-05-01', files: [{ path: 'gone.csv', present: false }] });
    const [result] = resolveManualEvidence(control, data([q2, broken, q1]), NOW);
    expect(result!.occurrences).toEqual([
      {
        performedAt: '2026-04-03',
        performedBy: 'Alice Nguyen',
        reviewedBy: 'Dana Reyes',
        covers: { from: '2026-01-01', to: '2026-03-31' },
        files: ['q2.csv'],
      },
      { performedAt: '2026-06-20', files: ['q2.csv'] },
    ]);
    expect(result!.note).toContain('no sign-off (reviewed_by)');
  });

  it('a fresh item reports its collection date and files', () => {
    expect(resolveManualEvidence(control, data([item({})]), NOW)[0]).toMatchObject({
      collectedAt: '2026-05-01',
      files: ['q2.csv'],
      freshDays: 100,
    });
  });

  it.each([
    ['approved and in review', policy('access-control'), 'satisfied'],
    ['not approved', policy('access-control', { approvedBy: undefined }), 'outstanding'],
    ['review overdue', policy('access-control', { reviewDueAt: '2026-06-01' }), 'stale'],
    ['missing', policy('backup'), 'outstanding'],
  ])('policy request: %s', (_name, doc, status) => {
    const result = resolveManualEvidence(control, data([], policyFolder(doc)), NOW)[1]!;
    expect(result.status).toBe(status);
  });

  it('a policy request names the policy file relative to the policies folder, and says which folder', () => {
    const [item, policyRequest] = resolveManualEvidence(control, data([]), NOW);
    expect(policyRequest).toMatchObject({ folder: 'policies', files: ['access-control.md'] });
    expect(item!.folder).toBe('evidence');
  });

  it('without the docs data every request is outstanding with the reason', () => {
    expect(
      statusOf({
        'docs.evidence': {
          status: 'skipped',
          reason: 'no evidence path configured (set `evidence` in soc2.config.yaml)',
        },
      }),
    ).toEqual([
      ['access-review', 'outstanding', 'no evidence path configured (set `evidence` in soc2.config.yaml)'],
      ['access-policy', 'outstanding', 'no policies collected'],
    ]);
    const noIndex = {
      'docs.evidence': {
        status: 'ok' as const,
        value: { dir: '/e', index: '/e/index.yaml', exists: false, items: [] },
      },
    };
    expect(statusOf(noIndex)[0]).toEqual(['access-review', 'outstanding', 'no evidence index at index.yaml']);
  });

  it('asks for docs.evidence and docs.policies only when controls request evidence', () => {
    expect(manualEvidenceKeys([control])).toEqual(['docs.evidence', 'docs.policies']);
    expect(manualEvidenceKeys([{ ...control, evidence: [control.evidence[0]!] }])).toEqual(['docs.evidence']);
    expect(manualEvidenceKeys([{ ...control, evidence: [] }])).toEqual([]);
  });
});
