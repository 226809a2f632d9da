import { defineCheck } from '../../../src/engine/check.js';
import { config, daysBetween, itemFinding, resourceCheck, sameWord } from '../support.js';

interface Options {
  minDays: number;
}

/** Config records dates as ISO text; the SDK's JSON form is epoch seconds. */
function dateOf(value: unknown): Date | undefined {
  if (typeof value === 'number') return new Date(value < 1e12 ? value * 1000 : value);
  if (typeof value !== 'string' || value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export default defineCheck<'aws.config.resources', Options>({
  id: 'aws.acm-certificate-expiry',
  title: 'ACM certificates are not about to expire',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every issued or expired ACM certificate (configuration.status ISSUED or EXPIRED) is valid for at least `minDays` more days (configuration.notAfter). Certificates pending validation, failed or revoked are not judged.',
  risk: 'An expired certificate takes the service down for every client and trains people to click through warnings; imported certificates never renew on their own.',
  remediation:
    'Renew or re-import the certificate (`aws acm import-certificate --certificate-arn ARN ...`); for ACM-issued certificates fix the DNS validation records so managed renewal succeeds, and delete certificates nothing uses.',
  requires: ['aws.config.resources'],
  options: { schema: { minDays: { type: 'integer', minimum: 0 } }, defaults: { minDays: 30 } },
  evaluate(data, options, { now }) {
    return resourceCheck(
      data['aws.config.resources'],
      'AWS::ACM::Certificate',
      'ACM certificates',
      (item) => {
        const status = config<string>(item, 'status');
        if (!sameWord(status, 'ISSUED') && !sameWord(status, 'EXPIRED')) return undefined;
        const domain = config<string>(item, 'domainName') ?? item.resourceId;
        const notAfter = dateOf(config(item, 'notAfter'));
        const left = notAfter ? daysBetween(now, notAfter) : undefined;
        const ok = left !== undefined && left >= options.minDays && !sameWord(status, 'EXPIRED');
        return itemFinding(
          item,
          ok,
          left === undefined
            ? `certificate for ${domain} has no recorded expiry date`
            : left < 0 || sameWord(status, 'EXPIRED')
              ? `certificate for ${domain} expired on ${notAfter!.toISOString().slice(0, 10)}`
              : `certificate for ${domain} expires in ${left} days (${notAfter!.toISOString().slice(0, 10)})${ok ? '' : `, under ${options.minDays}`}`,
          {
            domainName: domain,
            status: status ?? null,
            type: config(item, 'type') ?? null,
            notAfter: notAfter?.toISOString() ?? null,
            daysLeft: left ?? null,
            inUseBy: config(item, 'inUseBy') ?? [],
          },
        );
      },
    );
  },
});
