import { defineCheck } from '../../../src/engine/check.js';
import {
  config,
  isTrue,
  itemEvidence,
  itemResource,
  resourceCheck,
  sameWord,
  supplementary,
} from '../support.js';

export default defineCheck({
  id: 'aws.kms-key-rotation',
  title: 'KMS customer managed keys rotate',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every enabled symmetric customer managed KMS key has automatic rotation on (supplementaryConfiguration.KeyRotationStatus). AWS managed, asymmetric, HMAC, imported and disabled keys are not evaluated.',
  risk: 'A key that never rotates protects ever more data with the same material, widening the impact of any exposure.',
  remediation:
    'Enable rotation: `aws kms enable-key-rotation --key-id KEY_ID` (optionally with --rotation-period-in-days).',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return resourceCheck(
      data['aws.config.resources'],
      'AWS::KMS::Key',
      'KMS customer managed keys',
      (item) => {
        const manager = config<string>(item, 'keyManager');
        const state = config<string>(item, 'keyState');
        const spec =
          config<string>(item, 'keySpec') ??
          config<string>(item, 'customerMasterKeySpec') ??
          'SYMMETRIC_DEFAULT';
        const origin = config<string>(item, 'origin') ?? 'AWS_KMS';
        if (
          !sameWord(manager, 'CUSTOMER') ||
          !sameWord(state, 'Enabled') ||
          !sameWord(spec, 'SYMMETRIC_DEFAULT') ||
          !sameWord(origin, 'AWS_KMS')
        )
          return undefined;
        const rotation = supplementary<boolean | string>(item, 'KeyRotationStatus');
        const on = isTrue(rotation);
        return {
          resource: itemResource(item),
          status: on ? 'pass' : 'fail',
          message: on
            ? `KMS key ${item.resourceId} rotates automatically`
            : `KMS key ${item.resourceId} has automatic rotation off`,
          details: itemEvidence(item, {
            KeyRotationStatus: rotation ?? null,
            description: config(item, 'description') ?? null,
          }),
        };
      },
    );
  },
});
