import { defineCheck } from '../../../src/engine/check.js';
import { config, isTrue, regionalCheck } from '../support.js';

export default defineCheck({
  id: 'aws.guardduty-enabled',
  title: 'GuardDuty is enabled in every account and region',
  provider: 'aws',
  severity: 'high',
  description:
    'Every scanned account and region has a GuardDuty detector recorded by AWS Config with `configuration.Enable` true.',
  risk: 'Without GuardDuty nobody is told about credential misuse, crypto-mining, or calls from known malicious addresses until the damage shows up elsewhere.',
  remediation:
    'Enable GuardDuty in every region (`aws guardduty create-detector --enable`), preferably for the whole organization from a delegated administrator with auto-enable for new accounts, and route findings to the on-call channel.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return regionalCheck(
      data['aws.config.resources'],
      'AWS::GuardDuty::Detector',
      'GuardDuty detectors',
      (item, scope) =>
        item.accountId === scope.accountId &&
        item.awsRegion === scope.region &&
        isTrue(config(item, 'Enable')),
    );
  },
});
