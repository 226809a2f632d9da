import { defineCheck } from '../../../src/engine/check.js';
import { config, isTrue, itemFinding, itemName, resourceCheck } from '../support.js';

interface Options {
  maxDays: number;
}

export default defineCheck<'aws.config.resources', Options>({
  id: 'aws.secretsmanager-rotation',
  title: 'Secrets Manager secrets rotate automatically',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every Secrets Manager secret that is not scheduled for deletion has rotation on (configuration.RotationEnabled) at least every `maxDays` days (RotationRules.AutomaticallyAfterDays; a schedule expression is accepted as is).',
  risk: 'A secret that never rotates stays valid for as long as anyone who ever saw it, including people who have left, keeps a copy.',
  remediation:
    'Turn on rotation with a rotation function or managed rotation (`aws secretsmanager rotate-secret --secret-id NAME --rotation-rules AutomaticallyAfterDays=30`).',
  requires: ['aws.config.resources'],
  options: { schema: { maxDays: { type: 'integer', minimum: 1 } }, defaults: { maxDays: 90 } },
  evaluate(data, options) {
    return resourceCheck(
      data['aws.config.resources'],
      'AWS::SecretsManager::Secret',
      'Secrets Manager secrets',
      (item) => {
        if (isTrue(config(item, 'Deleted'))) return undefined;
        const name = itemName(item, 'Name');
        const on = isTrue(config<boolean>(item, 'RotationEnabled'));
        const days = config<{ AutomaticallyAfterDays?: number }>(
          item,
          'RotationRules',
        )?.AutomaticallyAfterDays;
        const tooSlow = on && days !== undefined && days > options.maxDays;
        return itemFinding(
          item,
          on && !tooSlow,
          !on
            ? `secret ${name} does not rotate`
            : tooSlow
              ? `secret ${name} rotates every ${days} days (maximum ${options.maxDays})`
              : `secret ${name} rotates${days ? ` every ${days} days` : ' on a schedule'}`,
          { rotationEnabled: on, automaticallyAfterDays: days ?? null },
        );
      },
    );
  },
});
