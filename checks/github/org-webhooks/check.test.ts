import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

const hook = (id: number, config: object) => ({ id, name: 'web', active: true, events: ['*'], config });

describeCheck(check, [
  {
    name: 'passes a well configured webhook',
    data: {
      'github.orgWebhooks': [
        hook(1, { url: 'https://siem.example.com/…', insecure_ssl: '0', secret: '********' }),
      ],
    },
    status: 'pass',
    passing: ['organization webhook 1 (siem.example.com)'],
  },
  {
    name: 'passes with no webhooks',
    data: { 'github.orgWebhooks': [] },
    status: 'pass',
    passing: ['organization (Example Corp)'],
  },
  {
    name: 'fails http without a secret',
    data: { 'github.orgWebhooks': [hook(2, { url: 'http://old.example.com/…', insecure_ssl: '0' })] },
    status: 'fail',
    failing: ['organization webhook 2 (old.example.com)'],
    message: /plain http URL, no secret/,
  },
]);
