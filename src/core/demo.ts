import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { builtInPlugins } from '../registry/builtins.js';
import { loadConfig, type Config } from './config.js';
import { demoDir } from './paths.js';
import { mergeSnapshots, readSnapshot, type Snapshot } from './snapshot.js';

/**
 * The bundled sample company: a config whose local sources (roster, policies, evidence) are real files
 * under demo/, plus recorded cloud data in demo/snapshot/*.json replayed through the same pipeline.
 */
export function loadDemo(): { config: Config; snapshot: Snapshot | undefined } {
  // The demo's config may have blocks for the plugins that ship with soc2 (an identity provider).
  const providers = builtInPlugins.flatMap((loaded) => loaded.plugin.providers ?? []);
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
