import type { Vendor } from '../../../src/collectors/docs/data.js';
import { describeCheck } from '../../../test/harness/check-tester.js';
import { vendor } from '../../../test/harness/people-builders.js';
import check from './check.js';

const register = (reviewedAt: string | undefined, ...vendors: Vendor[]) => ({
  'docs.vendors': { file: '/co/vendors.yaml', exists: true, reviewedAt, vendors },
});

describeCheck(check, [
  {
    name: 'critical vendor with a current SOC 2 report passes',
    data: register('2026-02-01', vendor('AWS')),
    status: 'pass',
    passing: ['vendor:AWS', 'vendors:register'],
  },
  {
    name: 'critical vendor whose report period ended over a year ago fails',
    data: register('2026-02-01', vendor('Ledgerly', { soc2: { type: 'type2', periodEnd: '2025-03-31' } })),
    status: 'fail',
    failing: ['vendor:Ledgerly'],
    message: /period ended 2025-03-31/,
  },
  {
    name: 'an expired report is covered by a recent security review',
    data: register(
      '2026-02-01',
      vendor('Ledgerly', { soc2: { periodEnd: '2025-03-31' }, lastReviewedAt: '2026-04-01' }),
    ),
    status: 'pass',
  },
  {
    name: 'critical vendor with neither report nor review fails',
    data: register('2026-02-01', vendor('Tiny', { soc2: undefined })),
    status: 'fail',
    message: /no SOC 2 report, no security review/,
  },
  {
    name: 'a register listing no vendors fails: it proves nothing',
    data: register('2026-02-01'),
    status: 'fail',
    failing: ['vendors:register'],
    message: /lists no vendors/,
  },
  {
    name: 'low-criticality vendors are not evaluated by default',
    data: register('2026-02-01', vendor('Figma', { criticality: 'low', soc2: undefined })),
    status: 'pass',
  },
  {
    name: 'minCriticality high includes high vendors',
    data: register('2026-02-01', vendor('Slack', { criticality: 'high', soc2: undefined })),
    options: { minCriticality: 'high' },
    status: 'fail',
  },
  {
    name: 'register not reviewed within 12 months fails',
    data: register('2025-01-01', vendor('AWS')),
    status: 'fail',
    failing: ['vendors:register'],
  },
  {
    name: 'a missing register fails',
    data: { 'docs.vendors': { file: '/co/vendors.yaml', exists: false, vendors: [] } },
    status: 'fail',
  },
]);
