import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { SEVERITIES } from '../../engine/types.js';
import { answer, guarded, ToolError } from '../answer.js';
import { catalogLinks, knownProvider, selectCriteria } from '../catalog.js';
import type { McpContext } from '../context.js';
import { READ_ONLY } from './annotations.js';

const checkRow = z.object({
  id: z.string(),
  title: z.string(),
  provider: z.string(),
  severity: z.enum(SEVERITIES),
  criteria: z.array(z.string()),
});

export function registerCheckTools(server: McpServer, context: McpContext): void {
  server.registerTool(
    'list_checks',
    {
      title: 'List checks',
      description:
        'The automated checks soc2 knows (built in and from plugins): id, title, provider, severity and the Trust Services Criteria they support. Filter by provider and by criterion (CC6.1, a series such as CC6, or a category such as availability).',
      inputSchema: {
        provider: z.string().optional().describe('only checks of this provider, e.g. github'),
        criterion: z
          .string()
          .optional()
          .describe('only checks whose failing findings fail these criteria: CC6.1, CC6 or security'),
      },
      outputSchema: { total: z.number().int(), checks: z.array(checkRow) },
      annotations: READ_ONLY,
    },
    guarded(({ provider, criterion }) => {
      knownProvider(context, provider);
      const wanted = criterion === undefined ? undefined : selectCriteria(context, criterion);
      const checks = context.registry.checks
        .filter((c) => provider === undefined || c.provider === provider)
        .map((c) => ({
          id: c.id,
          title: c.title,
          provider: c.provider,
          severity: c.severity,
          criteria: catalogLinks(context, c.id).criteria,
        }))
        .filter((c) => !wanted || c.criteria.some((id) => wanted.has(id)));
      return answer({ total: checks.length, checks });
    }),
  );

  server.registerTool(
    'explain_check',
    {
      title: 'Explain a check',
      description:
        'What one check looks at and why: description, risk, remediation, its options (defaults and the values the config sets), the controls that use it, the criteria a failing finding fails and those the controls only support.',
      inputSchema: {
        id: z.string().describe('a check id, e.g. github.branch-protection (list_checks lists them)'),
      },
      outputSchema: {
        id: z.string(),
        title: z.string(),
        provider: z.string(),
        severity: z.enum(SEVERITIES),
        description: z.string(),
        risk: z.string(),
        remediation: z.string(),
        requires: z.array(z.string()),
        options: z.object({
          defaults: z.record(z.string(), z.unknown()),
          configured: z.record(z.string(), z.unknown()),
          schema: z.record(z.string(), z.unknown()),
        }),
        controls: z.array(z.object({ id: z.string(), title: z.string(), criteria: z.array(z.string()) })),
        criteria: z.array(z.object({ id: z.string(), title: z.string() })),
        supports: z.array(z.object({ id: z.string(), title: z.string() })),
      },
      annotations: READ_ONLY,
    },
    guarded(({ id }) => {
      const check = context.registry.checks.find((c) => c.id === id);
      if (!check)
        throw new ToolError(
          `id: no check '${id}' (list_checks lists the ${context.registry.checks.length} checks)`,
        );
      const links = catalogLinks(context, check.id);
      const titles = new Map(context.catalog.criteria.map((c) => [c.id, c.title]));
      const { title, provider, severity, description, risk, remediation } = check;
      return answer({
        id,
        ...{ title, provider, severity, description, risk, remediation },
        requires: [...check.requires],
        options: {
          defaults: { ...(check.options?.defaults ?? {}) },
          configured: { ...(context.config.checks[check.id] ?? {}) },
          schema: { ...(check.options?.schema ?? {}) },
        },
        controls: links.controls.map((c) => ({
          id: c.id,
          title: c.title,
          criteria: c.criteria.map((k) => k.id),
        })),
        criteria: links.criteria.map((c) => ({ id: c, title: titles.get(c) ?? c })),
        supports: links.supports.map((c) => ({ id: c, title: titles.get(c) ?? c })),
      });
    }),
  );
}
