import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataEntry, Snapshot } from '../../src/core/snapshot.js';
import { InputError } from '../../src/engine/errors.js';
import type { CollectedSegments } from '../../src/engine/segmented.js';
import { memorySegmentStore } from '../../src/engine/segments.js';
import { readSnapshotFile, snapshotJsonl } from '../../src/evidence/snapshot-file.js';
import { snapshotOf } from '../fixtures/engine.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function file(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-snap-'));
  dirs.push(dir);
  return join(dir, name);
}

const snapshot: Snapshot = snapshotOf({
  'aws.accounts': { status: 'ok', value: { mode: 'organization', accounts: [{ id: '1' }, { id: '2' }] } },
  'github.repos': { status: 'ok', value: [{ full_name: 'o/a' }, { full_name: 'o/b' }], collectedAt: 'x' },
  'google.users': { status: 'skipped', reason: 'not configured' },
});
const segment = (id: string): Record<string, DataEntry> => ({
  'aws.config.resources': {
    status: 'ok',
    value: {
      source: 'account',
      coverage: [{ accountId: id }],
      items: [
        { accountId: id, n: 1 },
        { accountId: id, n: 2 },
      ],
    },
  },
  'aws.config.recorders':
    id === '2' ? { status: 'error', error: 'AccessDenied' } : { status: 'ok', value: [{ accountId: id }] },
});

function saved(): string {
  const store = memorySegmentStore();
  store.put('1', segment('1'));
  store.put('2', segment('2'));
  const collected = [
    {
      keys: ['aws.config.resources', 'aws.config.recorders'],
      ids: ['1', '2'],
    } as unknown as CollectedSegments,
  ];
  const path = file('snap.jsonl');
  writeFileSync(path, [...snapshotJsonl(snapshot, { collected, store })].join(''));
  return path;
}

describe('snapshot files (JSON Lines, version 2)', () => {
  it('reads whole keys back as they were and leaves each segment in the file until it is asked for', () => {
    const path = saved();
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      format: 'soc2-snapshot',
      version: 2,
      organization: 'Test Co',
    });
    const read = readSnapshotFile(path);
    expect(read.data).toEqual(snapshot.data);
    expect(Object.keys(read.segments!)).toEqual(['aws.config.resources', 'aws.config.recorders']);
    expect(read.segments!['aws.config.resources']!['2']!()).toEqual(segment('2')['aws.config.resources']);
    expect(read.segments!['aws.config.recorders']!['1']!()).toEqual(segment('1')['aws.config.recorders']);
    expect(read.segments!['aws.config.recorders']!['2']!()).toEqual({
      status: 'error',
      error: 'AccessDenied',
    });
  });

  it('still reads a version 1 document', () => {
    const path = file('snap.json');
    writeFileSync(path, JSON.stringify(snapshot, null, 2));
    expect(readSnapshotFile(path).data).toEqual(snapshot.data);
  });

  it('names the file and line of a broken or cut-short block (exit 2)', () => {
    const path = saved();
    const lines = readFileSync(path, 'utf8').split('\n');
    writeFileSync(path, [...lines.slice(0, 3), '{"not json', ...lines.slice(4)].join('\n'));
    const broken = (() => {
      try {
        readSnapshotFile(path);
      } catch (error) {
        return error;
      }
    })();
    expect(broken).toBeInstanceOf(InputError);
    expect((broken as InputError).describe()).toMatch(new RegExp(`^${path}:4: not valid JSON`));
    const repos = lines.findIndex((line) => line.startsWith('{"key":"github.repos"'));
    writeFileSync(path, lines.slice(0, repos + 2).join('\n'));
    expect(() => readSnapshotFile(path)).toThrow(
      /github\.repos: expected 2 record lines, the file ends first/,
    );
  });
});
