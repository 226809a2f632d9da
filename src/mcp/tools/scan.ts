import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { appendHistory } from '../../core/history.js';
import { describeScanEvent } from '../../engine/events.js';
import { InterruptedError } from '../../engine/errors.js';
import { redactString } from '../../engine/redact.js';
import { scanIntoOutput } from '../../evidence/scan-into-output.js';
import { DEFAULT_FORMATS, scanReporters } from '../../report/index.js';
import { answer, guarded, ToolError } from '../answer.js';
import { knownProvider } from '../catalog.js';
import type { McpContext } from '../context.js';
import { readinessOf } from '../readiness.js';
import { readinessShape } from './schemas.js';

/** One scan at a time per served folder, whichever client or session asks. */
const scanning = new WeakSet<McpContext>();

export function registerScanTool(server: McpServer, context: McpContext): void {
  server.registerTool(
    'run_scan',
    {
      title: 'Run a scan',
      description:
        "Runs `soc2 scan` with the server's config into the served output folder (replaced only when the scan completes), sending progress notifications, and returns the new readiness summary. Cancelling the request stops the scan and leaves the previous output untouched. Only available when the server was started with --allow-scan.",
      inputSchema: {
        providers: z.array(z.string()).optional().describe('only these providers, e.g. ["github"]'),
        checks: z.array(z.string()).optional().describe('only these checks'),
      },
      outputSchema: { outputDir: z.string(), ...readinessShape },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
    },
    guarded(async ({ providers, checks }, extra) => {
      if (!context.allowScan)
        throw new ToolError(
          'run_scan is disabled: this server only reads reports. Restart it as `soc2 mcp --allow-scan` to let clients run scans (they use the config and its credentials, and replace the output folder).',
        );
      if (scanning.has(context))
        throw new ToolError('a scan is already running for this output folder; wait for it');
      for (const provider of providers ?? []) knownProvider(context, provider, 'providers');
      scanning.add(context);
      const progressToken = extra._meta?.progressToken;
      let step = 0;
      try {
        const { config } = context;
        const formats = config.output?.formats ?? DEFAULT_FORMATS;
        const { result } = await scanIntoOutput({
          outDir: context.reportDir,
          reporters: scanReporters(formats, `${config.file ?? 'config'}: output.formats`),
          config,
          catalog: context.catalog,
          checks: context.registry.checks,
          providers: context.registry.providers,
          selection: { providers, checks },
          mode: 'live',
          env: context.env,
          signal: extra.signal,
          onEvent: (event) => {
            const message = describeScanEvent(event);
            if (progressToken === undefined || message === undefined) return;
            step += 1;
            extra
              .sendNotification({
                method: 'notifications/progress',
                params: { progressToken, progress: step, message: redactString(message) },
              })
              .catch(() => undefined);
          },
        });
        if (config.history) appendHistory(config.history, result);
        return answer({ outputDir: context.reportDir, ...readinessOf(result) });
      } catch (error) {
        if (error instanceof InterruptedError || extra.signal.aborted)
          throw new ToolError('the scan was cancelled; the previous output is untouched');
        throw error;
      } finally {
        scanning.delete(context);
      }
    }),
  );
}
