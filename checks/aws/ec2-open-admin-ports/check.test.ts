import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::EC2::SecurityGroup';
const good = ci(
  TYPE,
  'good',
  ...([
    {
      groupName: 'web',
      ipPermissions: [
        {
          ipProtocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          ipRanges: ['0.0.0.0/0'],
          ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
        },
        { ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipv4Ranges: [{ cidrIp: '10.0.0.0/8' }] },
      ],
    },
    {},
  ] as [Record<string, unknown>, Record<string, unknown>]),
);
const bad = ci(
  TYPE,
  'bad',
  ...([
    {
      groupName: 'ssh',
      ipPermissions: [
        {
          ipProtocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          ipRanges: ['0.0.0.0/0'],
          ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
        },
      ],
    },
    {},
  ] as [Record<string, unknown>, Record<string, unknown>]),
);

describeCheck(check, [
  ...resourceCheckCases(TYPE, good, bad),
  {
    name: 'all traffic from ::/0 fails',
    data: {
      'aws.config.resources': resources([
        ci(TYPE, 'all', { ipPermissions: [{ ipProtocol: '-1', ipv6Ranges: [{ cidrIpv6: '::/0' }] }] }),
      ]),
    },
    status: 'fail',
    message: /all ports/,
  },
  {
    name: 'a port range covering RDP fails',
    data: {
      'aws.config.resources': resources([
        ci(TYPE, 'range', {
          ipPermissions: [
            { ipProtocol: 'tcp', fromPort: 3000, toPort: 4000, ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] },
          ],
        }),
      ]),
    },
    status: 'fail',
    message: /tcp\/3389/,
  },
  {
    name: 'ports are configurable',
    data: {
      'aws.config.resources': resources([
        ci(TYPE, 'pg', {
          ipPermissions: [{ ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, ipRanges: ['0.0.0.0/0'] }],
        }),
      ]),
    },
    options: { ports: [22, 3389, 5432] },
    status: 'fail',
  },
  {
    name: 'ICMP from anywhere is not an admin port',
    data: {
      'aws.config.resources': resources([
        ci(TYPE, 'icmp', {
          ipPermissions: [{ ipProtocol: 'icmp', fromPort: -1, toPort: -1, ipRanges: ['0.0.0.0/0'] }],
        }),
      ]),
    },
    status: 'pass',
  },
]);
