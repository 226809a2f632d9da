import { defineCheck } from '../../../src/engine/check.js';
import { itemEvidence, itemResource, resourceCheck, sameWord, supplementary } from '../support.js';

interface ContinuousBackups {
  continuousBackupsStatus?: string;
  pointInTimeRecoveryDescription?: { pointInTimeRecoveryStatus?: string };
}

export default defineCheck({
  id: 'aws.dynamodb-pitr',
  title: 'DynamoDB tables have point-in-time recovery',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every DynamoDB table has point-in-time recovery ENABLED (supplementaryConfiguration.ContinuousBackupsDescription).',
  risk: 'Without PITR a bad deploy or deletion of items cannot be rolled back to the second before it happened.',
  remediation:
    'Enable it: `aws dynamodb update-continuous-backups --table-name NAME --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true`.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return resourceCheck(data['aws.config.resources'], 'AWS::DynamoDB::Table', 'DynamoDB tables', (item) => {
      const backups = supplementary<ContinuousBackups>(item, 'ContinuousBackupsDescription');
      const status = backups?.pointInTimeRecoveryDescription?.pointInTimeRecoveryStatus ?? 'DISABLED';
      const name = item.resourceName ?? item.resourceId;
      const enabled = sameWord(status, 'ENABLED');
      return {
        resource: itemResource(item),
        status: enabled ? 'pass' : 'fail',
        message: enabled
          ? `table ${name} has point-in-time recovery`
          : `table ${name} has point-in-time recovery ${status}`,
        details: itemEvidence(item, { pointInTimeRecoveryStatus: status }),
      };
    });
  },
});
