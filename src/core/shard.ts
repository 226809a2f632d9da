import { createHash } from 'node:crypto';
import { InputError } from '../engine/errors.js';

/** One slice of a big organization: `index` of `count`, 1-based (`--shard 2/4`). */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InputError(`--shard: expected i/n with 1 <= i <= n, e.g. 2/4 (got '${text}')`);
  }
  return { index, count };
}

/** The shard (1..count) a key belongs to: SHA-256 of the key, first 4 bytes, mod count. Stable everywhere. */
export function shardOf(key: string, count: number): number {
  return (createHash('sha256').update(key, 'utf8').digest().readUInt32BE(0) % count) + 1;
}

/**
 * Whether this scan collects the item named `key`: an AWS account id (`123456789012`) or a GitHub
 * repository full name (`org/repo`). Without a shard every key is in.
 */
export function inShard(shard: Shard | undefined, key: string): boolean {
  return !shard || shard.count === 1 || shardOf(key, shard.count) === shard.index;
}

/**
 * Whether this scan collects organization-wide data that is not split by account or repository (org
 * settings, members, the Google Workspace directory): only shard 1 does, so merged results hold it once.
 */
export function ownsGlobalData(shard: Shard | undefined): boolean {
  return !shard || shard.index === 1;
}
