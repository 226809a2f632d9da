import { defineCheck } from '../../../src/engine/check.js';
import { planRules } from '../backup.js';
import { config, itemFinding, resourceCheck } from '../support.js';

interface Options {
  minDays: number;
}

export default defineCheck<'aws.config.resources', Options>({
  id: 'aws.backup-plan-retention',
  title: 'AWS Backup plans keep recovery points long enough',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every rule of every AWS Backup plan (configuration.BackupPlan.BackupPlanRule) keeps recovery points at least `minDays` days (Lifecycle.DeleteAfterDays; no lifecycle keeps them forever). A plan with no rule fails.',
  risk: 'Backups deleted after a day or two are gone before most corruption or ransomware is noticed, so the plan exists on paper only.',
  remediation:
    'Raise the rule lifecycle (`aws backup update-backup-plan` with `Lifecycle.DeleteAfterDays` of at least the policy minimum) and copy recovery points to a second region or account.',
  requires: ['aws.config.resources'],
  options: { schema: { minDays: { type: 'integer', minimum: 1 } }, defaults: { minDays: 14 } },
  evaluate(data, options) {
    return resourceCheck(
      data['aws.config.resources'],
      'AWS::Backup::BackupPlan',
      'AWS Backup plans',
      (item) => {
        const name =
          config<{ BackupPlanName?: string }>(item, 'BackupPlan')?.BackupPlanName ??
          item.resourceName ??
          item.resourceId;
        const rules = planRules(item);
        const short = rules.filter((r) => (r.Lifecycle?.DeleteAfterDays ?? Infinity) < options.minDays);
        const ok = rules.length > 0 && short.length === 0;
        return itemFinding(
          item,
          ok,
          rules.length === 0
            ? `backup plan ${name} has no rule`
            : ok
              ? `backup plan ${name} keeps recovery points ${options.minDays}+ days in all ${rules.length} rule(s)`
              : `backup plan ${name} deletes recovery points early: ${short.map((r) => `${r.RuleName ?? 'rule'} after ${r.Lifecycle?.DeleteAfterDays} days`).join(', ')} (minimum ${options.minDays})`,
          {
            plan: name,
            rules: rules.map((r) => ({
              name: r.RuleName ?? null,
              schedule: r.ScheduleExpression ?? null,
              deleteAfterDays: r.Lifecycle?.DeleteAfterDays ?? null,
            })),
          },
        );
      },
    );
  },
});
