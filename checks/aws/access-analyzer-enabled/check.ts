import { defineCheck } from '../../../src/engine/check.js';
import { config, regionalCheck, sameWord } from '../support.js';

export default defineCheck({
  id: 'aws.access-analyzer-enabled',
  title: 'IAM Access Analyzer watches every account and region',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every scanned account and region has an IAM Access Analyzer external-access analyzer: `configuration.Type` ACCOUNT in that account and region, or ORGANIZATION in that region, which covers the other scanned accounts only when they were listed from the organization (`organization: true`). Unused-access analyzers do not count.',
  risk: 'Without Access Analyzer, a bucket, key, role or queue shared with an outside account or the public goes unnoticed.',
  remediation:
    'Create an analyzer per region (`aws accessanalyzer create-analyzer --analyzer-name external --type ORGANIZATION` from the management or delegated administrator account, or `--type ACCOUNT` per account) and review its active findings.',
  requires: ['aws.config.resources', 'aws.accounts'],
  crossSegment: true,
  evaluate(data) {
    // Only an organization scan proves the scanned accounts belong to the analyzer's organization.
    const organization = data['aws.accounts'].mode === 'organization';
    return regionalCheck(
      data['aws.config.resources'],
      'AWS::AccessAnalyzer::Analyzer',
      'IAM Access Analyzer external-access analyzers',
      (item, scope) => {
        if (item.awsRegion !== scope.region) return false;
        const type = config<string>(item, 'Type');
        const own = item.accountId === scope.accountId;
        return (
          (sameWord(type, 'ORGANIZATION') && (own || organization)) || (sameWord(type, 'ACCOUNT') && own)
        );
      },
    );
  },
});
