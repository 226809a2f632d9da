import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { answer, guarded } from '../answer.js';
import type { McpContext } from '../context.js';
import { readinessOf } from '../readiness.js';
import { currentReport } from '../report.js';
import { READ_ONLY } from './annotations.js';
import { readinessShape } from './schemas.js';

export function registerReadinessTool(server: McpServer, context: McpContext): void {
  server.registerTool(
    'get_readiness',
    {
      title: 'Readiness summary',
      description:
        "The report's summary: readiness per category, status of each criterion, counts of checks, controls, criteria, findings and manual evidence, the scan's time and scope, and whether the scan was complete.",
      inputSchema: {},
      outputSchema: readinessShape,
      annotations: READ_ONLY,
    },
    guarded(() => answer(readinessOf(currentReport(context)))),
  );
}
