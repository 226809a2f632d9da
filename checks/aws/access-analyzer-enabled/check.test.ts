// configuration.AnalyzerName / Type / Arn: AWS Config resource schema for AWS::AccessAnalyzer::Analyzer
// (awslabs/aws-config-resource-schema; vendored in test/fixtures/vendor-schemas/aws-config). Types
// ACCOUNT, ORGANIZATION, ACCOUNT_UNUSED_ACCESS, ORGANIZATION_UNUSED_ACCESS:
// https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CreateAnalyzer.html
import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, recording, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::AccessAnalyzer::Analyzer';
const analyzer = (name: string, Type: string, where: { accountId?: string; region?: string } = {}) =>
  ci(TYPE, name, { AnalyzerName: name, Type, ArchiveRules: [] }, {}, where);
const B = '222222222222';
const scanned = (mode: 'single' | 'organization') => ({
  mode,
  callerAccount: '111111111111',
  partition: 'aws',
  regions: ['us-east-1', 'eu-west-1'],
  accounts: [
    { id: '111111111111', name: 'prod', access: 'caller' as const },
    { id: B, name: 'security', access: 'assumed-role' as const },
  ],
});
const org = scanned('organization');

describeCheck(check, [
  {
    name: 'an account analyzer passes its region',
    data: { 'aws.accounts': org, 'aws.config.resources': resources([analyzer('external', 'ACCOUNT')]) },
    status: 'pass',
    passing: ['aws-account/111111111111/us-east-1'],
  },
  {
    name: "an organization analyzer in the region covers member accounts, another account's account analyzer does not",
    data: {
      'aws.accounts': org,
      'aws.config.resources': resources(
        [analyzer('org', 'ORGANIZATION', { accountId: B })],
        [recording(), recording(B), recording(B, 'eu-west-1')],
      ),
    },
    status: 'fail',
    failing: ['aws-account/222222222222/eu-west-1'],
  },
  {
    name: 'an unused-access analyzer does not count',
    data: {
      'aws.accounts': org,
      'aws.config.resources': resources([analyzer('unused', 'ACCOUNT_UNUSED_ACCESS')]),
    },
    status: 'fail',
    failing: ['aws-account/111111111111/us-east-1'],
  },
  {
    name: 'an account analyzer of another account does not count',
    data: {
      'aws.accounts': org,
      'aws.config.resources': resources(
        [analyzer('theirs', 'ACCOUNT', { accountId: B })],
        [recording(), recording(B)],
      ),
    },
    status: 'fail',
    failing: ['aws-account/111111111111/us-east-1'],
  },
  {
    name: 'outside an organization scan, an organization analyzer covers only its own account',
    data: {
      'aws.accounts': scanned('single'),
      'aws.config.resources': resources(
        [analyzer('org', 'ORGANIZATION', { accountId: B })],
        [recording(), recording(B)],
      ),
    },
    status: 'fail',
    failing: ['aws-account/111111111111/us-east-1'],
  },
]);
