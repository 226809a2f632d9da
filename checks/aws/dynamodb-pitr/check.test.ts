import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, resourceCheckCases } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::DynamoDB::Table';
const good = ci(
  TYPE,
  'good',
  ...([
    { tableName: 'good' },
    {
      ContinuousBackupsDescription: {
        continuousBackupsStatus: 'ENABLED',
        pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: 'ENABLED' },
      },
    },
  ] as [Record<string, unknown>, Record<string, unknown>]),
);
const bad = ci(
  TYPE,
  'bad',
  ...([
    { tableName: 'bad' },
    {
      ContinuousBackupsDescription: {
        continuousBackupsStatus: 'ENABLED',
        pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: 'DISABLED' },
      },
    },
  ] as [Record<string, unknown>, Record<string, unknown>]),
);

describeCheck(check, [...resourceCheckCases(TYPE, good, bad)]);
