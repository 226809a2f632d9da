import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { InputError } from '../engine/errors.js';
import { sha256, type Manifest } from './manifest.js';
import type { OutputFile } from './output-dir.js';
import { MANIFEST_PATH } from './scan-output.js';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** A shard's evidence files, checked against its manifest so a tampered or partial shard is refused. */
function shardEvidence(dir: string): { path: string; content: Buffer }[] {
  const evidenceDir = join(dir, 'evidence');
  const manifestFile = join(dir, ...MANIFEST_PATH.split('/'));
  const manifest = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest)
    : undefined;
  const expected = new Map(manifest?.files.map((f) => [f.path, f.sha256]));
  return filesUnder(evidenceDir).map((file) => {
    const path = relative(dir, file).split(sep).join('/');
    const content = readFileSync(file);
    const hash = expected.get(path);
    if (manifest && path !== MANIFEST_PATH && hash !== sha256(content)) {
      throw new InputError([
        {
          file,
          message: hash
            ? 'does not match its shard manifest (SHA-256 differs)'
            : 'not listed in its shard manifest',
        },
      ]);
    }
    return { path, content };
  });
}

/**
 * The merged output folder's files besides its reports and manifest: each shard's evidence (data files
 * and its manifest) under evidence/shards/shard-<i>/, with the shard's report.json.
 */
export function mergedShardFiles(shards: readonly { dir: string; label: string }[]): OutputFile[] {
  const files: OutputFile[] = [];
  for (const shard of shards) {
    for (const file of shardEvidence(shard.dir)) {
      files.push({
        path: `evidence/shards/${shard.label}/${file.path.replace(/^evidence\//, '')}`,
        content: file.content,
      });
    }
    const report = join(shard.dir, 'report.json');
    if (existsSync(report)) {
      files.push({ path: `evidence/shards/${shard.label}/report.json`, content: readFileSync(report) });
    }
  }
  return files;
}
