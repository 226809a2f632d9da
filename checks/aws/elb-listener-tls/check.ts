import { defineCheck } from '../../../src/engine/check.js';
import { config, itemFinding, resourceCheck, sameWord } from '../support.js';

interface Action {
  Type?: string;
  RedirectConfig?: { Protocol?: string; Port?: string; StatusCode?: string };
}

export default defineCheck({
  id: 'aws.elb-listener-tls',
  title: 'Load balancer listeners use TLS or redirect to HTTPS',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every Application or Network Load Balancer listener (AWS::ElasticLoadBalancingV2::Listener) speaks HTTPS or TLS, or is an HTTP listener whose default action redirects to HTTPS (DefaultActions Type `redirect`, RedirectConfig.Protocol `HTTPS`). TCP, UDP and GENEVE listeners are not judged.',
  risk: 'A plain HTTP listener sends session cookies, credentials and customer data across the internet unencrypted.',
  remediation:
    'Add an HTTPS listener with an ACM certificate and change the HTTP listener default action to a redirect (`aws elbv2 modify-listener --listener-arn ARN --default-actions Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}`).',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return resourceCheck(
      data['aws.config.resources'],
      'AWS::ElasticLoadBalancingV2::Listener',
      'load balancer listeners',
      (item) => {
        const protocol = String(config<string>(item, 'Protocol') ?? '').toUpperCase();
        const port = config<number>(item, 'Port');
        const where = `listener ${protocol}:${port ?? '?'} of ${config<string>(item, 'LoadBalancerArn') ?? 'its load balancer'}`;
        if (protocol === 'HTTPS' || protocol === 'TLS') {
          return itemFinding(item, true, `${where} uses ${protocol}`, { protocol, port: port ?? null });
        }
        if (protocol !== 'HTTP') return undefined;
        const redirects = (config<Action[]>(item, 'DefaultActions') ?? []).some(
          (a) => sameWord(a.Type, 'redirect') && sameWord(a.RedirectConfig?.Protocol, 'HTTPS'),
        );
        return itemFinding(
          item,
          redirects,
          redirects
            ? `${where} redirects to HTTPS`
            : `${where} serves plain HTTP without redirecting to HTTPS`,
          { protocol, port: port ?? null, redirectsToHttps: redirects },
        );
      },
    );
  },
});
