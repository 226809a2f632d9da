import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

const now = new Date('2026-06-30T12:00:00Z');
const alert = (number: number, severity: string, daysOld: number, state = 'open') => ({
  number,
  state,
  created_at: new Date(now.getTime() - daysOld * 86_400_000).toISOString(),
  html_url: `https://github.com/acme/api/security/dependabot/${number}`,
  repository: { full_name: 'acme/api' },
  dependency: { package: { ecosystem: 'npm', name: 'lodash' } },
  security_advisory: { ghsa_id: 'GHSA-xxxx', summary: 'Prototype pollution', severity },
});

describeCheck(check, [
  {
    name: 'passes with no alerts',
    data: { 'github.dependabotAlerts': [] },
    status: 'pass',
    passing: ['Dependabot alerts'],
  },
  {
    name: 'passes with a critical alert within its 7 days',
    data: { 'github.dependabotAlerts': [alert(1, 'critical', 7)] },
    status: 'pass',
  },
  {
    name: 'passes exactly at the SLA',
    data: { 'github.dependabotAlerts': [alert(1, 'high', 30)] },
    status: 'pass',
  },
  {
    name: 'fails a critical alert older than 7 days',
    data: { 'github.dependabotAlerts': [alert(1, 'critical', 8), alert(2, 'high', 5)] },
    status: 'fail',
    failing: ['acme/api Dependabot alert #1'],
    message: /critical alert open 8 days \(SLA 7\): lodash/,
  },
  {
    name: 'gives medium alerts 90 days',
    data: { 'github.dependabotAlerts': [alert(1, 'medium', 90), alert(2, 'medium', 91)] },
    status: 'fail',
    failing: ['acme/api Dependabot alert #2'],
    message: /medium alert open 91 days \(SLA 90\)/,
  },
  {
    name: 'ignores low alerts by default',
    data: { 'github.dependabotAlerts': [alert(1, 'low', 300)] },
    status: 'pass',
  },
  {
    name: 'ignores alerts that are not open',
    data: { 'github.dependabotAlerts': [alert(1, 'critical', 300, 'dismissed')] },
    status: 'pass',
  },
  {
    name: 'honors a shorter SLA, judging only the severities it lists',
    data: { 'github.dependabotAlerts': [alert(1, 'high', 10), alert(2, 'critical', 300)] },
    options: { slaDays: { high: 7 } },
    status: 'fail',
    failing: ['acme/api Dependabot alert #1'],
  },
]);
