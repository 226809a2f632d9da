import * as z from 'zod';
import { ToolError } from './answer.js';

export const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

/** The `limit` and `cursor` arguments of every paged list tool. */
export const pageArguments = {
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .optional()
    .describe(`page size (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE})`),
  cursor: z.string().optional().describe('nextCursor of the previous page'),
};

/** Cursors are opaque to clients: the offset of the next item, base64url-encoded with a tag. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`soc2:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^soc2:(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new ToolError(`cursor: '${cursor}' is not a cursor this server gave out`);
  return Number(match[1]);
}

/** One page of a list and the cursor of the next, if any. */
export function pageOf<T>(
  items: readonly T[],
  limit: number = DEFAULT_PAGE_SIZE,
  cursor?: string,
): { items: T[]; nextCursor?: string } {
  const offset = decodeCursor(cursor);
  if (offset > items.length)
    throw new ToolError(`cursor: beyond the end of the list (${items.length} items)`);
  const page = items.slice(offset, offset + limit);
  const next = offset + page.length;
  return next < items.length ? { items: page, nextCursor: encodeCursor(next) } : { items: page };
}
