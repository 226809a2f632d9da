// AWS Backup selection and plan shapes as in checks/aws/backup-ebs-coverage/check.test.ts (AWS Config
// resource schema, vendored in test/fixtures/vendor-schemas/aws-config). AWS Backup protects Aurora at
// cluster level (arn:aws:rds:REGION:ACCOUNT:cluster:ID):
// https://docs.aws.amazon.com/aws-backup/latest/devguide/whatisbackup.html#supported-resources
import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::RDS::DBInstance';
const dbArn = (id: string) => `arn:aws:rds:us-east-1:111111111111:db:${id}`;
const db = (id: string, extra: Record<string, unknown> = {}) => ({
  ...ci(TYPE, id, { dBInstanceIdentifier: id, engine: 'postgres', ...extra }),
  arn: dbArn(id),
});
const plan = ci('AWS::Backup::BackupPlan', 'p1', {
  BackupPlanId: 'p1',
  BackupPlan: {
    BackupPlanName: 'daily',
    BackupPlanRule: [{ RuleName: 'daily', ScheduleExpression: 'cron(0 5 ? * * *)' }],
  },
});
const selection = (resourcesSelected: string[]) =>
  ci('AWS::Backup::BackupSelection', 's1', {
    BackupPlanId: 'p1',
    BackupSelection: {
      SelectionName: 'databases',
      IamRoleArn: 'arn:aws:iam::111111111111:role/backup',
      Resources: resourcesSelected,
    },
  });

describeCheck(check, [
  {
    name: 'an instance selected by ARN pattern passes',
    data: { 'aws.config.resources': resources([db('ledger'), plan, selection(['arn:aws:rds:*:*:db:*'])]) },
    status: 'pass',
    passing: [dbArn('ledger')],
  },
  {
    name: 'an instance outside every selection fails',
    data: {
      'aws.config.resources': resources([db('ledger'), db('reports'), plan, selection([dbArn('ledger')])]),
    },
    status: 'fail',
    failing: [dbArn('reports')],
    message: /not assigned to any AWS Backup plan/,
  },
  {
    name: 'an Aurora member is covered through its cluster ARN, not its instance ARN',
    data: {
      'aws.config.resources': resources([
        db('writer', { engine: 'aurora-postgresql', dBClusterIdentifier: 'ledger' }),
        plan,
        selection(['arn:aws:rds:us-east-1:111111111111:cluster:ledger']),
      ]),
    },
    status: 'pass',
    passing: [dbArn('writer')],
  },
  {
    name: 'an Aurora member with only its instance selected fails',
    data: {
      'aws.config.resources': resources([
        db('writer', { engine: 'aurora-postgresql', dBClusterIdentifier: 'ledger' }),
        plan,
        selection([dbArn('writer')]),
      ]),
    },
    status: 'fail',
    failing: [dbArn('writer')],
  },
]);
