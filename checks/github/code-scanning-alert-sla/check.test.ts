import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

const now = new Date('2026-06-30T12:00:00Z');
const alert = (number: number, level: string | null, daysOld: number, ruleSeverity = 'error') => ({
  number,
  state: 'open',
  created_at: new Date(now.getTime() - daysOld * 86_400_000).toISOString(),
  html_url: `https://github.com/acme/api/security/code-scanning/${number}`,
  repository: { full_name: 'acme/api' },
  rule: {
    id: 'js/sql-injection',
    severity: ruleSeverity,
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
    // GitHub's documented example (list code scanning alerts for an organization, alert #4): open
    // since 2020, rule.severity "error", security_severity_level null.
    name: 'fails an old error-level alert that has no security severity',
    data: { 'github.codeScanningAlerts': [alert(4, null, 400)] },
    status: 'fail',
    failing: ['acme/api code scanning alert #4'],
    message: /error alert open 400 days/,
  },
  {
    name: 'a warning-level alert passes by default',
    data: { 'github.codeScanningAlerts': [alert(5, null, 400, 'warning')] },
    status: 'pass',
  },
  {
    name: 'warnings can be selected',
    data: { 'github.codeScanningAlerts': [alert(5, null, 400, 'warning')] },
    options: { slaDays: { warning: 365 } },
    status: 'fail',
    failing: ['acme/api code scanning alert #5'],
  },
  {
    name: 'the security severity decides when there is one (a low security alert on an error rule passes)',
    data: { 'github.codeScanningAlerts': [alert(6, 'low', 400)] },
    status: 'pass',
  },
]);
