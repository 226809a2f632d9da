import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { evidencePathForKey } from '../../evidence/scan-output.js';
import { answer, guarded, ToolError } from '../answer.js';
import type { McpContext } from '../context.js';
import { readEvidence } from '../evidence.js';
import { decodeCursor, encodeCursor } from '../paging.js';
import { currentReport } from '../report.js';
import { READ_ONLY } from './annotations.js';

/** Characters of evidence text in one answer; longer files are paged with a cursor, never cut. */
export const EVIDENCE_PAGE_CHARS = 64 * 1024;

export function registerEvidenceTool(server: McpServer, context: McpContext): void {
  server.registerTool(
    'get_evidence',
    {
      title: 'Get evidence',
      description: `A file of the report's evidence folder: its text (redacted), SHA-256, size, whether it matches evidence/manifest.json, and its provenance (data key, collection time, checks that used it). Give either \`check\` (the evidence file of the first data key it read; \`otherFiles\` lists the rest) or \`path\` (relative to the evidence folder, e.g. data/github.repos.jsonl; the evidence/ prefix is accepted). Text beyond ${EVIDENCE_PAGE_CHARS} characters comes in pages: pass nextCursor back as cursor.`,
      inputSchema: {
        check: z.string().optional().describe('a check id from the report'),
        path: z.string().optional().describe('a file inside the evidence folder'),
        cursor: z.string().optional().describe('nextCursor of the previous page'),
      },
      outputSchema: {
        path: z.string(),
        sha256: z.string(),
        size: z.number().int(),
        manifest: z.enum(['match', 'mismatch', 'not listed']),
        provenance: z.object({
          key: z.string().optional(),
          collectedAt: z.string().optional(),
          usedBy: z.array(z.string()).optional(),
          status: z.string().optional(),
          complete: z.boolean().optional(),
          records: z.number().int().optional(),
        }),
        offset: z.number().int(),
        totalChars: z.number().int(),
        content: z.string(),
        nextCursor: z.string().optional(),
        otherFiles: z.array(z.string()).optional(),
      },
      annotations: READ_ONLY,
    },
    guarded(async ({ check, path, cursor }) => {
      if ((check === undefined) === (path === undefined))
        throw new ToolError(
          'give either `check` (a check id) or `path` (a file of the evidence folder), not both',
        );
      let files: string[];
      if (check !== undefined) {
        const result = currentReport(context).checks.find((c) => c.id === check);
        if (!result)
          throw new ToolError(`check: '${check}' is not in the report (list_findings or list_checks)`);
        files = result.data.map(evidencePathForKey);
        if (files.length === 0)
          throw new ToolError(`check: '${check}' read no data, so it has no evidence file`);
      } else {
        files = [path!];
      }
      const file = await readEvidence(context, files[0]!, check !== undefined ? 'check' : 'path');
      const offset = decodeCursor(cursor);
      if (offset > file.text.length)
        throw new ToolError(`cursor: beyond the end of the file (${file.text.length} characters)`);
      const end = Math.min(offset + EVIDENCE_PAGE_CHARS, file.text.length);
      return answer({
        path: file.path,
        sha256: file.sha256,
        size: file.size,
        manifest: file.manifest,
        provenance: file.provenance,
        offset,
        totalChars: file.text.length,
        content: file.text.slice(offset, end),
        ...(end < file.text.length ? { nextCursor: encodeCursor(end) } : {}),
        ...(files.length > 1 ? { otherFiles: files.slice(1) } : {}),
      });
    }),
  );
}
