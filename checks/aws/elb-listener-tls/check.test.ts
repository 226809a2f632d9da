// configuration.Protocol / Port / LoadBalancerArn / DefaultActions[].Type / RedirectConfig.Protocol:
// AWS Config resource schema for AWS::ElasticLoadBalancingV2::Listener (awslabs/aws-config-resource-schema;
// vendored in test/fixtures/vendor-schemas/aws-config).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::ElasticLoadBalancingV2::Listener';
const LB = 'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/web/50dc6c495c0c9188';
const listener = (id: string, Protocol: string, Port: number, DefaultActions: unknown[]) =>
  ci(TYPE, id, { ListenerArn: id, LoadBalancerArn: LB, Protocol, Port, DefaultActions });
const forward = [
  {
    Type: 'forward',
    TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/web/1',
  },
];
const redirect = [
  {
    Type: 'redirect',
    RedirectConfig: {
      Protocol: 'HTTPS',
      Port: '443',
      Host: '#{host}',
      Path: '/#{path}',
      Query: '#{query}',
      StatusCode: 'HTTP_301',
    },
  },
];

describeCheck(check, [
  ...resourceCheckCases(
    TYPE,
    listener('https', 'HTTPS', 443, forward),
    listener('http', 'HTTP', 80, forward),
  ),
  {
    name: 'an HTTP listener that redirects to HTTPS passes',
    data: { 'aws.config.resources': resources([listener('redir', 'HTTP', 80, redirect)]) },
    status: 'pass',
    passing: [arnOf(TYPE, 'redir')],
  },
  {
    name: 'a TCP listener is not judged',
    data: { 'aws.config.resources': resources([listener('tcp', 'TCP', 5432, forward)]) },
    status: 'pass',
    passing: ['aws-account/111111111111/us-east-1'],
  },
  {
    name: 'an HTTP listener redirecting to another HTTP URL fails',
    data: {
      'aws.config.resources': resources([
        listener('redir-http', 'HTTP', 80, [
          { Type: 'redirect', RedirectConfig: { Protocol: 'HTTP', Port: '8080', StatusCode: 'HTTP_302' } },
        ]),
      ]),
    },
    status: 'fail',
    message: /without redirecting to HTTPS/,
  },
]);
