import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import * as z from 'zod';
import { diffReports, readReport } from '../../core/baseline.js';
import { verifyBundle } from '../../evidence/bundle/verify.js';
import { SEVERITIES } from '../../engine/types.js';
import { answer, guarded, ToolError } from '../answer.js';
import type { McpContext } from '../context.js';
import { pageArguments, pageOf } from '../paging.js';
import { confinedArgument } from '../paths.js';
import { currentReport } from '../report.js';
import { READ_ONLY } from './annotations.js';

const CHANGES = ['new', 'fixed', 'unchanged', 'not_rechecked'] as const;
type Change = (typeof CHANGES)[number];

/** An output folder (or its report.json) named by a client: inside the server's root, and a soc2 report. */
async function reportAt(context: McpContext, path: string, argument: string) {
  const full = await confinedArgument(context.root, path, argument, 'the folder soc2 mcp serves');
  return readReport(full);
}

export function registerFileTools(server: McpServer, context: McpContext): void {
  server.registerTool(
    'diff_reports',
    {
      title: 'Diff two reports',
      description:
        'Failing findings compared between two scan output folders (or their report.json), as `soc2 diff` computes them: `new` (failing now, not before), `fixed`, `unchanged` (still failing) and `not_rechecked` (failing before, not readable now), plus control status changes and readiness. Findings are paged (filter with `change`); `totals` counts each kind. `base` and `head` are relative to the folder the server serves (by default the one holding the report folder); `head` defaults to the served report.',
      inputSchema: {
        base: z.string().describe('the earlier output folder, e.g. last-week'),
        head: z.string().optional().describe('the later output folder (default: the served report)'),
        change: z.enum(CHANGES).optional().describe('only findings with this change'),
        ...pageArguments,
      },
      outputSchema: {
        base: z.object({ path: z.string(), evaluatedAt: z.string() }),
        head: z.object({ path: z.string(), evaluatedAt: z.string() }),
        totals: z.object({
          new: z.number(),
          fixed: z.number(),
          unchanged: z.number(),
          not_rechecked: z.number(),
        }),
        total: z.number().int(),
        returned: z.number().int(),
        findings: z.array(
          z.object({
            change: z.enum(CHANGES),
            check: z.string(),
            title: z.string(),
            severity: z.enum(SEVERITIES),
            resource: z.string(),
            message: z.string(),
          }),
        ),
        nextCursor: z.string().optional(),
        controls: z.array(z.object({ id: z.string(), title: z.string(), from: z.string(), to: z.string() })),
        readiness: z.object({ from: z.number(), to: z.number() }),
      },
      annotations: READ_ONLY,
    },
    guarded(async ({ base, head, change, limit, cursor }) => {
      const before = await reportAt(context, base, 'base');
      const after = head === undefined ? currentReport(context) : await reportAt(context, head, 'head');
      const diff = diffReports(before, after);
      const lists: Record<Change, typeof diff.fixed> = {
        new: diff.newFailures,
        fixed: diff.fixed,
        unchanged: diff.unchanged,
        not_rechecked: diff.notRechecked,
      };
      const rows = CHANGES.filter((c) => change === undefined || c === change).flatMap((c) =>
        lists[c].map((finding) => ({ change: c, ...finding })),
      );
      const page = pageOf(rows, limit, cursor);
      return answer({
        base: { path: base, evaluatedAt: diff.old.evaluatedAt },
        head: {
          path: head ?? (relative(context.root, context.reportDir) || '.'),
          evaluatedAt: diff.new.evaluatedAt,
        },
        totals: {
          new: diff.newFailures.length,
          fixed: diff.fixed.length,
          unchanged: diff.unchanged.length,
          not_rechecked: diff.notRechecked.length,
        },
        total: rows.length,
        returned: page.items.length,
        findings: page.items,
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
        controls: diff.controls,
        readiness: diff.readiness,
      });
    }),
  );

  server.registerTool(
    'verify_bundle',
    {
      title: 'Verify an evidence bundle',
      description:
        "The result of `soc2 verify` on an evidence bundle zip: every file's SHA-256 against manifest.json and SHA256SUMS, missing, extra or modified files, and whether it is signed. `path` is relative to the folder the server serves. Hostile archives (traversal, links, zip bombs) are refused unread.",
      inputSchema: { path: z.string().describe('the bundle zip, e.g. evidence.zip') },
      outputSchema: {
        path: z.string(),
        status: z.enum(['intact', 'tampered', 'hostile', 'unreadable']),
        files: z.number().int().optional(),
        bytes: z.number().optional(),
        problems: z
          .array(
            z.object({
              kind: z.enum(['modified', 'missing', 'extra', 'signature']),
              path: z.string(),
              detail: z.string(),
            }),
          )
          .optional(),
        signature: z.enum(['valid', 'invalid', 'absent', 'not_checked']).optional(),
        notes: z.array(z.string()).optional(),
        provenance: z
          .object({
            tool: z.object({ name: z.string(), version: z.string() }),
            mode: z.enum(['live', 'snapshot', 'demo']),
            startedAt: z.string(),
            finishedAt: z.string(),
            evaluatedAt: z.string(),
            host: z.string(),
            config: z.object({ sha256: z.string() }),
            catalog: z.object({ sha256: z.string(), controls: z.number().int() }),
            checkOptions: z.object({ sha256: z.string() }),
            sources: z.array(
              z.object({
                provider: z.string(),
                status: z.string(),
                ids: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
              }),
            ),
          })
          .optional()
          .describe("the scan's provenance; provenanceSigned says whether it comes from a valid signature"),
        provenanceSigned: z.boolean().optional(),
        reason: z.string().optional(),
      },
      annotations: READ_ONLY,
    },
    guarded(async ({ path }) => {
      const full = await confinedArgument(context.root, path, 'path', 'the folder soc2 mcp serves');
      if (!(await stat(full)).isFile()) throw new ToolError(`path: '${path}' is a folder, not a bundle zip`);
      const { manifest: _manifest, ...result } = (await verifyBundle(full)) as Awaited<
        ReturnType<typeof verifyBundle>
      > & {
        manifest?: unknown;
      };
      return answer({ path, ...result });
    }),
  );
}
