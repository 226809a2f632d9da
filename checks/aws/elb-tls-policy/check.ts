import { defineCheck } from '../../../src/engine/check.js';
import { config, itemFinding, resourceCheck } from '../support.js';

interface Options {
  allowed: string[];
}

/**
 * Predefined policies whose oldest protocol is TLS 1.2 or 1.3: `TLS13-1-2`/`TLS13-1-3` (incl. FIPS and
 * post-quantum `PQ` variants), `TLS-1-2` and `FS-1-2`. The rest (`2016-08`, `2015-05`, `TLS-1-0`,
 * `TLS-1-1`, `FS-2018-06`, `FS-1-1`, `TLS13-1-0`, `TLS13-1-1`) still accept TLS 1.0 or 1.1.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 */
const CURRENT = /^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-/i;

export default defineCheck<'aws.config.resources', Options>({
  id: 'aws.elb-tls-policy',
  title: 'Load balancer TLS listeners refuse TLS 1.0 and 1.1',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every HTTPS or TLS load balancer listener uses a predefined security policy (configuration.SslPolicy) whose minimum protocol is TLS 1.2 (names with `TLS13-1-2`, `TLS13-1-3`, `TLS-1-2` or `FS-1-2`), or a policy listed in `allowed`. The CLI default `ELBSecurityPolicy-2016-08` fails.',
  risk: 'TLS 1.0 and 1.1 have known weaknesses and are refused by current compliance baselines; a listener offering them lets clients be downgraded.',
  remediation:
    'Switch the listener to a current policy (`aws elbv2 modify-listener --listener-arn ARN --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06`) after checking client compatibility in the access logs.',
  requires: ['aws.config.resources'],
  options: {
    schema: { allowed: { type: 'array', items: { type: 'string', minLength: 1 } } },
    defaults: { allowed: [] },
  },
  evaluate(data, options) {
    return resourceCheck(
      data['aws.config.resources'],
      'AWS::ElasticLoadBalancingV2::Listener',
      'TLS load balancer listeners',
      (item) => {
        const protocol = String(config<string>(item, 'Protocol') ?? '').toUpperCase();
        if (protocol !== 'HTTPS' && protocol !== 'TLS') return undefined;
        const policy = config<string>(item, 'SslPolicy') ?? '';
        const ok = CURRENT.test(policy) || options.allowed.includes(policy);
        const where = `${protocol} listener on port ${config<number>(item, 'Port') ?? '?'} (${config<string>(item, 'LoadBalancerArn') ?? item.resourceId})`;
        return itemFinding(
          item,
          ok,
          ok
            ? `${where} uses ${policy}`
            : `${where} uses ${policy || 'no recorded policy'}, which accepts TLS older than 1.2`,
          { sslPolicy: policy || null },
        );
      },
    );
  },
});
