// configuration.BackupPlan.BackupPlanName / BackupPlanRule[].RuleName / Lifecycle.DeleteAfterDays: AWS
// Config resource schema for AWS::Backup::BackupPlan (awslabs/aws-config-resource-schema; vendored in
// test/fixtures/vendor-schemas/aws-config).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::Backup::BackupPlan';
const plan = (id: string, rules: unknown[]) =>
  ci(TYPE, id, { BackupPlanId: id, BackupPlan: { BackupPlanName: id, BackupPlanRule: rules } });
const rule = (name: string, days?: number) => ({
  RuleName: name,
  ScheduleExpression: 'cron(0 5 ? * * *)',
  TargetBackupVault: 'Default',
  ...(days ? { Lifecycle: { DeleteAfterDays: days } } : {}),
});

describeCheck(check, [
  ...resourceCheckCases(
    TYPE,
    plan('good', [rule('daily', 35), rule('forever')]),
    plan('bad', [rule('daily', 35), rule('hourly', 1)]),
  ),
  {
    name: 'a plan with no rule fails',
    data: { 'aws.config.resources': resources([plan('empty', [])]) },
    status: 'fail',
    failing: [arnOf(TYPE, 'empty')],
    message: /no rule/,
  },
  {
    name: 'minDays is an option',
    data: { 'aws.config.resources': resources([plan('p', [rule('daily', 35)])]) },
    options: { minDays: 90 },
    status: 'fail',
    message: /after 35 days \(minimum 90\)/,
  },
]);
