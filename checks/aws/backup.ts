import type { ConfigItem, ConfigResources } from '../../src/collectors/aws/data.js';
import type { Finding } from '../../src/engine/types.js';
import { config, globToRegExp, itemFinding, relatedResourceCheck, sameWord } from './support.js';

/** AWS Backup shapes as recorded by AWS Config (the CloudFormation property names). */
interface TagCondition {
  ConditionType?: string;
  ConditionKey?: string;
  ConditionValue?: string;
}
interface Selection {
  SelectionName?: string;
  Resources?: string[];
  NotResources?: string[];
  ListOfTags?: TagCondition[];
  Conditions?: Record<string, TagCondition[] | undefined>;
}
export interface PlanRule {
  RuleName?: string;
  ScheduleExpression?: string;
  EnableContinuousBackup?: boolean;
  Lifecycle?: { DeleteAfterDays?: number; MoveToColdStorageAfterDays?: number };
}

export const BACKUP_TYPES = ['AWS::Backup::BackupSelection', 'AWS::Backup::BackupPlan'] as const;

export const planRules = (plan: ConfigItem): PlanRule[] =>
  config<{ BackupPlanRule?: PlanRule[] }>(plan, 'BackupPlan')?.BackupPlanRule ?? [];

const tagKey = (key: string | undefined) => (key ?? '').replace(/^aws:ResourceTag\//i, '');

function tagMatches(tags: ConfigItem['tags'], condition: TagCondition, like: boolean): boolean {
  const value = tags?.find((t) => t.key === tagKey(condition.ConditionKey))?.value;
  if (value === undefined) return false;
  return like ? globToRegExp(condition.ConditionValue ?? '').test(value) : value === condition.ConditionValue;
}

/**
 * Whether a selection assigns the resource: its ARN matches `Resources` (wildcards allowed) or one of
 * `ListOfTags` (OR), every `Conditions` entry holds (AND), and no `NotResources` pattern matches.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupSelection.html
 */
function selects(selection: Selection, arn: string, tags: ConfigItem['tags']): boolean {
  const matches = (patterns: string[] | undefined) => (patterns ?? []).some((p) => globToRegExp(p).test(arn));
  if (matches(selection.NotResources)) return false;
  const listed =
    matches(selection.Resources) || (selection.ListOfTags ?? []).some((c) => tagMatches(tags, c, false));
  if (!listed) return false;
  const conditions = selection.Conditions ?? {};
  const all = (key: string, test: (c: TagCondition) => boolean) =>
    (Object.entries(conditions).find(([k]) => sameWord(k, key))?.[1] ?? []).every(test);
  return (
    all('StringEquals', (c) => tagMatches(tags, c, false)) &&
    all('StringLike', (c) => tagMatches(tags, c, true)) &&
    all('StringNotEquals', (c) => !tagMatches(tags, c, false)) &&
    all('StringNotLike', (c) => !tagMatches(tags, c, true))
  );
}

/**
 * The AWS Backup coverage check for one resource type: each resource is assigned by a selection whose
 * plan (same account and region) is recorded with at least one rule. `arnOf` names the ARN AWS Backup
 * protects (an Aurora member's cluster, say).
 */
export function backupCoverage(
  resources: ConfigResources,
  resourceType: string,
  label: string,
  describe: (item: ConfigItem) => { name: string; arn: string; tags: ConfigItem['tags'] } | undefined,
): Finding[] {
  const plans = resources.items.filter((i) => i.resourceType === 'AWS::Backup::BackupPlan');
  const selections = resources.items.filter((i) => i.resourceType === 'AWS::Backup::BackupSelection');
  return relatedResourceCheck(resources, resourceType, label, BACKUP_TYPES, (item) => {
    const target = describe(item);
    if (!target) return undefined;
    const local = (other: ConfigItem) =>
      other.accountId === item.accountId && other.awsRegion === item.awsRegion;
    const covering = selections.filter(
      (s) => local(s) && selects(config<Selection>(s, 'BackupSelection') ?? {}, target.arn, target.tags),
    );
    const withPlan = covering.filter((s) =>
      plans.some(
        (p) => local(p) && config(p, 'BackupPlanId') === config(s, 'BackupPlanId') && planRules(p).length > 0,
      ),
    );
    const names = (list: ConfigItem[]) =>
      list.map((s) => config<Selection>(s, 'BackupSelection')?.SelectionName ?? s.resourceId).join(', ');
    return itemFinding(
      item,
      withPlan.length > 0,
      withPlan.length
        ? `${target.name} is in AWS Backup selection ${names(withPlan)}`
        : covering.length
          ? `${target.name} is only in selections whose plan has no rule or is not recorded (${names(covering)})`
          : `${target.name} is not assigned to any AWS Backup plan`,
      { protectedArn: target.arn, selections: withPlan.map((s) => s.resourceId) },
    );
  });
}
