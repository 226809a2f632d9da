import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, resourceCheckCases } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::EC2::Volume';
const good = ci(
  TYPE,
  'good',
  ...([{ encrypted: true }, {}] as [Record<string, unknown>, Record<string, unknown>]),
);
const bad = ci(
  TYPE,
  'bad',
  ...([{ encrypted: false }, {}] as [Record<string, unknown>, Record<string, unknown>]),
);

describeCheck(check, [...resourceCheckCases(TYPE, good, bad)]);
