import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { daysSince } from '../../../src/engine/days.js';

export default defineCheck({
  id: 'docs.risk-register',
  title: 'The risk register exists, is reviewed yearly and every risk is assessed',
  provider: 'docs',
  severity: 'medium',
  description:
    'The risk register (risks.yaml) exists, its reviewed_at is no older than maxAgeDays, and every open risk has an owner, a likelihood, an impact and a treatment decision (mitigate, accept, transfer or avoid).',
  risk: 'SOC 2 expects a risk assessment that is current and acted on (CC3.1-CC3.4); an unowned or unscored risk is one nobody decided about.',
  remediation:
    'Hold the yearly risk assessment: review every risk with its owner, score likelihood and impact, record the treatment decision, and set reviewed_at to the meeting date.',
  requires: ['docs.risks'],
  options: {
    schema: {
      maxAgeDays: {
        type: 'integer',
        minimum: 1,
        description: 'The register must be reviewed within this many days.',
      },
    },
    defaults: { maxAgeDays: 365 },
  },
  evaluate(data, options, { now }) {
    const register = data['docs.risks'];
    if (!register.exists) {
      return [
        {
          resource: 'risks:register',
          status: 'fail',
          message: `risk register not found at ${register.file}`,
        },
      ];
    }
    const findings: Finding[] = [];
    const age = register.reviewedAt ? daysSince(register.reviewedAt, now) : undefined;
    findings.push(
      age === undefined
        ? { resource: 'risks:register', status: 'fail', message: 'the risk register has no reviewed_at date' }
        : age > options.maxAgeDays
          ? {
              resource: 'risks:register',
              status: 'fail',
              message: `the risk register was last reviewed on ${register.reviewedAt}, ${age} days ago (max ${options.maxAgeDays})`,
            }
          : {
              resource: 'risks:register',
              status: 'pass',
              message: `${register.risks.length} risks, reviewed on ${register.reviewedAt}`,
            },
    );
    if (register.risks.length === 0) {
      findings.push({
        resource: 'risks:register',
        status: 'fail',
        message: 'the risk register lists no risks',
      });
    }
    for (const risk of register.risks) {
      if (risk.status === 'closed') continue;
      const missing = (['owner', 'likelihood', 'impact', 'treatment'] as const).filter(
        (k) => risk[k] === undefined,
      );
      findings.push(
        missing.length > 0
          ? {
              resource: `risk:${risk.id}`,
              status: 'fail',
              message: `${risk.id} ${risk.title}: missing ${missing.join(', ')} (line ${risk.line})`,
              details: { missing, line: risk.line },
            }
          : {
              resource: `risk:${risk.id}`,
              status: 'pass',
              message: `${risk.id} ${risk.title}: ${risk.treatment}, score ${risk.likelihood! * risk.impact!}, owner ${risk.owner}`,
            },
      );
    }
    return findings;
  },
});
