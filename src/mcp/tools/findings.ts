import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import type { FindingResult } from '../../engine/result.js';
import { SEVERITIES } from '../../engine/types.js';
import { answer, guarded } from '../answer.js';
import { knownProvider, selectCriteria } from '../catalog.js';
import type { McpContext } from '../context.js';
import { pageArguments, pageOf } from '../paging.js';
import { currentReport } from '../report.js';
import { READ_ONLY } from './annotations.js';

/** `fail` counts like the report: failing and not covered by an exception; `excepted` are those covered. */
const STATUSES = ['pass', 'fail', 'excepted', 'error'] as const;
type Status = (typeof STATUSES)[number];

const statusOf = (f: FindingResult): Status => (f.exception ? 'excepted' : f.status);

const findingRow = z.object({
  check: z.string(),
  title: z.string(),
  provider: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(STATUSES),
  resource: z.string(),
  message: z.string(),
  criteria: z.array(z.string()),
  controls: z.array(z.string()),
  details: z.record(z.string(), z.unknown()).optional(),
  cause: z.record(z.string(), z.unknown()).optional(),
  exception: z.record(z.string(), z.unknown()).optional(),
  baseline: z.enum(['new', 'unchanged']).optional(),
});

export function registerFindingsTool(server: McpServer, context: McpContext): void {
  server.registerTool(
    'list_findings',
    {
      title: 'List findings',
      description:
        "Findings of the report (one per check and resource), filtered and paged. status: pass, fail (failing, no exception: the report's count), excepted (failing but covered by an exception), error (scope not checked). `total` is the number matching the filters; `totals` counts them by status ignoring the status filter. Pass `nextCursor` back as `cursor` for the next page.",
      inputSchema: {
        status: z.enum(STATUSES).optional(),
        severity: z.enum(SEVERITIES).optional(),
        provider: z.string().optional(),
        check: z.string().optional().describe('a check id'),
        criterion: z.string().optional().describe('CC6.1, a series such as CC6, or a category'),
        ...pageArguments,
      },
      outputSchema: {
        total: z.number().int(),
        totals: z.object({ pass: z.number(), fail: z.number(), excepted: z.number(), error: z.number() }),
        returned: z.number().int(),
        findings: z.array(findingRow),
        nextCursor: z.string().optional(),
      },
      annotations: READ_ONLY,
    },
    guarded(({ status, severity, provider, check, criterion, limit, cursor }) => {
      knownProvider(context, provider);
      const criteria = criterion === undefined ? undefined : selectCriteria(context, criterion);
      const report = currentReport(context);
      const rows = report.checks
        .filter(
          (c) =>
            (severity === undefined || c.severity === severity) &&
            (provider === undefined || c.provider === provider) &&
            (check === undefined || c.id === check) &&
            (!criteria || c.criteria.some((id) => criteria.has(id))),
        )
        .flatMap((c) =>
          c.findings.map((f) => ({
            check: c.id,
            title: c.title,
            provider: c.provider,
            severity: c.severity,
            status: statusOf(f),
            resource: f.resource,
            message: f.message,
            criteria: c.criteria,
            controls: c.controls,
            ...(f.details ? { details: f.details } : {}),
            ...(f.cause ? { cause: { ...f.cause } } : {}),
            ...(f.exception ? { exception: { ...f.exception } } : {}),
            ...(f.baseline ? { baseline: f.baseline } : {}),
          })),
        );
      const totals = { pass: 0, fail: 0, excepted: 0, error: 0 };
      for (const row of rows) totals[row.status]++;
      const matching = status === undefined ? rows : rows.filter((r) => r.status === status);
      const page = pageOf(matching, limit, cursor);
      return answer({
        total: matching.length,
        totals,
        returned: page.items.length,
        findings: page.items,
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      });
    }),
  );
}
