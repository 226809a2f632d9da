import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { redact, redactString } from '../engine/redact.js';
import type { McpContext } from './context.js';
import { criterionDetail } from './criterion.js';
import { listedEvidence, readEvidence } from './evidence.js';
import { currentReport } from './report.js';

const json = (uri: URL, value: unknown) => ({
  contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(redact(value), null, 2) }],
});

const single = (value: string | string[] | undefined): string =>
  Array.isArray(value) ? value.join(',') : (value ?? '');

/** soc2://report, soc2://evidence/{+path}, soc2://criteria/{id}; every text redacted like the reports. */
export function registerResources(server: McpServer, context: McpContext): void {
  server.registerResource(
    'report',
    'soc2://report',
    {
      title: 'Scan report (report.json)',
      description: 'The whole report of the served scan',
      mimeType: 'application/json',
    },
    async (uri) => {
      currentReport(context); // a clear error when there is no report
      const text = await readFile(join(context.reportDir, 'report.json'), 'utf8');
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: redactString(text) }] };
    },
  );

  server.registerResource(
    'evidence',
    new ResourceTemplate('soc2://evidence/{+path}', {
      list: async () => ({
        resources: (await listedEvidence(context)).map((path) => ({
          uri: `soc2://${path}`,
          name: path,
          mimeType: path.endsWith('.json') ? 'application/json' : 'text/plain',
        })),
      }),
    }),
    {
      title: 'Evidence files',
      description: "Files of the report's evidence folder (data/<key>.jsonl, manifest.json)",
    },
    async (uri, { path }) => {
      const file = await readEvidence(context, decodeURIComponent(single(path)));
      const mimeType = file.path.endsWith('.json') ? 'application/json' : 'text/plain';
      return { contents: [{ uri: uri.href, mimeType, text: file.text }] };
    },
  );

  server.registerResource(
    'criterion',
    new ResourceTemplate('soc2://criteria/{id}', {
      list: async () => ({
        resources: context.catalog.criteria.map((c) => ({
          uri: `soc2://criteria/${c.id}`,
          name: `${c.id} ${c.title}`,
          mimeType: 'application/json',
        })),
      }),
    }),
    {
      title: 'Trust Services Criteria',
      description: 'A criterion: status, controls, checks and manual evidence',
    },
    async (uri, { id }) =>
      json(uri, criterionDetail(context, currentReport(context), decodeURIComponent(single(id)))),
  );
}
