import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::S3::Bucket';
const good = ci(
  TYPE,
  'good',
  ...([{}, { BucketVersioningConfiguration: { status: 'Enabled', isMfaDeleteEnabled: null } }] as [
    Record<string, unknown>,
    Record<string, unknown>,
  ]),
);
const bad = ci(
  TYPE,
  'bad',
  ...([{}, { BucketVersioningConfiguration: { status: 'Suspended' } }] as [
    Record<string, unknown>,
    Record<string, unknown>,
  ]),
);

describeCheck(check, [
  ...resourceCheckCases(TYPE, good, bad),
  {
    name: 'missing versioning config is Off',
    data: { 'aws.config.resources': resources([ci(TYPE, 'x')]) },
    status: 'fail',
    message: /Off/,
  },
]);
