import { defineCheck } from '../../../src/engine/check.js';
import { config, itemFinding, relatedResourceCheck, sameWord } from '../support.js';

export default defineCheck({
  id: 'aws.vpc-flow-logs',
  title: 'VPCs have flow logs',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every VPC (AWS::EC2::VPC) has an active flow log (AWS::EC2::FlowLog whose configuration.resourceId is the VPC and whose flowLogStatus is ACTIVE). A region that does not record flow logs is reported, not judged.',
  risk: 'Without flow logs there is no record of which addresses talked to which hosts, so exfiltration and lateral movement cannot be traced after an incident.',
  remediation:
    'Create a flow log per VPC (`aws ec2 create-flow-logs --resource-type VPC --resource-ids VPC --traffic-type ALL --log-destination-type s3 --log-destination BUCKET_ARN`), or enforce it with an organization-wide policy.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    const resources = data['aws.config.resources'];
    const flowLogs = resources.items.filter((i) => i.resourceType === 'AWS::EC2::FlowLog');
    return relatedResourceCheck(resources, 'AWS::EC2::VPC', 'VPC flow logs', ['AWS::EC2::FlowLog'], (vpc) => {
      const vpcId = config<string>(vpc, 'vpcId') ?? vpc.resourceId;
      const logs = flowLogs.filter(
        (f) =>
          f.accountId === vpc.accountId && f.awsRegion === vpc.awsRegion && config(f, 'resourceId') === vpcId,
      );
      const active = logs.filter((f) => sameWord(config(f, 'flowLogStatus') ?? 'ACTIVE', 'ACTIVE'));
      return itemFinding(
        vpc,
        active.length > 0,
        active.length
          ? `VPC ${vpcId} has flow log ${active.map((f) => `${f.resourceId} (${String(config(f, 'trafficType') ?? 'ALL')})`).join(', ')}`
          : `VPC ${vpcId} has no active flow log${logs.length ? ` (${logs.length} inactive)` : ''}`,
        {
          isDefault: config(vpc, 'isDefault') ?? null,
          flowLogs: logs.map((f) => ({
            id: f.resourceId,
            status: config(f, 'flowLogStatus') ?? null,
            trafficType: config(f, 'trafficType') ?? null,
            destination: config(f, 'logDestination') ?? config(f, 'logGroupName') ?? null,
          })),
        },
      );
    });
  },
});
