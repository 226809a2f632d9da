// configuration.groupName, ipPermissions, ipPermissionsEgress, vpcId: AWS Config resource schema for
// AWS::EC2::SecurityGroup (awslabs/aws-config-resource-schema; vendored in
// test/fixtures/vendor-schemas/aws-config). A new VPC's default group allows inbound from itself and all
// outbound: https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::EC2::SecurityGroup';
const group = (id: string, groupName: string, open: boolean) =>
  ci(TYPE, id, {
    groupId: id,
    groupName,
    vpcId: 'vpc-1',
    ipPermissions: open
      ? [
          {
            ipProtocol: '-1',
            userIdGroupPairs: [{ groupId: id, userId: '111111111111' }],
            ipRanges: [],
            ipv4Ranges: [],
          },
        ]
      : [],
    ipPermissionsEgress: open
      ? [{ ipProtocol: '-1', ipRanges: ['0.0.0.0/0'], ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] }]
      : [],
  });

describeCheck(check, [
  ...resourceCheckCases(TYPE, group('sg-good', 'default', false), group('sg-bad', 'default', true)),
  {
    name: 'other groups with rules are not judged',
    data: { 'aws.config.resources': resources([group('sg-web', 'web', true)]) },
    status: 'pass',
    passing: ['aws-account/111111111111/us-east-1'],
  },
  {
    name: 'the failure counts the rules left',
    data: { 'aws.config.resources': resources([group('sg-d', 'default', true)]) },
    status: 'fail',
    failing: [arnOf(TYPE, 'sg-d')],
    message: /1 inbound and 1 outbound/,
  },
]);
