// configuration.domainName / status / type / notAfter / inUseBy: AWS Config resource schema for
// AWS::ACM::Certificate (awslabs/aws-config-resource-schema; vendored in
// test/fixtures/vendor-schemas/aws-config). Statuses:
// https://docs.aws.amazon.com/acm/latest/APIReference/API_CertificateDetail.html
import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::ACM::Certificate';
const now = new Date('2026-06-01T00:00:00Z');
const cert = (id: string, notAfter: string | number, status = 'ISSUED', type = 'AMAZON_ISSUED') =>
  ci(TYPE, id, { certificateArn: id, domainName: `${id}.example.com`, status, type, notAfter, inUseBy: [] });

describeCheck(check, [
  ...resourceCheckCases(
    TYPE,
    cert('good', '2026-12-01T00:00:00.000Z'),
    cert('bad', '2026-06-10T00:00:00.000Z'),
  ).map((c) => ({ ...c, now })),
  {
    name: 'an expired certificate fails',
    data: { 'aws.config.resources': resources([cert('old', '2026-01-01T00:00:00Z', 'EXPIRED', 'IMPORTED')]) },
    now,
    status: 'fail',
    failing: [arnOf(TYPE, 'old')],
    message: /expired on 2026-01-01/,
  },
  {
    name: 'epoch seconds are read as a date',
    data: { 'aws.config.resources': resources([cert('epoch', Date.parse('2027-01-01T00:00:00Z') / 1000)]) },
    now,
    status: 'pass',
    passing: [arnOf(TYPE, 'epoch')],
  },
  {
    name: 'pending or failed certificates are not judged',
    data: {
      'aws.config.resources': resources([
        cert('pending', '', 'PENDING_VALIDATION'),
        cert('failed', '', 'FAILED'),
      ]),
    },
    now,
    status: 'pass',
    passing: ['aws-account/111111111111/us-east-1'],
  },
  {
    name: 'minDays is an option',
    data: { 'aws.config.resources': resources([cert('soon', '2026-07-15T00:00:00Z')]) },
    now,
    options: { minDays: 60 },
    status: 'fail',
    message: /expires in 44 days .*under 60/,
  },
]);
