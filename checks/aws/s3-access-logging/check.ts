import { defineCheck } from '../../../src/engine/check.js';
import { globToRegExp, itemFinding, itemName, resourceCheck, supplementary } from '../support.js';

interface Logging {
  destinationBucketName?: string | null;
  logFilePrefix?: string | null;
}

interface Options {
  exempt: string[];
}

export default defineCheck<'aws.config.resources', Options>({
  id: 'aws.s3-access-logging',
  title: 'S3 buckets have server access logging',
  provider: 'aws',
  severity: 'low',
  description:
    'Every S3 bucket delivers server access logs to a bucket (supplementaryConfiguration.BucketLoggingConfiguration.destinationBucketName), except buckets named in `exempt` (for example the log buckets themselves).',
  risk: 'Without access logs nobody can tell who read or deleted which objects during an incident investigation.',
  remediation:
    'Turn on server access logging to a dedicated log bucket (`aws s3api put-bucket-logging --bucket NAME --bucket-logging-status file://logging.json`), or record S3 data events with CloudTrail.',
  requires: ['aws.config.resources'],
  options: {
    schema: { exempt: { type: 'array', items: { type: 'string', minLength: 1 } } },
    defaults: { exempt: [] },
  },
  evaluate(data, options) {
    const exempt = options.exempt.map(globToRegExp);
    return resourceCheck(data['aws.config.resources'], 'AWS::S3::Bucket', 'S3 buckets', (item) => {
      const name = itemName(item, 'name');
      const target =
        supplementary<Logging>(item, 'BucketLoggingConfiguration')?.destinationBucketName ?? undefined;
      const skipped = !target && exempt.some((re) => re.test(name));
      return itemFinding(
        item,
        Boolean(target) || skipped,
        target
          ? `bucket ${name} logs access to ${target}`
          : skipped
            ? `bucket ${name} has no access logging (exempt)`
            : `bucket ${name} has no server access logging`,
        { destinationBucketName: target ?? null, exempt: skipped },
      );
    });
  },
});
