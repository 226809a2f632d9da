import { defineCheck } from '../../../src/engine/check.js';
import { awsAccounts, AWS_IAM } from '../accounts.js';
import { orphanFindings } from '../joins.js';

export default defineCheck({
  id: 'hr.orphan-aws',
  title: 'Every active AWS account belongs to a person in the HR roster',
  provider: 'hr',
  severity: 'medium',
  description:
    "Joins AWS IAM users with the HR roster: an account with an IAM user with a console password or an active access key that matches nobody in the roster (by email, or the roster's aws_user column) is an orphan, unless it is on the allow-list of service accounts.",
  risk: 'Accounts nobody owns are not reviewed, not offboarded and are a favourite foothold: shared logins, leftovers from tests, accounts of people who were never in HR (contractors, agencies).',
  remediation:
    "Add the owner to the roster (with the matching identity column), remove the account, or, for a service account, add it to this check's allow option with a reason in your access review.",
  requires: ['hr.roster', 'aws.iam.credentialReport', 'aws.iam.authorizationDetails'],
  options: {
    schema: {
      allow: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Service accounts that belong to no person; * matches any run of characters.',
      },
    },
    defaults: { allow: [] as string[] },
  },
  evaluate(data, options) {
    return orphanFindings(
      AWS_IAM,
      data['hr.roster'].people,
      awsAccounts(data['aws.iam.credentialReport'], data['aws.iam.authorizationDetails']),
      options.allow,
    );
  },
});
