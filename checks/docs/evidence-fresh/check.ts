import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { addDays } from '../../../src/engine/days.js';
import { today } from '../dates.js';

export default defineCheck({
  id: 'docs.evidence-fresh',
  title: 'Manual evidence items are present and still fresh',
  provider: 'docs',
  severity: 'low',
  description:
    'Every item of the evidence index (evidence/index.yaml) has all its files present (each is hashed with SHA-256 into the scan evidence) and was collected no longer ago than its valid_days (defaultValidDays when unset). Which control requests each item satisfies is shown per control in the report.',
  risk: 'Evidence that is missing or out of date does not prove the control operated during the audit period; auditors sample exactly these records (access reviews, restore tests, tabletop exercises).',
  remediation:
    'Collect the activity again (run the access review, the restore test...), save the record in the evidence folder and update collected_at and files in the index; remove entries whose files were deleted.',
  requires: ['docs.evidence'],
  options: {
    schema: {
      defaultValidDays: {
        type: 'integer',
        minimum: 1,
        description: 'How long an item without valid_days stays fresh.',
      },
    },
    defaults: { defaultValidDays: 365 },
  },
  evaluate(data, options, { now }) {
    const index = data['docs.evidence'];
    if (!index.exists) {
      return [
        {
          resource: 'evidence:index',
          status: 'fail',
          message: `no evidence index at ${index.index} (soc2 init --evidence writes an example)`,
        },
      ];
    }
    if (index.items.length === 0) {
      return [
        {
          resource: 'evidence:index',
          status: 'fail',
          message: `the evidence index ${index.index} lists no items: nothing proves the manual controls yet`,
        },
      ];
    }
    return index.items.map((item): Finding => {
      const resource = `evidence:${item.control}/${item.request}@${item.collectedAt}`;
      const expires = addDays(item.collectedAt, item.validDays ?? options.defaultValidDays);
      const missing = item.files.filter((f) => !f.present).map((f) => f.path);
      const details = {
        title: item.title,
        line: item.line,
        collectedAt: item.collectedAt,
        expiresAt: expires,
        files: item.files,
      };
      if (missing.length > 0) {
        return {
          resource,
          status: 'fail',
          message: `${item.title}: file${missing.length > 1 ? 's' : ''} not found: ${missing.join(', ')}`,
          details,
        };
      }
      if (expires < today(now)) {
        return {
          resource,
          status: 'fail',
          message: `${item.title}: collected ${item.collectedAt}, expired ${expires}`,
          details,
        };
      }
      return {
        resource,
        status: 'pass',
        message: `${item.title}: ${item.files.length} file${item.files.length > 1 ? 's' : ''}, fresh until ${expires}`,
        details,
      };
    });
  },
});
