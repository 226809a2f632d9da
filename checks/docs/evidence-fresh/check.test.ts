import type { EvidenceItem } from '../../../src/collectors/docs/data.js';
import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

const item = (overrides: Partial<EvidenceItem> = {}): EvidenceItem => ({
  control: 'CC6-02',
  request: 'access-review',
  title: 'Q2 access review',
  collectedAt: '2026-05-01',
  validDays: 90,
  files: [{ path: 'access/q2.csv', present: true, sha256: 'b'.repeat(64), size: 10 }],
  line: 3,
  ...overrides,
});
const index = (...items: EvidenceItem[]) => ({
  'docs.evidence': { dir: '/co/evidence', index: '/co/evidence/index.yaml', exists: true, items },
});

describeCheck(check, [
  {
    name: 'present and fresh item passes',
    data: index(item()),
    status: 'pass',
    passing: ['evidence:CC6-02/access-review@2026-05-01'],
  },
  {
    name: 'an item older than valid_days fails',
    data: index(item({ collectedAt: '2026-03-01' })),
    status: 'fail',
    message: /expired 2026-05-30/,
  },
  {
    name: 'a missing file fails',
    data: index(item({ files: [{ path: 'access/q2.csv', present: false }] })),
    status: 'fail',
    message: /not found: access\/q2\.csv/,
  },
  {
    name: 'without valid_days the default applies',
    data: index(item({ collectedAt: '2025-08-01', validDays: undefined })),
    status: 'pass',
  },
  {
    name: 'defaultValidDays option',
    data: index(item({ collectedAt: '2025-08-01', validDays: undefined })),
    options: { defaultValidDays: 180 },
    status: 'fail',
  },
  {
    name: 'no index file fails',
    data: {
      'docs.evidence': { dir: '/co/evidence', index: '/co/evidence/index.yaml', exists: false, items: [] },
    },
    status: 'fail',
    failing: ['evidence:index'],
  },
  {
    name: 'an empty index fails: nothing proves the manual controls',
    data: index(),
    status: 'fail',
    failing: ['evidence:index'],
    message: /lists no items/,
  },
]);
