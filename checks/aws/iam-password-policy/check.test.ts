import { describeCheck } from '../../../test/harness/check-tester.js';
import { accountError } from '../testing.js';
import check from './check.js';

const strong = {
  MinimumPasswordLength: 14,
  PasswordReusePrevention: 24,
  RequireSymbols: true,
  RequireNumbers: true,
  RequireUppercaseCharacters: true,
  RequireLowercaseCharacters: true,
  ExpirePasswords: false,
};
const policy = (value: object | null) => ({
  'aws.iam.passwordPolicy': [{ accountId: '111111111111', status: 'ok', value }],
});
describeCheck(check, [
  {
    name: 'strong policy passes',
    data: policy(strong),
    status: 'pass',
    passing: ['aws-account/111111111111'],
  },
  { name: 'no policy fails', data: policy(null), status: 'fail', message: /no IAM password policy/ },
  {
    name: 'short minimum length fails',
    data: policy({ ...strong, MinimumPasswordLength: 8 }),
    status: 'fail',
    message: /minimum length 8 < 14/,
  },
  {
    name: 'low reuse prevention fails',
    data: policy({ ...strong, PasswordReusePrevention: 5 }),
    status: 'fail',
    message: /reuse prevention 5 < 24/,
  },
  {
    name: 'missing symbols fails',
    data: policy({ ...strong, RequireSymbols: false }),
    status: 'fail',
    message: /symbols/,
  },
  {
    name: 'options relax the policy',
    data: policy({ ...strong, MinimumPasswordLength: 12, RequireSymbols: false }),
    options: { minLength: 12, requireSymbols: false },
    status: 'pass',
  },
  {
    name: 'max age required when set',
    data: policy(strong),
    options: { maxAgeDays: 90 },
    status: 'fail',
    message: /maximum age/,
  },
  {
    name: 'max age within limit passes',
    data: policy({ ...strong, MaxPasswordAge: 90 }),
    options: { maxAgeDays: 90 },
    status: 'pass',
  },
  {
    name: 'a denied account is not checked',
    data: { 'aws.iam.passwordPolicy': accountError('iam:GetAccountPasswordPolicy denied') },
    status: 'error',
    failing: [],
    notChecked: ['aws-account/333333333333'],
  },
]);
