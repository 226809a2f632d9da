import { defineCheck } from '../../../src/engine/check.js';
import { config, itemFinding, itemName, resourceCheck, sameWord } from '../support.js';

interface VpcConfig {
  EndpointPublicAccess?: boolean;
  EndpointPrivateAccess?: boolean;
  PublicAccessCidrs?: string[];
}

const WORLD = new Set(['0.0.0.0/0', '::/0']);

export default defineCheck({
  id: 'aws.eks-endpoint-restricted',
  title: 'EKS API endpoints are not open to the internet',
  provider: 'aws',
  severity: 'high',
  description:
    'Every EKS cluster either has no public API endpoint (configuration.ResourcesVpcConfig.EndpointPublicAccess false) or limits it to listed networks (PublicAccessCidrs without 0.0.0.0/0).',
  risk: 'A Kubernetes API reachable from anywhere is one leaked kubeconfig or unpatched API server flaw away from cluster takeover.',
  remediation:
    'Turn on the private endpoint and turn off or restrict the public one (`aws eks update-cluster-config --name NAME --resources-vpc-config endpointPrivateAccess=true,endpointPublicAccess=false` or `publicAccessCidrs=203.0.113.0/24`).',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return resourceCheck(data['aws.config.resources'], 'AWS::EKS::Cluster', 'EKS clusters', (item) => {
      const vpc = config<VpcConfig>(item, 'ResourcesVpcConfig') ?? {};
      const name = itemName(item, 'Name');
      // The EKS API's default for publicAccessCidrs is 0.0.0.0/0.
      const cidrs = vpc.PublicAccessCidrs?.length ? vpc.PublicAccessCidrs : ['0.0.0.0/0'];
      const open = !sameWord(vpc.EndpointPublicAccess, 'false') && cidrs.some((c) => WORLD.has(c));
      return itemFinding(
        item,
        !open,
        sameWord(vpc.EndpointPublicAccess, 'false')
          ? `EKS cluster ${name} has no public API endpoint`
          : open
            ? `EKS cluster ${name} API endpoint is open to the internet`
            : `EKS cluster ${name} public API endpoint is limited to ${cidrs.join(', ')}`,
        {
          endpointPublicAccess: vpc.EndpointPublicAccess ?? null,
          endpointPrivateAccess: vpc.EndpointPrivateAccess ?? null,
          publicAccessCidrs: vpc.PublicAccessCidrs ?? null,
        },
      );
    });
  },
});
