import { defineCheck } from '../../../src/engine/check.js';
import { regionNotChecked, sameWord, scopeResource } from '../support.js';

interface Options {
  requireAllResourceTypes: boolean;
}

const isFailure = (status: string | undefined) => sameWord(status, 'FAILURE');

export default defineCheck<'aws.config.recorders', Options>({
  id: 'aws.config-recording',
  title: 'AWS Config records all resources in every region',
  provider: 'aws',
  severity: 'high',
  description:
    'In every scanned account and region an AWS Config recorder is on, records all supported resource types, and its delivery channel last delivered successfully.',
  risk: 'Without Config there is no inventory or change history for incident investigation and change management, and the resource checks of this tool cannot see the region.',
  remediation:
    'Enable AWS Config in each region (console quick setup, or `aws configservice put-configuration-recorder` with allSupported=true, `put-delivery-channel`, `start-configuration-recorder`); for organizations deploy it with a CloudFormation StackSet or AWS Control Tower. Fix delivery failures (bucket policy, KMS key).',
  requires: ['aws.config.recorders'],
  options: {
    schema: { requireAllResourceTypes: { type: 'boolean' } },
    defaults: { requireAllResourceTypes: true },
  },
  evaluate(data, options) {
    const results = data['aws.config.recorders'];
    if (results.length === 0)
      return [{ resource: 'aws', status: 'fail', message: 'no AWS region was scanned' }];
    return results.map((r) => {
      const resource = scopeResource(r);
      const where = `${r.accountId} ${r.region}`;
      if (r.status === 'error') return regionNotChecked(r, 'AWS Config recording');
      const problems: string[] = [];
      const { recorders, deliveryChannels } = r.value;
      const active = recorders.filter((x) => x.recording);
      if (recorders.length === 0) problems.push('no configuration recorder');
      else if (active.length === 0) problems.push(`recorder ${recorders[0]!.name} is stopped`);
      else if (
        options.requireAllResourceTypes &&
        !active.some((x) => x.allSupported && x.exclusionResourceTypes.length === 0)
      )
        problems.push('recorder does not record all supported resource types');
      if (active.some((x) => isFailure(x.lastStatus)))
        problems.push(
          `recorder last status FAILURE (${active.find((x) => x.lastErrorCode)?.lastErrorCode ?? 'unknown error'})`,
        );
      if (recorders.length > 0) {
        if (deliveryChannels.length === 0) problems.push('no delivery channel');
        for (const c of deliveryChannels) {
          if (isFailure(c.historyStatus) || isFailure(c.snapshotStatus))
            problems.push(`delivery channel ${c.name} is failing (${c.lastErrorCode ?? 'FAILURE'})`);
        }
      }
      return {
        resource,
        status: problems.length ? ('fail' as const) : ('pass' as const),
        message: problems.length
          ? `AWS Config in ${where}: ${problems.join('; ')}`
          : `AWS Config records all resources in ${where} and delivers to ${deliveryChannels.map((c) => c.s3BucketName ?? c.name).join(', ')}`,
        details: { accountId: r.accountId, region: r.region, recorders, deliveryChannels },
      };
    });
  },
});
