import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { regionNotChecked, scopeResource } from '../support.js';

export default defineCheck({
  id: 'aws.config-rule-compliance',
  title: 'AWS Config rules are compliant',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every AWS Config rule deployed in the scanned accounts and regions is compliant; each non-compliant resource is its own finding.',
  risk: 'Config rules encode the organization’s own configuration standards; non-compliant resources are known deviations nobody fixed.',
  remediation:
    'Fix each resource (the annotation says why it is non-compliant) or record an exception with a reason and an expiry.',
  requires: ['aws.config.compliance'],
  evaluate(data) {
    const findings: Finding[] = [];
    for (const r of data['aws.config.compliance']) {
      const where = `${r.accountId} ${r.region}`;
      if (r.status === 'error') {
        findings.push(regionNotChecked(r, 'Config rules'));
        continue;
      }
      let compliant = 0;
      for (const rule of r.value) {
        if (rule.compliance !== 'NON_COMPLIANT') {
          if (rule.compliance === 'COMPLIANT') compliant++;
          continue;
        }
        if (rule.nonCompliant.length === 0) {
          findings.push({
            resource: `${scopeResource(r)}/config-rule/${rule.rule}`,
            status: 'fail',
            message: `rule ${rule.rule} is NON_COMPLIANT in ${where}`,
            details: { accountId: r.accountId, region: r.region, rule: rule.rule },
          });
        }
        for (const res of rule.nonCompliant) {
          findings.push({
            resource: `${scopeResource(r)}/${res.resourceType}/${res.resourceId}`,
            status: 'fail',
            message: `${res.resourceType} ${res.resourceId} violates rule ${rule.rule}${res.annotation ? `: ${res.annotation}` : ''}`,
            details: { accountId: r.accountId, region: r.region, rule: rule.rule, ...res },
          });
        }
      }
      const failing = findings.some(
        (f) => f.status === 'fail' && f.resource.startsWith(`${scopeResource(r)}/`),
      );
      if (!failing) {
        findings.push({
          resource: scopeResource(r),
          status: 'pass',
          message: r.value.length
            ? `${compliant} of ${r.value.length} Config rules compliant in ${where}, none non-compliant`
            : `no AWS Config rules deployed in ${where}`,
          details: {
            accountId: r.accountId,
            region: r.region,
            rules: r.value.map((x) => ({ rule: x.rule, compliance: x.compliance })),
          },
        });
      }
    }
    return findings.length
      ? findings
      : [{ resource: 'aws', status: 'fail', message: 'no AWS region was scanned' }];
  },
});
