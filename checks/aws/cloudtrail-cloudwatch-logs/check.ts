import { defineCheck } from '../../../src/engine/check.js';
import { settingCheck } from '../support.js';

export default defineCheck({
  id: 'aws.cloudtrail-cloudwatch-logs',
  title: 'CloudTrail trails deliver to CloudWatch Logs',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every CloudTrail trail recorded by AWS Config sends its events to a CloudWatch Logs group (configuration.cloudWatchLogsLogGroupArn), where metric filters and alarms can act on them.',
  risk: 'Events that only land in S3 are read after the fact; without CloudWatch Logs there are no real-time alarms on root use, policy changes or disabled logging.',
  remediation:
    'Attach a log group and a delivery role (`aws cloudtrail update-trail --name TRAIL --cloud-watch-logs-log-group-arn ARN --cloud-watch-logs-role-arn ROLE`) and add metric filters with alarms for the events that matter.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return settingCheck(
      data['aws.config.resources'],
      'AWS::CloudTrail::Trail',
      'CloudTrail trails',
      'cloudWatchLogsLogGroupArn',
      (name, value) =>
        value ? `trail ${name} delivers to ${value}` : `trail ${name} does not deliver to CloudWatch Logs`,
    );
  },
});
