import { defineCheck } from '../../../src/engine/check.js';
import { config, regionalCheck, sameWord } from '../support.js';

export default defineCheck({
  id: 'aws.access-analyzer-enabled',
  title: 'IAM Access Analyzer watches every account and region',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every scanned account and region has an IAM Access Analyzer external-access analyzer (`configuration.Type` ACCOUNT in that account, or ORGANIZATION in that region of any scanned account). Unused-access analyzers do not count.',
  risk: 'Without Access Analyzer, a bucket, key, role or queue shared with an outside account or the public goes unnoticed.',
  remediation:
    'Create an analyzer per region (`aws accessanalyzer create-analyzer --analyzer-name external --type ORGANIZATION` from the management or delegated administrator account, or `--type ACCOUNT` per account) and review its active findings.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return regionalCheck(
      data['aws.config.resources'],
      'AWS::AccessAnalyzer::Analyzer',
      'IAM Access Analyzer external-access analyzers',
      (item, scope) => {
        if (item.awsRegion !== scope.region) return false;
        const type = config<string>(item, 'Type');
        return (
          sameWord(type, 'ORGANIZATION') || (sameWord(type, 'ACCOUNT') && item.accountId === scope.accountId)
        );
      },
    );
  },
});
