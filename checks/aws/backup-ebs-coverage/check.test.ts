// AWS::Backup::BackupSelection configuration.BackupPlanId and BackupSelection.SelectionName/IamRoleArn/
// Resources/NotResources, AWS::Backup::BackupPlan configuration.BackupPlanId and
// BackupPlan.BackupPlanRule[].RuleName/ScheduleExpression/Lifecycle: AWS Config resource schema
// (awslabs/aws-config-resource-schema; vendored in test/fixtures/vendor-schemas/aws-config). ListOfTags
// and Conditions: https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupSelection.html
import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, recording, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::EC2::Volume';
const plan = (
  id: string,
  rules: unknown[] = [
    { RuleName: 'daily', ScheduleExpression: 'cron(0 5 ? * * *)', Lifecycle: { DeleteAfterDays: 35 } },
  ],
) =>
  ci('AWS::Backup::BackupPlan', id, {
    BackupPlanId: id,
    BackupPlan: { BackupPlanName: id, BackupPlanRule: rules },
  });
const selection = (id: string, planId: string, fields: Record<string, unknown>) =>
  ci('AWS::Backup::BackupSelection', id, {
    BackupPlanId: planId,
    SelectionId: id,
    BackupSelection: { SelectionName: id, IamRoleArn: 'arn:aws:iam::111111111111:role/backup', ...fields },
  });
const volume = (id: string, tags: Record<string, string> = {}) => ({
  ...ci(TYPE, id, { volumeId: id, encrypted: true }),
  tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
});
const volumeArn = (id: string) => `arn:aws:ec2:us-east-1:111111111111:volume/${id}`;
const realVolume = (id: string) => ({ ...volume(id), arn: volumeArn(id) });
const byArn = selection('by-arn', 'p1', { Resources: [arnOf(TYPE, 'good')] });

describeCheck(check, [
  ...resourceCheckCases(TYPE, volume('good'), volume('bad')).map((c) => {
    const recorded = c.data['aws.config.resources'] as ReturnType<typeof resources>;
    return {
      ...c,
      data: { 'aws.config.resources': { ...recorded, items: [...recorded.items, plan('p1'), byArn] } },
    };
  }),
  {
    name: 'a wildcard selection covers every volume, NotResources carves one out',
    data: {
      'aws.config.resources': resources([
        realVolume('vol-1'),
        realVolume('vol-scratch'),
        plan('p1'),
        selection('all', 'p1', {
          Resources: ['arn:aws:ec2:*:*:volume/*'],
          NotResources: [volumeArn('vol-scratch')],
        }),
      ]),
    },
    status: 'fail',
    failing: [volumeArn('vol-scratch')],
  },
  {
    name: 'a ListOfTags selection covers tagged volumes (key with or without aws:ResourceTag/)',
    data: {
      'aws.config.resources': resources([
        volume('tagged', { backup: 'daily' }),
        volume('other', { backup: 'none' }),
        plan('p1'),
        selection('tags', 'p1', {
          ListOfTags: [
            {
              ConditionType: 'STRINGEQUALS',
              ConditionKey: 'aws:ResourceTag/backup',
              ConditionValue: 'daily',
            },
          ],
        }),
      ]),
    },
    status: 'fail',
    failing: [arnOf(TYPE, 'other')],
  },
  {
    name: 'Conditions narrow a wildcard selection (AND)',
    data: {
      'aws.config.resources': resources([
        volume('prod', { env: 'prod-eu' }),
        volume('dev', { env: 'dev' }),
        plan('p1'),
        selection('cond', 'p1', {
          Resources: ['*'],
          Conditions: { StringLike: [{ ConditionKey: 'aws:ResourceTag/env', ConditionValue: 'prod*' }] },
        }),
      ]),
    },
    status: 'fail',
    failing: [arnOf(TYPE, 'dev')],
  },
  {
    name: 'a selection whose plan has no rule does not protect',
    data: { 'aws.config.resources': resources([volume('good'), plan('p1', []), byArn]) },
    status: 'fail',
    failing: [arnOf(TYPE, 'good')],
    message: /plan has no rule or is not recorded/,
  },
  {
    name: 'a selection in another region does not protect',
    data: {
      'aws.config.resources': resources(
        [volume('good'), { ...plan('p1'), awsRegion: 'eu-west-1' }, { ...byArn, awsRegion: 'eu-west-1' }],
        [recording(), recording('111111111111', 'eu-west-1')],
      ),
    },
    status: 'fail',
    failing: [arnOf(TYPE, 'good')],
  },
  {
    name: 'a region that does not record backup selections is reported, its volumes not judged',
    data: {
      'aws.config.resources': resources(
        [volume('good')],
        [{ ...recording(), resourceTypes: [TYPE, 'AWS::Backup::BackupPlan'] }],
      ),
    },
    status: 'fail',
    failing: ['aws-account/111111111111/us-east-1'],
    message: /does not record AWS::Backup::BackupSelection/,
  },
]);
