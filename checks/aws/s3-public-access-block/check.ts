import { defineCheck } from '../../../src/engine/check.js';
import { config, itemEvidence, itemResource, resourceCheck, supplementary } from '../support.js';

interface Block {
  blockPublicAcls?: boolean;
  ignorePublicAcls?: boolean;
  blockPublicPolicy?: boolean;
  restrictPublicBuckets?: boolean;
}
const FLAGS = ['blockPublicAcls', 'ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'] as const;

export default defineCheck({
  id: 'aws.s3-public-access-block',
  title: 'S3 buckets block public access',
  provider: 'aws',
  severity: 'high',
  description:
    'Every S3 bucket has all four Block Public Access settings on, each either on the bucket or for the whole account (AWS::S3::AccountPublicAccessBlock): S3 applies the most restrictive combination of the two.',
  risk: 'A single permissive ACL or bucket policy can publish customer data to the internet; Block Public Access is the guard rail against that mistake.',
  remediation:
    'Turn on all four settings for the account (`aws s3control put-public-access-block --account-id ID ...`) or per bucket (`aws s3api put-public-access-block`). Serve public content through CloudFront with origin access control instead.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    const resources = data['aws.config.resources'];
    const accountBlocks = new Map(
      resources.items
        .filter((i) => i.resourceType === 'AWS::S3::AccountPublicAccessBlock')
        .map((i) => [i.accountId, i.configuration as Block]),
    );
    return resourceCheck(resources, 'AWS::S3::Bucket', 'S3 buckets', (item) => {
      const name = item.resourceName ?? config<string>(item, 'name') ?? item.resourceId;
      const accountBlock = accountBlocks.get(item.accountId);
      const block = supplementary<Block>(item, 'PublicAccessBlockConfiguration');
      // S3 applies the most restrictive combination of the account's and the bucket's settings
      // (S3 user guide, Blocking public access): a flag is on when either level turns it on.
      const off = FLAGS.filter((f) => accountBlock?.[f] !== true && block?.[f] !== true);
      const byAccount = FLAGS.filter((f) => accountBlock?.[f] === true);
      return {
        resource: itemResource(item),
        status: off.length ? 'fail' : 'pass',
        message: off.length
          ? block || accountBlock
            ? `bucket ${name} does not block public access fully (${off.join(', ')} off on the bucket and for the account)`
            : `bucket ${name} has no Block Public Access configuration, nor its account`
          : byAccount.length === FLAGS.length
            ? `bucket ${name} is covered by the account-level Block Public Access of ${item.accountId}`
            : `bucket ${name} blocks all public access${byAccount.length ? ` (${byAccount.join(', ')} set for the account)` : ''}`,
        details: itemEvidence(item, {
          PublicAccessBlockConfiguration: block ?? null,
          accountPublicAccessBlock: accountBlock ?? null,
        }),
      };
    });
  },
});
