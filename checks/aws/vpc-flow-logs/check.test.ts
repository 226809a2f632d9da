// AWS::EC2::VPC configuration.vpcId/isDefault and AWS::EC2::FlowLog configuration.resourceId,
// flowLogStatus, trafficType, logDestination: AWS Config resource schema
// (awslabs/aws-config-resource-schema; vendored in test/fixtures/vendor-schemas/aws-config).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, recording, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const VPC = 'AWS::EC2::VPC';
const vpc = (id: string) =>
  ci(VPC, id, { vpcId: id, cidrBlock: '10.0.0.0/16', isDefault: false, state: 'available' });
const flowLog = (id: string, vpcId: string, flowLogStatus = 'ACTIVE') =>
  ci('AWS::EC2::FlowLog', id, {
    flowLogId: id,
    resourceId: vpcId,
    flowLogStatus,
    trafficType: 'ALL',
    logDestinationType: 's3',
    logDestination: 'arn:aws:s3:::flow-logs',
  });
const log = flowLog('fl-1', 'vpc-good');

describeCheck(check, [
  // The shared cases, each with the flow log of the compliant VPC recorded beside it.
  ...resourceCheckCases(VPC, vpc('vpc-good'), vpc('vpc-bad')).map((c) => {
    const recorded = c.data['aws.config.resources'] as ReturnType<typeof resources>;
    return { ...c, data: { 'aws.config.resources': { ...recorded, items: [...recorded.items, log] } } };
  }),
  {
    name: 'an inactive flow log does not count',
    data: { 'aws.config.resources': resources([vpc('vpc-x'), flowLog('fl-2', 'vpc-x', 'INACTIVE')]) },
    status: 'fail',
    failing: [arnOf(VPC, 'vpc-x')],
    message: /1 inactive/,
  },
  {
    name: 'a region that does not record flow logs is reported once, its VPCs not judged',
    data: {
      'aws.config.resources': resources([vpc('vpc-y')], [{ ...recording(), resourceTypes: [VPC] }]),
    },
    status: 'fail',
    failing: ['aws-account/111111111111/us-east-1'],
    message: /does not record AWS::EC2::FlowLog/,
  },
]);
