// configuration.Name / ResourcesVpcConfig.EndpointPublicAccess / EndpointPrivateAccess /
// PublicAccessCidrs: AWS Config resource schema for AWS::EKS::Cluster (awslabs/aws-config-resource-schema;
// vendored in test/fixtures/vendor-schemas/aws-config). publicAccessCidrs defaults to 0.0.0.0/0:
// https://docs.aws.amazon.com/eks/latest/APIReference/API_VpcConfigRequest.html
import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::EKS::Cluster';
const cluster = (name: string, vpc: Record<string, unknown>) =>
  ci(TYPE, name, {
    Name: name,
    Version: '1.31',
    ResourcesVpcConfig: { SubnetIds: ['subnet-1'], SecurityGroupIds: [], ...vpc },
  });

describeCheck(check, [
  ...resourceCheckCases(
    TYPE,
    cluster('private', { EndpointPublicAccess: false, EndpointPrivateAccess: true }),
    cluster('open', {
      EndpointPublicAccess: true,
      EndpointPrivateAccess: false,
      PublicAccessCidrs: ['0.0.0.0/0'],
    }),
  ),
  {
    name: 'a public endpoint limited to office ranges passes',
    data: {
      'aws.config.resources': resources([
        cluster('office', { EndpointPublicAccess: true, PublicAccessCidrs: ['203.0.113.0/24'] }),
      ]),
    },
    status: 'pass',
    passing: [arnOf(TYPE, 'office')],
  },
  {
    name: 'a public endpoint without recorded CIDRs is open (the API default)',
    data: { 'aws.config.resources': resources([cluster('default', { EndpointPublicAccess: true })]) },
    status: 'fail',
    failing: [arnOf(TYPE, 'default')],
  },
]);
