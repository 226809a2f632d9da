// configuration.publicIpAddress and networkInterfaces[].association.publicIp /
// privateIpAddresses[].association.publicIp: AWS Config resource schema for AWS::EC2::Instance
// (awslabs/aws-config-resource-schema; vendored in test/fixtures/vendor-schemas/aws-config).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::EC2::Instance';
const eni = (publicIp?: string) => ({
  networkInterfaceId: 'eni-1',
  privateIpAddress: '10.0.1.5',
  privateIpAddresses: [
    { primary: true, privateIpAddress: '10.0.1.5', ...(publicIp ? { association: { publicIp } } : {}) },
  ],
});
const instance = (id: string, fields: Record<string, unknown>, name?: string) => ({
  ...ci(TYPE, id, {
    instanceId: id,
    state: { code: 16, name: 'running' },
    privateIpAddress: '10.0.1.5',
    ...fields,
  }),
  ...(name ? { tags: [{ key: 'Name', value: name }] } : {}),
});

describeCheck(check, [
  ...resourceCheckCases(
    TYPE,
    instance('i-private', { networkInterfaces: [eni()] }),
    instance('i-public', { publicIpAddress: '203.0.113.10', networkInterfaces: [eni('203.0.113.10')] }),
  ),
  {
    name: 'a public address only on a secondary private IP is found',
    data: {
      'aws.config.resources': resources([instance('i-eni', { networkInterfaces: [eni('198.51.100.7')] })]),
    },
    status: 'fail',
    failing: [arnOf(TYPE, 'i-eni')],
    message: /198\.51\.100\.7/,
  },
  {
    name: 'an allowed instance (by Name tag, wildcard) passes with its address',
    data: {
      'aws.config.resources': resources([
        instance('i-bastion', { publicIpAddress: '203.0.113.9' }, 'bastion-1'),
      ]),
    },
    options: { allowed: ['bastion-*'] },
    status: 'pass',
    passing: [arnOf(TYPE, 'i-bastion')],
  },
]);
