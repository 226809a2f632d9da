import type {} from '../../../src/collectors/github/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import { passOn } from '../shared.js';
import { hostOf, webhookProblems } from '../webhook-rules.js';

export default defineCheck({
  id: 'github.org-webhooks',
  title: 'Organization webhooks use verified TLS and a secret',
  provider: 'github',
  severity: 'medium',
  description:
    'Every organization-level webhook delivers over https, verifies TLS certificates (insecure_ssl "0") and signs payloads with a secret. Organization webhooks receive events from every repository.',
  risk: 'An organization webhook sees activity across all repositories; over plain http or without certificate checks it can be read or altered in transit, and without a secret forged deliveries cannot be told apart.',
  remediation:
    'Organization settings > Webhooks: use an https URL, enable SSL verification and set a secret that the receiver checks (X-Hub-Signature-256). Remove webhooks nobody owns.',
  requires: ['github.orgWebhooks'],
  evaluate({ 'github.orgWebhooks': hooks }, _options, { organization }) {
    if (hooks.length === 0) return [passOn(`organization (${organization})`, 'no organization webhooks')];
    return hooks.map((hook) => {
      const resource = `organization webhook ${hook.id} (${hostOf(hook.config.url)})`;
      const problems = webhookProblems(hook);
      return problems.length === 0
        ? passOn(resource, 'https, TLS verified, signed with a secret')
        : {
            resource,
            status: 'fail' as const,
            message: `webhook to ${hostOf(hook.config.url)}: ${problems.join(', ')}`,
            details: { active: hook.active, events: hook.events, insecure_ssl: hook.config.insecure_ssl },
          };
    });
  },
});
