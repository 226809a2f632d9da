import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { InputError } from '../engine/errors.js';
import { redact, redactString } from '../engine/redact.js';

/** A refusal or a problem the client should read: becomes a tool result with `isError: true`. */
export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolError';
  }
}

/** A tool's structured answer, redacted like the reports, with the same JSON as its text content. */
export function answer<T extends object>(structured: T): CallToolResult & { structuredContent: T } {
  const clean = redact(structured);
  return {
    content: [{ type: 'text', text: JSON.stringify(clean, null, 2) }],
    structuredContent: clean as T & Record<string, unknown>,
  };
}

export function toolError(message: string): CallToolResult {
  return { content: [{ type: 'text', text: redactString(message) }], isError: true };
}

function messageOf(error: unknown): string {
  if (error instanceof InputError) return error.describe();
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * Wraps a tool handler: whatever it throws becomes a tool error with a message (never a stack trace, and
 * redacted), so a bad argument or a missing file never takes the server down.
 */
export function guarded<A, E>(
  handler: (args: A, extra: E) => Promise<CallToolResult> | CallToolResult,
): (args: A, extra: E) => Promise<CallToolResult> {
  return async (args, extra) => {
    try {
      return await handler(args, extra);
    } catch (error) {
      return toolError(messageOf(error));
    }
  };
}
