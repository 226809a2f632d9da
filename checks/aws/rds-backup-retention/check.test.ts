import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::RDS::DBInstance';
const good = ci(
  TYPE,
  'good',
  ...([{ backupRetentionPeriod: 7 }, {}] as [Record<string, unknown>, Record<string, unknown>]),
);
const bad = ci(
  TYPE,
  'bad',
  ...([{ backupRetentionPeriod: 1 }, {}] as [Record<string, unknown>, Record<string, unknown>]),
);

describeCheck(check, [
  ...resourceCheckCases(TYPE, good, bad),
  {
    name: 'minDays is configurable',
    data: { 'aws.config.resources': resources([good]) },
    options: { minDays: 14 },
    status: 'fail',
  },
]);
