import { defineCheck } from '../../../src/engine/check.js';
import { config, itemFinding, itemName, resourceCheck } from '../support.js';

interface Encryption {
  Resources?: string[];
  Provider?: { KeyArn?: string };
}

export default defineCheck({
  id: 'aws.eks-secrets-encryption',
  title: 'EKS clusters encrypt Kubernetes secrets with a KMS key',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every EKS cluster envelope-encrypts Kubernetes secrets with a customer managed KMS key (configuration.EncryptionConfig[] with Resources containing `secrets` and a Provider.KeyArn).',
  risk: 'Without envelope encryption under your own key, secrets in etcd are protected only by the service default and their use is not visible in your KMS key logs.',
  remediation:
    'Associate a KMS key (`aws eks associate-encryption-config --cluster-name NAME --encryption-config \'[{"resources":["secrets"],"provider":{"keyArn":"KEY_ARN"}}]\'`).',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return resourceCheck(data['aws.config.resources'], 'AWS::EKS::Cluster', 'EKS clusters', (item) => {
      const key = (config<Encryption[]>(item, 'EncryptionConfig') ?? []).find((e) =>
        (e.Resources ?? []).some((r) => r.toLowerCase() === 'secrets'),
      )?.Provider?.KeyArn;
      const name = itemName(item, 'Name');
      return itemFinding(
        item,
        Boolean(key),
        key
          ? `EKS cluster ${name} encrypts secrets with ${key}`
          : `EKS cluster ${name} does not encrypt secrets with a KMS key`,
        { keyArn: key ?? null },
      );
    });
  },
});
