import type { Catalog } from '../core/catalog.js';
import type { Config } from '../core/config.js';
import type { Registry } from '../registry/registry.js';

/** What every tool, resource and prompt of `soc2 mcp` reads from; fixed when the server starts. */
export interface McpContext {
  /** The scan output folder (absolute): report.json, evidence/, .soc2-output. */
  reportDir: string;
  /** The folder (absolute) that diff_reports and verify_bundle paths resolve in and may not leave. */
  root: string;
  config: Config;
  registry: Registry;
  catalog: Catalog;
  /** run_scan is refused unless the server was started with --allow-scan. */
  allowScan: boolean;
  env: NodeJS.ProcessEnv;
}
