import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';

/** Reads the report, evidence or catalog; changes nothing; the same arguments give the same answer. */
export const READ_ONLY: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};
