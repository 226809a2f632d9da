import type { Risk } from '../../../src/collectors/docs/data.js';
import { describeCheck } from '../../../test/harness/check-tester.js';
import { risk } from '../../../test/harness/people-builders.js';
import check from './check.js';

const register = (reviewedAt: string | undefined, ...risks: Risk[]) => ({
  'docs.risks': { file: '/co/risks.yaml', exists: true, reviewedAt, risks },
});

describeCheck(check, [
  {
    name: 'reviewed register with complete risks passes',
    data: register('2026-01-15', risk('R-1'), risk('R-2')),
    status: 'pass',
    passing: ['risks:register', 'risk:R-1', 'risk:R-2'],
  },
  {
    name: 'register reviewed more than 12 months ago fails',
    data: register('2025-05-01', risk('R-1')),
    status: 'fail',
    failing: ['risks:register'],
  },
  {
    name: 'register without reviewed_at fails',
    data: register(undefined, risk('R-1')),
    status: 'fail',
    failing: ['risks:register'],
  },
  {
    name: 'a risk without owner and treatment fails naming both',
    data: register('2026-01-15', risk('R-1', { owner: undefined, treatment: undefined })),
    status: 'fail',
    failing: ['risk:R-1'],
    message: /missing owner, treatment/,
  },
  {
    name: 'closed risks need no assessment',
    data: register('2026-01-15', risk('R-1'), risk('R-9', { status: 'closed', impact: undefined })),
    status: 'pass',
  },
  {
    name: 'an empty register fails',
    data: register('2026-01-15'),
    status: 'fail',
  },
  {
    name: 'a missing register file fails',
    data: { 'docs.risks': { file: '/co/risks.yaml', exists: false, risks: [] } },
    status: 'fail',
    message: /not found/,
  },
]);
