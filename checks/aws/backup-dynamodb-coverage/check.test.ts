// AWS Backup selection and plan shapes as in checks/aws/backup-ebs-coverage/check.test.ts (AWS Config
// resource schema, vendored in test/fixtures/vendor-schemas/aws-config); AWS::DynamoDB::Table
// configuration.tableName from the same schema.
import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::DynamoDB::Table';
const tableArn = (name: string) => `arn:aws:dynamodb:us-east-1:111111111111:table/${name}`;
const table = (name: string) => ({ ...ci(TYPE, name, { tableName: name }), arn: tableArn(name) });
const plan = ci('AWS::Backup::BackupPlan', 'p1', {
  BackupPlanId: 'p1',
  BackupPlan: { BackupPlanName: 'daily', BackupPlanRule: [{ RuleName: 'daily' }] },
});
const selection = ci('AWS::Backup::BackupSelection', 's1', {
  BackupPlanId: 'p1',
  BackupSelection: { SelectionName: 'tables', Resources: ['arn:aws:dynamodb:*:*:table/ledger-*'] },
});

describeCheck(check, [
  {
    name: 'a table matching the selection pattern passes',
    data: { 'aws.config.resources': resources([table('ledger-entries'), plan, selection]) },
    status: 'pass',
    passing: [tableArn('ledger-entries')],
  },
  {
    name: 'a table outside the pattern fails',
    data: {
      'aws.config.resources': resources([table('ledger-entries'), table('sessions'), plan, selection]),
    },
    status: 'fail',
    failing: [tableArn('sessions')],
  },
  {
    name: 'without the plan recorded, the selection protects nothing',
    data: { 'aws.config.resources': resources([table('ledger-entries'), selection]) },
    status: 'fail',
    failing: [tableArn('ledger-entries')],
  },
]);
