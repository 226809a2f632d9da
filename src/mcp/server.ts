import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { TOOL_VERSION } from '../engine/version.js';
import type { McpContext } from './context.js';
import { registerPrompts } from './prompts.js';
import { registerResources } from './resources.js';
import { registerCheckTools } from './tools/checks.js';
import { registerEvidenceTool } from './tools/evidence.js';
import { registerFileTools } from './tools/files.js';
import { registerFindingsTool } from './tools/findings.js';
import { registerReadinessTool } from './tools/readiness.js';
import { registerScanTool } from './tools/scan.js';

const INSTRUCTIONS = `soc2 serves one SOC 2 readiness scan: its report, its evidence folder and the control catalog.
Start with get_readiness, then list_findings {status: "fail"} and explain_check for what to fix;
get_evidence shows what was collected. Everything is read-only except run_scan, which the operator must enable.`;

/** One MCP server over the context: the eight tools, three resources and two prompts. */
export function createMcpServer(context: McpContext): McpServer {
  const server = new McpServer(
    { name: 'soc2', title: 'soc2 SOC 2 readiness', version: TOOL_VERSION },
    { instructions: INSTRUCTIONS },
  );
  registerCheckTools(server, context);
  registerReadinessTool(server, context);
  registerFindingsTool(server, context);
  registerEvidenceTool(server, context);
  registerFileTools(server, context);
  registerScanTool(server, context);
  registerResources(server, context);
  registerPrompts(server, context);
  return server;
}
