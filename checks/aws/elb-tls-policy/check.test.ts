// configuration.Protocol / SslPolicy: AWS Config resource schema for AWS::ElasticLoadBalancingV2::Listener
// (awslabs/aws-config-resource-schema; vendored in test/fixtures/vendor-schemas/aws-config). Policy
// names and their protocols:
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::ElasticLoadBalancingV2::Listener';
const listener = (id: string, SslPolicy: string, Protocol = 'HTTPS') =>
  ci(TYPE, id, {
    Protocol,
    Port: 443,
    SslPolicy,
    Certificates: [{ CertificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/1' }],
  });

describeCheck(check, [
  ...resourceCheckCases(
    TYPE,
    listener('good', 'ELBSecurityPolicy-TLS13-1-2-2021-06'),
    listener('bad', 'ELBSecurityPolicy-2016-08'),
  ),
  {
    name: 'TLS 1.2+ policies pass: restricted, FIPS, post-quantum, TLS-1-2, FS-1-2',
    data: {
      'aws.config.resources': resources([
        listener('a', 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06'),
        listener('b', 'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04'),
        listener('c', 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09'),
        listener('d', 'ELBSecurityPolicy-TLS-1-2-Ext-2018-06'),
        listener('e', 'ELBSecurityPolicy-FS-1-2-Res-2020-10'),
        listener('f', 'ELBSecurityPolicy-TLS13-1-3-2021-06', 'TLS'),
      ]),
    },
    status: 'pass',
    passing: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => arnOf(TYPE, id)),
  },
  {
    name: 'policies accepting TLS 1.0 or 1.1 fail',
    data: {
      'aws.config.resources': resources([
        listener('a', 'ELBSecurityPolicy-TLS13-1-1-2021-06'),
        listener('b', 'ELBSecurityPolicy-TLS-1-1-2017-01'),
        listener('c', 'ELBSecurityPolicy-FS-1-1-2019-08'),
        listener('d', 'ELBSecurityPolicy-TLS13-1-0-2021-06'),
      ]),
    },
    status: 'fail',
    failing: ['a', 'b', 'c', 'd'].map((id) => arnOf(TYPE, id)),
  },
  {
    name: 'an allowed policy passes; HTTP listeners are not judged',
    data: {
      'aws.config.resources': resources([
        listener('legacy', 'ELBSecurityPolicy-2016-08'),
        ci(TYPE, 'plain', { Protocol: 'HTTP', Port: 80 }),
      ]),
    },
    options: { allowed: ['ELBSecurityPolicy-2016-08'] },
    status: 'pass',
    passing: [arnOf(TYPE, 'legacy')],
  },
]);
