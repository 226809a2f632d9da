import { defineCheck } from '../../../src/engine/check.js';
import { config, globToRegExp, itemFinding, itemName, resourceCheck, sameWord } from '../support.js';

interface Association {
  publicIp?: string;
}
interface NetworkInterface {
  association?: Association;
  privateIpAddresses?: { association?: Association }[];
}

interface Options {
  allowed: string[];
}

export default defineCheck<'aws.config.resources', Options>({
  id: 'aws.ec2-public-ip',
  title: 'EC2 instances have no public IP address',
  provider: 'aws',
  severity: 'medium',
  description:
    'No EC2 instance that is not terminated has a public IPv4 address (configuration.publicIpAddress, or an association.publicIp on one of its networkInterfaces), unless its instance id or Name is in `allowed`.',
  risk: 'An instance with a public address is one security group mistake away from the internet; production hosts belong in private subnets behind load balancers.',
  remediation:
    'Move the workload to private subnets behind a load balancer or NAT gateway, release Elastic IPs that are not needed, and turn off auto-assign public IPv4 on the subnets (`aws ec2 modify-subnet-attribute --no-map-public-ip-on-launch`).',
  requires: ['aws.config.resources'],
  options: {
    schema: { allowed: { type: 'array', items: { type: 'string', minLength: 1 } } },
    defaults: { allowed: [] },
  },
  evaluate(data, options) {
    const allowed = options.allowed.map(globToRegExp);
    return resourceCheck(data['aws.config.resources'], 'AWS::EC2::Instance', 'EC2 instances', (item) => {
      if (sameWord(config<{ name?: string }>(item, 'state')?.name, 'terminated')) return undefined;
      const interfaces = config<NetworkInterface[]>(item, 'networkInterfaces') ?? [];
      const addresses = new Set(
        [
          config<string>(item, 'publicIpAddress'),
          ...interfaces.flatMap((n) => [
            n.association?.publicIp,
            ...(n.privateIpAddresses ?? []).map((p) => p.association?.publicIp),
          ]),
        ].filter((ip): ip is string => typeof ip === 'string' && ip !== ''),
      );
      const name = item.tags?.find((t) => t.key === 'Name')?.value;
      const exempt = allowed.some((re) => re.test(item.resourceId) || (name !== undefined && re.test(name)));
      const label = `instance ${item.resourceId}${name ? ` (${name})` : ''}`;
      const ok = addresses.size === 0 || exempt;
      return itemFinding(
        item,
        ok,
        addresses.size === 0
          ? `${label} has no public IP address`
          : `${label} has public IP ${[...addresses].join(', ')}${exempt ? ' (allowed)' : ''}`,
        { publicIps: [...addresses], name: name ?? itemName(item), allowed: exempt },
      );
    });
  },
});
