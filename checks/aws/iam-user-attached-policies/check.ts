import { defineCheck } from '../../../src/engine/check.js';
import { accountResource, perAccount } from '../support.js';

export default defineCheck({
  id: 'aws.iam-user-attached-policies',
  title: 'IAM users get permissions only through groups or roles',
  provider: 'aws',
  severity: 'low',
  description: 'No IAM user has managed policies attached directly or inline policies of its own.',
  risk: 'Permissions attached to individual users drift, are hard to review and survive role changes; access reviews then miss them.',
  remediation:
    'Move the permissions to a group (or a role the user assumes), add the user to it, and detach/delete the user policies.',
  requires: ['aws.iam.authorizationDetails'],
  evaluate(data) {
    return perAccount(data['aws.iam.authorizationDetails'], 'user policies', (accountId, details) => {
      if (details.users.length === 0) {
        return [
          { resource: accountResource(accountId), status: 'pass', message: `no IAM users in ${accountId}` },
        ];
      }
      return details.users.map((user) => {
        const direct = [
          ...user.attachedPolicies.map((p) => p.name),
          ...user.inlinePolicies.map((p) => `${p.name} (inline)`),
        ];
        return {
          resource: user.arn,
          status: direct.length ? ('fail' as const) : ('pass' as const),
          message: direct.length
            ? `${user.name} has policies attached directly: ${direct.join(', ')}`
            : `${user.name} gets permissions only through groups`,
          details: {
            accountId,
            user: user.name,
            attachedPolicies: user.attachedPolicies,
            inlinePolicies: user.inlinePolicies,
          },
        };
      });
    });
  },
});
