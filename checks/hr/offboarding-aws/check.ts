import { defineCheck } from '../../../src/engine/check.js';
import { awsAccounts, AWS_IAM } from '../accounts.js';
import { offboardingFindings } from '../joins.js';
import { dayCount } from '../people.js';

export default defineCheck({
  id: 'hr.offboarding-aws',
  title: 'Terminated people have no active AWS access',
  provider: 'hr',
  severity: 'high',
  description:
    'Joins the HR roster with AWS IAM users: every person with status terminated must have lost an IAM user with a console password or an active access key within the offboarding deadline after their end date.',
  risk: 'A former employee or contractor who keeps access can read or change customer data long after leaving, and nobody is watching their account any more.',
  remediation:
    'Delete the IAM user (or at least its login profile and access keys) as part of offboarding, and make the HR termination trigger the offboarding checklist the same day.',
  requires: ['hr.roster', 'aws.iam.credentialReport', 'aws.iam.authorizationDetails'],
  options: {
    schema: { deadlineDays: dayCount('Days after end_date within which access must be removed.') },
    defaults: { deadlineDays: 1 },
  },
  evaluate(data, options, { now }) {
    return offboardingFindings(
      AWS_IAM,
      data['hr.roster'].people,
      awsAccounts(data['aws.iam.credentialReport'], data['aws.iam.authorizationDetails']),
      options.deadlineDays,
      now,
    );
  },
});
