import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

const now = new Date('2026-06-30T12:00:00Z');
const alert = (number: number, level: string | null, daysOld: number) => ({
  number,
  state: 'open',
  created_at: new Date(now.getTime() - daysOld * 86_400_000).toISOString(),
  html_url: `https://github.com/acme/api/security/code-scanning/${number}`,
  repository: { full_name: 'acme/api' },
  rule: {
    id: 'js/sql-injection',
    severity: 'error',
    security_severity_level: level,
    description: 'Database query built from user-controlled sources',
  },
  tool: { name: 'CodeQL' },
});

describeCheck(check, [
  { name: 'passes with no alerts', data: { 'github.codeScanningAlerts': [] }, status: 'pass' },
  {
    name: 'fails an old high alert',
    data: { 'github.codeScanningAlerts': [alert(3, 'high', 60)] },
    status: 'fail',
    failing: ['acme/api code scanning alert #3'],
    message: /high alert open 60 days/,
  },
  {
    name: 'ignores alerts without a security severity',
    data: { 'github.codeScanningAlerts': [alert(3, null, 400)] },
    status: 'pass',
  },
]);
