import { defineCheck } from '../../../src/engine/check.js';
import { config, itemFinding, resourceCheck, sameWord } from '../support.js';

interface MetadataOptions {
  httpTokens?: string;
  httpEndpoint?: string;
}

export default defineCheck({
  id: 'aws.ec2-imdsv2',
  title: 'EC2 instances require IMDSv2',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every EC2 instance that is not terminated requires session tokens for the instance metadata service (configuration.metadataOptions.httpTokens `required`) or has the endpoint disabled (httpEndpoint `disabled`).',
  risk: 'IMDSv1 answers any request from the instance, so one server-side request forgery flaw hands out the instance role credentials.',
  remediation:
    'Require tokens (`aws ec2 modify-instance-metadata-options --instance-id ID --http-tokens required --http-endpoint enabled`) and set the account default for new instances (`aws ec2 modify-instance-metadata-defaults --http-tokens required`).',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return resourceCheck(data['aws.config.resources'], 'AWS::EC2::Instance', 'EC2 instances', (item) => {
      if (sameWord(config<{ name?: string }>(item, 'state')?.name, 'terminated')) return undefined;
      const options = config<MetadataOptions>(item, 'metadataOptions') ?? {};
      const ok = sameWord(options.httpTokens, 'required') || sameWord(options.httpEndpoint, 'disabled');
      return itemFinding(
        item,
        ok,
        ok
          ? `instance ${item.resourceId} ${sameWord(options.httpTokens, 'required') ? 'requires IMDSv2' : 'has the metadata endpoint disabled'}`
          : `instance ${item.resourceId} accepts IMDSv1 (httpTokens ${options.httpTokens ?? 'not recorded'})`,
        { httpTokens: options.httpTokens ?? null, httpEndpoint: options.httpEndpoint ?? null },
      );
    });
  },
});
