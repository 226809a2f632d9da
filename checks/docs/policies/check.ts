import type { PolicyDoc } from '../../../src/collectors/docs/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { today } from '../dates.js';
import { STARTER_POLICY_IDS } from '../policy-ids.js';

function judge(policy: PolicyDoc, now: Date): Finding {
  const resource = `policy:${policy.id}`;
  const details = {
    file: policy.file,
    version: policy.version ?? null,
    owner: policy.owner ?? null,
    approvedBy: policy.approvedBy ?? null,
    approvedAt: policy.approvedAt ?? null,
    reviewDueAt: policy.reviewDueAt ?? null,
    sha256: policy.sha256,
  };
  if (!policy.approvedBy || !policy.approvedAt) {
    return {
      resource,
      status: 'fail',
      message: `${policy.title} is not approved (approved_by and approved_at must both be set)`,
      details,
    };
  }
  if (!policy.owner) {
    return { resource, status: 'fail', message: `${policy.title} has no owner`, details };
  }
  if (policy.reviewDueAt && policy.reviewDueAt < today(now)) {
    return {
      resource,
      status: 'fail',
      message: `${policy.title} is overdue for review: due ${policy.reviewDueAt} (every ${policy.reviewEvery})`,
      details,
    };
  }
  return {
    resource,
    status: 'pass',
    message: `${policy.title} v${policy.version ?? '?'} approved by ${policy.approvedBy} on ${policy.approvedAt}; next review by ${policy.reviewDueAt}`,
    details,
  };
}

export default defineCheck({
  id: 'docs.policies',
  title: 'Required policies exist, are approved and reviewed on schedule',
  provider: 'docs',
  severity: 'medium',
  description:
    'Each required policy (by default the 16 the catalog asks for) is a Markdown file in the policies folder with an owner, an approval (approved_by, approved_at) and a review that is not overdue (review_every, default 12 months). Extra policies in the folder are checked the same way.',
  risk: 'Policies are how the company tells its people what is expected (CC5.3, CC2.2); a missing, unapproved or stale policy means the control it backs has no agreed basis.',
  remediation:
    'Write the missing policies (soc2 init --policies writes a starter set), have management approve them (set approved_by and approved_at), and review each one at least every review_every (record reviewed_at or a new version).',
  requires: ['docs.policies'],
  options: {
    schema: {
      required: {
        type: 'array',
        items: { type: 'string', pattern: '^[a-z0-9-]+$' },
        description: 'Policy ids (file names without .md) that must exist.',
      },
    },
    defaults: { required: [...STARTER_POLICY_IDS] as string[] },
  },
  evaluate(data, options, { now }) {
    const folder = data['docs.policies'];
    const byId = new Map(folder.policies.map((p) => [p.id, p]));
    const findings: Finding[] = [];
    for (const id of options.required) {
      const policy = byId.get(id);
      findings.push(
        policy
          ? judge(policy, now)
          : {
              resource: `policy:${id}`,
              status: 'fail',
              message: folder.exists
                ? `policy '${id}' is missing (expected ${id}.md in the policies folder)`
                : `policy '${id}' is missing: the policies folder ${folder.dir} does not exist`,
            },
      );
    }
    for (const policy of folder.policies) {
      if (!options.required.includes(policy.id)) findings.push(judge(policy, now));
    }
    return findings.length > 0
      ? findings
      : [{ resource: 'policies', status: 'pass', message: 'no policies required and none in the folder' }];
  },
});
