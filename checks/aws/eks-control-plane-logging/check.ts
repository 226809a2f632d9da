import { defineCheck } from '../../../src/engine/check.js';
import { config, itemFinding, itemName, resourceCheck } from '../support.js';

interface Options {
  logTypes: string[];
}

export default defineCheck<'aws.config.resources', Options>({
  id: 'aws.eks-control-plane-logging',
  title: 'EKS control plane audit logs are on',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every EKS cluster sends the control plane log types in `logTypes` to CloudWatch Logs (configuration.Logging.ClusterLogging.EnabledTypes[].Type).',
  risk: 'Without the API server audit and authenticator logs nobody can tell who did what in the cluster.',
  remediation:
    'Enable the log types (`aws eks update-cluster-config --name NAME --logging \'{"clusterLogging":[{"types":["api","audit","authenticator"],"enabled":true}]}\'`).',
  requires: ['aws.config.resources'],
  options: {
    schema: {
      logTypes: {
        type: 'array',
        items: { enum: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] },
        minItems: 1,
      },
    },
    defaults: { logTypes: ['api', 'audit', 'authenticator'] },
  },
  evaluate(data, options) {
    return resourceCheck(data['aws.config.resources'], 'AWS::EKS::Cluster', 'EKS clusters', (item) => {
      const enabled = (
        config<{ ClusterLogging?: { EnabledTypes?: { Type?: string }[] } }>(item, 'Logging')?.ClusterLogging
          ?.EnabledTypes ?? []
      ).map((t) => String(t.Type ?? '').toLowerCase());
      const missing = options.logTypes.filter((t) => !enabled.includes(t.toLowerCase()));
      const name = itemName(item, 'Name');
      return itemFinding(
        item,
        missing.length === 0,
        missing.length
          ? `EKS cluster ${name} does not log ${missing.join(', ')}`
          : `EKS cluster ${name} logs ${options.logTypes.join(', ')}`,
        { enabledTypes: enabled, missing },
      );
    });
  },
});
