import type { OutOfScopeEntry, ResourceLocation, ResourceLocator } from '../../engine/audit-scope.js';
import { valueOf } from '../../engine/audit-scope.js';
import type { Finding } from '../../engine/types.js';
import type { AwsAccounts, ConfigResources } from './data.js';

// arn:partition:service:region:account:resource (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html)
const ARN = /^arn:[\w-]+:[\w-]+:([\w-]*):(\d{12})?:/;
// The scope names checks give accounts and their regions (aws-account/<id>/<region>), and HR joins (aws:<id>/<user>).
const ACCOUNT_SCOPE = /^(?:aws-account\/|aws:)(\d{12})(?:\/([a-z]{2}(?:-[a-z]+)+-\d))?/;

/**
 * Account and region from a finding's details or its resource (an ARN or an account scope); tags
 * from the AWS Config item with that ARN, which carries them.
 */
export const awsLocator: ResourceLocator = {
  keys: ['aws.config.resources'],
  dimensions: ['tags'],
  locate(data) {
    const items = valueOf<ConfigResources>(data, 'aws.config.resources')?.items ?? [];
    const byArn = new Map(items.filter((i) => i.arn).map((i) => [i.arn!, i]));
    return (finding: Finding): ResourceLocation => {
      const details = finding.details ?? {};
      const arn = ARN.exec(finding.resource);
      const scope = ACCOUNT_SCOPE.exec(finding.resource);
      const item = byArn.get(finding.resource);
      const account = text(details.accountId) ?? item?.accountId ?? arn?.[2] ?? scope?.[1];
      const region = text(details.region) ?? item?.awsRegion ?? (arn?.[1] || undefined) ?? scope?.[2];
      return {
        ...(account ? { account } : {}),
        ...(region ? { region } : {}),
        ...(item ? { tags: Object.fromEntries((item.tags ?? []).map((t) => [t.key, t.value])) } : {}),
      };
    };
  },
  excluded(data): OutOfScopeEntry[] {
    return (valueOf<AwsAccounts>(data, 'aws.accounts')?.outOfScope ?? []).map((e) => ({
      resource: `aws-${e.scope}`,
      rule: e.rule,
    }));
  },
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
