import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Provider } from '../engine/collector.js';
import { loadConfig, type Config } from './config.js';
import { demoDir } from './paths.js';
import { mergeSnapshots, readSnapshot, type Snapshot } from './snapshot.js';

/**
 * The bundled sample company: a config whose local sources (roster, policies, evidence) are real files
 * under demo/, plus recorded cloud data in demo/snapshot/*.json replayed through the same pipeline.
 */
export function loadDemo(providers?: readonly Provider[]): {
  config: Config;
  snapshot: Snapshot | undefined;
} {
  const config = loadConfig(join(demoDir, 'soc2.config.yaml'), undefined, providers);
  const snapshotDir = join(demoDir, 'snapshot');
  const files = existsSync(snapshotDir)
    ? readdirSync(snapshotDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  const snapshots = files.map((f) => readSnapshot(join(snapshotDir, f)));
  return { config, snapshot: snapshots.length > 0 ? mergeSnapshots(snapshots) : undefined };
}
