import { describeCheck } from '../../../test/harness/check-tester.js';
import { accountError, report, root, row } from '../testing.js';
import check from './check.js';

const ROOT = 'arn:aws:iam::111111111111:root';
describeCheck(check, [
  {
    name: 'no root keys passes',
    data: { 'aws.iam.credentialReport': report([root(), row('alice')]) },
    status: 'pass',
    passing: [ROOT],
  },
  {
    name: 'active root key 1 fails',
    data: { 'aws.iam.credentialReport': report([root({ access_key_1_active: 'true' })]) },
    status: 'fail',
    failing: [ROOT],
  },
  {
    // IAM user guide, credential report format: "When the user has a password, this value is TRUE."
    name: 'an active root key written TRUE (the documented casing) fails',
    data: { 'aws.iam.credentialReport': report([root({ access_key_1_active: 'TRUE' })]) },
    status: 'fail',
    failing: [ROOT],
  },
  {
    name: 'active root key 2 fails',
    data: { 'aws.iam.credentialReport': report([root({ access_key_2_active: 'true' })]) },
    status: 'fail',
    failing: [ROOT],
  },
  {
    name: 'inactive root key passes',
    data: {
      'aws.iam.credentialReport': report([
        root({ access_key_1_active: 'false', access_key_1_last_rotated: '2020-01-01T00:00:00+00:00' }),
      ]),
    },
    status: 'pass',
  },
  {
    name: 'report without root row fails',
    data: { 'aws.iam.credentialReport': report([row('alice')]) },
    status: 'fail',
    message: /no <root_account> row/,
  },
  {
    name: 'an unreadable account is not checked',
    data: { 'aws.iam.credentialReport': accountError() },
    status: 'error',
    failing: [],
    notChecked: ['aws-account/333333333333'],
  },
  {
    // The credential report's root row carries the real ARN, partition included (GovCloud, China).
    name: 'GovCloud: the finding is on the root ARN of the aws-us-gov partition',
    data: {
      'aws.iam.credentialReport': report([
        root({ arn: 'arn:aws-us-gov:iam::111111111111:root', access_key_1_active: 'true' }),
      ]),
    },
    status: 'fail',
    failing: ['arn:aws-us-gov:iam::111111111111:root'],
  },
]);
