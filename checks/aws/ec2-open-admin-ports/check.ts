import { defineCheck } from '../../../src/engine/check.js';
import { config, itemEvidence, itemResource, resourceCheck } from '../support.js';

interface IpPermission {
  ipProtocol?: string;
  fromPort?: number;
  toPort?: number;
  ipRanges?: string[];
  ipv4Ranges?: { cidrIp?: string }[];
  ipv6Ranges?: { cidrIpv6?: string }[];
}

interface Options {
  ports: number[];
}

const WORLD = new Set(['0.0.0.0/0', '::/0']);

/** The ports of `wanted` (or "all ports") an ingress permission opens to the whole internet. */
export function openToWorld(permission: IpPermission, wanted: readonly number[]): string[] {
  const sources = [
    ...(permission.ipRanges ?? []),
    ...(permission.ipv4Ranges ?? []).map((r) => r.cidrIp ?? ''),
    ...(permission.ipv6Ranges ?? []).map((r) => r.cidrIpv6 ?? ''),
  ].filter((cidr) => WORLD.has(cidr));
  if (sources.length === 0) return [];
  const protocol = String(permission.ipProtocol ?? '-1').toLowerCase();
  const from = permission.fromPort ?? -1;
  const to = permission.toPort ?? -1;
  if (protocol === '-1' || protocol === 'all') return [`all ports from ${sources.join(', ')}`];
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== '6' && protocol !== '17') return [];
  if ((from <= 0 || from === -1) && (to >= 65535 || to === -1))
    return [`all ${protocol} ports from ${sources.join(', ')}`];
  return wanted.filter((p) => p >= from && p <= to).map((p) => `${protocol}/${p} from ${sources.join(', ')}`);
}

export default defineCheck<'aws.config.resources', Options>({
  id: 'aws.ec2-open-admin-ports',
  title: 'Security groups do not open admin ports to the internet',
  provider: 'aws',
  severity: 'high',
  description:
    'No security group allows ingress from 0.0.0.0/0 or ::/0 to SSH (22), RDP (3389), any port in `ports`, or all ports.',
  risk: 'Remote administration ports open to the internet are scanned continuously and brute-forced within minutes of exposure.',
  remediation:
    'Remove the rule (`aws ec2 revoke-security-group-ingress`) and reach instances through SSM Session Manager, a VPN or a bastion restricted to known addresses.',
  requires: ['aws.config.resources'],
  options: {
    schema: { ports: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 65535 }, minItems: 1 } },
    defaults: { ports: [22, 3389] },
  },
  evaluate(data, options) {
    return resourceCheck(
      data['aws.config.resources'],
      'AWS::EC2::SecurityGroup',
      'security groups',
      (item) => {
        const permissions = config<IpPermission[]>(item, 'ipPermissions') ?? [];
        const open = permissions.flatMap((p) => openToWorld(p, options.ports));
        const name = config<string>(item, 'groupName') ?? item.resourceName ?? item.resourceId;
        return {
          resource: itemResource(item),
          status: open.length ? 'fail' : 'pass',
          message: open.length
            ? `security group ${name} (${item.resourceId}) is open to the internet: ${open.join('; ')}`
            : `security group ${name} (${item.resourceId}) opens no admin port to the internet`,
          details: itemEvidence(item, { groupName: name, open, vpcId: config(item, 'vpcId') ?? null }),
        };
      },
    );
  },
});
