import { defineCheck } from '../../../src/engine/check.js';
import { config, itemFinding, resourceCheck } from '../support.js';

export default defineCheck({
  id: 'aws.ec2-default-security-group-closed',
  title: 'Default security groups allow no traffic',
  provider: 'aws',
  severity: 'medium',
  description:
    'The default security group of every VPC (configuration.groupName `default`) has no inbound and no outbound rules (ipPermissions and ipPermissionsEgress empty). Other groups are not judged.',
  risk: 'Resources launched without an explicit group land in the default one; if it allows traffic, they talk to each other and out to the internet unnoticed.',
  remediation:
    'Remove every rule from each default group (`aws ec2 revoke-security-group-ingress` / `revoke-security-group-egress`) and give resources purpose-built groups.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return resourceCheck(
      data['aws.config.resources'],
      'AWS::EC2::SecurityGroup',
      'default security groups',
      (item) => {
        if (config<string>(item, 'groupName') !== 'default') return undefined;
        const inbound = (config<unknown[]>(item, 'ipPermissions') ?? []).length;
        const outbound = (config<unknown[]>(item, 'ipPermissionsEgress') ?? []).length;
        const closed = inbound + outbound === 0;
        const vpc = config<string>(item, 'vpcId') ?? 'EC2-Classic';
        return itemFinding(
          item,
          closed,
          closed
            ? `default security group ${item.resourceId} of ${vpc} allows no traffic`
            : `default security group ${item.resourceId} of ${vpc} has ${inbound} inbound and ${outbound} outbound rules`,
          { vpcId: vpc, inboundRules: inbound, outboundRules: outbound },
        );
      },
    );
  },
});
