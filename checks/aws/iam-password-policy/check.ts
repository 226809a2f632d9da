import { defineCheck } from '../../../src/engine/check.js';
import { accountResource, perAccount } from '../support.js';

interface Options {
  minLength: number;
  reusePrevention: number;
  requireSymbols: boolean;
  requireNumbers: boolean;
  requireUppercase: boolean;
  requireLowercase: boolean;
  /** 0 = password expiry not required. */
  maxAgeDays: number;
}

export default defineCheck<'aws.iam.passwordPolicy', Options>({
  id: 'aws.iam-password-policy',
  title: 'IAM password policy is strong',
  provider: 'aws',
  severity: 'medium',
  description:
    'Each account has an IAM password policy requiring at least `minLength` characters, preventing reuse of the last `reusePrevention` passwords, and requiring symbols, numbers, upper and lower case; optionally a maximum age.',
  risk: 'Without a policy, IAM users may choose short or reused passwords that fall to guessing and credential stuffing.',
  remediation:
    'Set the policy: `aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters` (and --max-password-age if your policy requires expiry).',
  requires: ['aws.iam.passwordPolicy'],
  options: {
    schema: {
      minLength: { type: 'integer', minimum: 6, maximum: 128 },
      reusePrevention: { type: 'integer', minimum: 0, maximum: 24 },
      requireSymbols: { type: 'boolean' },
      requireNumbers: { type: 'boolean' },
      requireUppercase: { type: 'boolean' },
      requireLowercase: { type: 'boolean' },
      maxAgeDays: { type: 'integer', minimum: 0, maximum: 1095 },
    },
    defaults: {
      minLength: 14,
      reusePrevention: 24,
      requireSymbols: true,
      requireNumbers: true,
      requireUppercase: true,
      requireLowercase: true,
      maxAgeDays: 0,
    },
  },
  evaluate(data, options) {
    return perAccount(data['aws.iam.passwordPolicy'], 'password policy', (accountId, policy) => {
      if (!policy) {
        return [
          {
            resource: accountResource(accountId),
            status: 'fail',
            message: `account ${accountId} has no IAM password policy (AWS defaults apply)`,
            details: { accountId, policy: null },
          },
        ];
      }
      const gaps: string[] = [];
      if ((policy.MinimumPasswordLength ?? 0) < options.minLength)
        gaps.push(`minimum length ${policy.MinimumPasswordLength ?? 'unset'} < ${options.minLength}`);
      if ((policy.PasswordReusePrevention ?? 0) < options.reusePrevention)
        gaps.push(
          `reuse prevention ${policy.PasswordReusePrevention ?? 'unset'} < ${options.reusePrevention}`,
        );
      if (options.requireSymbols && !policy.RequireSymbols) gaps.push('symbols not required');
      if (options.requireNumbers && !policy.RequireNumbers) gaps.push('numbers not required');
      if (options.requireUppercase && !policy.RequireUppercaseCharacters) gaps.push('uppercase not required');
      if (options.requireLowercase && !policy.RequireLowercaseCharacters) gaps.push('lowercase not required');
      if (options.maxAgeDays > 0 && (!policy.MaxPasswordAge || policy.MaxPasswordAge > options.maxAgeDays))
        gaps.push(`maximum age ${policy.MaxPasswordAge ?? 'unset'} > ${options.maxAgeDays} days`);
      return [
        {
          resource: accountResource(accountId),
          status: gaps.length ? 'fail' : 'pass',
          message: gaps.length
            ? `password policy of ${accountId} is weak: ${gaps.join(', ')}`
            : `password policy of ${accountId} meets the requirements`,
          details: { accountId, policy, gaps },
        },
      ];
    });
  },
});
