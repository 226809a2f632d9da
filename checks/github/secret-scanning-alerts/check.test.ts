import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

const now = new Date('2026-06-30T12:00:00Z');
const alert = (number: number, daysOld: number) => ({
  number,
  state: 'open',
  created_at: new Date(now.getTime() - daysOld * 86_400_000).toISOString(),
  html_url: `https://github.com/acme/api/security/secret-scanning/${number}`,
  repository: { full_name: 'acme/api' },
  secret_type: 'aws_access_key_id',
  secret_type_display_name: 'Amazon AWS Access Key ID',
});

describeCheck(check, [
  { name: 'passes with no alerts', data: { 'github.secretScanningAlerts': [] }, status: 'pass' },
  {
    name: 'passes with a fresh alert',
    data: { 'github.secretScanningAlerts': [alert(1, 2)] },
    status: 'pass',
  },
  {
    name: 'fails an old open alert',
    data: { 'github.secretScanningAlerts': [alert(1, 2), alert(2, 20)] },
    status: 'fail',
    failing: ['acme/api secret scanning alert #2'],
    message: /Amazon AWS Access Key ID exposed and open for 20 days/,
  },
]);
