import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { redactString } from '../engine/redact.js';
import type { McpContext } from './context.js';
import { criterionDetail } from './criterion.js';
import { readinessOf } from './readiness.js';
import { currentReport } from './report.js';

const user = (text: string) => ({
  messages: [{ role: 'user' as const, content: { type: 'text' as const, text: redactString(text) } }],
});

export function registerPrompts(server: McpServer, context: McpContext): void {
  server.registerPrompt(
    'readiness_brief',
    {
      title: 'SOC 2 readiness brief',
      description:
        'A short brief for leadership: where the company stands, the failing criteria and what to fix first',
    },
    () => {
      const summary = readinessOf(currentReport(context));
      return user(
        [
          `Write a one-page SOC 2 readiness brief for ${summary.organization}, for leadership.`,
          'Say how ready we are per category, which criteria fail and why, what could not be checked (and so is',
          'not known to pass), and the five fixes that would move readiness most. Use list_findings with',
          'status "fail" and explain_check for detail; cite check ids and criteria. The current summary:',
          '',
          JSON.stringify(summary, null, 2),
        ].join('\n'),
      );
    },
  );

  server.registerPrompt(
    'remediation_plan',
    {
      title: 'Remediation plan for a criterion',
      description: 'A step-by-step plan to make one Trust Services Criterion pass',
      argsSchema: {
        criterion: completable(z.string().describe('a criterion id such as CC6.1'), (typed) =>
          context.catalog.criteria.map((c) => c.id).filter((id) => id.startsWith(typed.toUpperCase())),
        ),
      },
    },
    ({ criterion }) => {
      const detail = criterionDetail(context, currentReport(context), criterion);
      return user(
        [
          `Write a remediation plan that makes SOC 2 criterion ${detail.id} (${detail.title}) pass.`,
          'Order the steps by risk; for each failing check say what to change, who owns it (the control owner) and',
          'how to confirm the fix (run_scan or the next scan). Use list_findings with this criterion for the',
          'affected resources and get_evidence for what was collected. The criterion as the report sees it:',
          '',
          JSON.stringify(detail, null, 2),
        ].join('\n'),
      );
    },
  );
}
