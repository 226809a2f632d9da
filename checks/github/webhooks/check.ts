import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { passOn, readRepos } from '../shared.js';
import { hostOf, webhookProblems } from '../webhook-rules.js';

export default defineCheck({
  id: 'github.webhooks',
  title: 'Webhooks use verified TLS and a secret',
  provider: 'github',
  severity: 'medium',
  description:
    'Every webhook on an active repository delivers over https, verifies TLS certificates (insecure_ssl "0") and signs payloads with a secret (GitHub shows a set secret as "********").',
  risk: "Webhook payloads carry code and metadata; over plain http or without certificate checks they can be read or altered in transit, and without a secret the receiver cannot tell forged deliveries from GitHub's.",
  remediation:
    'Edit the webhook (Repository settings > Webhooks): use an https URL, enable SSL verification, and set a secret that the receiver checks (X-Hub-Signature-256).',
  requires: ['github.webhooks'],
  evaluate({ 'github.webhooks': repos }) {
    const { read, notRead } = readRepos(repos, 'webhooks');
    const findings: Finding[] = [];
    let total = 0;
    for (const { repo, hooks } of read) {
      for (const hook of hooks) {
        total += 1;
        const url = hook.config.url;
        const problems = webhookProblems(hook);
        const resource = `${repo}: webhook ${hook.id} (${hostOf(url)})`;
        findings.push(
          problems.length === 0
            ? passOn(resource, 'https, TLS verified, signed with a secret')
            : {
                resource,
                status: 'fail',
                message: `webhook to ${hostOf(url)}: ${problems.join(', ')}`,
                details: { active: hook.active, events: hook.events, insecure_ssl: hook.config.insecure_ssl },
              },
        );
      }
    }
    if (total === 0) findings.push(passOn('webhooks', 'no repository webhooks'));
    return [...findings, ...notRead];
  },
});
