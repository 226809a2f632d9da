import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DataEntry } from '../../src/core/snapshot.js';
import { sha256 } from '../../src/core/sha256.js';
import { EvidenceWriter } from '../../src/evidence/evidence-writer.js';
import { StagedOutput } from '../../src/evidence/output-dir.js';
import { writeOutputDir } from '../fixtures/output-dir.js';
import { evidenceFile, evidencePathForKey } from '../../src/evidence/scan-output.js';
import { parseEvidenceJsonl, valueOf } from '../../src/evidence/envelope.js';

const KEY = 'aws.iam.credentialReport';
const USED_BY = ['aws.iam-console-mfa', 'aws.iam-key-age'];
const AT = '2026-11-27T09:00:00.000Z';

const tricky: unknown[] = [
  { accountId: '111111111111', status: 'ok', value: { rows: [{ user: 'bob', mfa: 'false' }], none: [] } },
  { accountId: '222222222222', status: 'error', error: 'cannot assume role: "AccessDenied"\nline two' },
  'a string with \u2028 unicode \u00e9 and "quotes" and \\ backslashes',
  [1, [2, [3, {}]], null, true, 0.5],
  {},
  [],
  null,
  { nested: { deeper: { deepest: ['x'] } }, empty: {}, list: [[]] },
];

/** What an evidence file holds when written at once from the entry. */
function evidenceText(key: string, entry: DataEntry, usedBy: string[], fallbackCollectedAt: string): string {
  const { content } = evidenceFile({ key, entry, usedBy, fallbackCollectedAt });
  return typeof content === 'string' ? content : [...(content as Iterable<string>)].join('');
}

const okEntry = (value: unknown[]): DataEntry => ({ status: 'ok', value, collectedAt: AT });

function stagedIn(): { out: string; staged: StagedOutput; writer: EvidenceWriter } {
  const out = join(mkdtempSync(join(tmpdir(), 'soc2-evidence-writer-')), 'out');
  const staged = StagedOutput.open(out);
  return { out, staged, writer: new EvidenceWriter(staged) };
}

function readEvidence(out: string): string {
  return readFileSync(join(out, ...evidencePathForKey(KEY).split('/')), 'utf8');
}

describe('evidence files written item by item', () => {
  it('puts together exactly the text evidenceFile writes at once, which reads back as the value', () => {
    for (let n = 1; n <= tricky.length; n++) {
      const items = tricky.slice(0, n);
      const { out, staged, writer } = stagedIn();
      items.forEach((value, index) =>
        writer.item({ key: KEY, index, value, usedBy: USED_BY, collectedAt: AT }),
      );
      writer.entry({ key: KEY, entry: okEntry(items), usedBy: USED_BY, evaluatedAt: AT });
      staged.commit();
      const text = readEvidence(out);
      expect(text).toBe(evidenceText(KEY, okEntry(items), USED_BY, 'unused'));
      const { envelope, records } = parseEvidenceJsonl(text);
      expect(envelope).toMatchObject({ key: KEY, records: n, shape: 'list', usedBy: USED_BY, status: 'ok' });
      expect(valueOf(envelope, records)).toEqual(items);
    }
  });

  it('writes an object value field by field and reads it back whole', () => {
    const value = {
      source: 'account',
      coverage: [
        {
          accountId: '1',
          region: 'eu-west-1',
          status: 'error',
          cause: { kind: 'permission', message: 'AccessDenied' },
        },
      ],
      items: [],
      more: [{ a: 1 }, { b: [2] }],
    };
    const text = evidenceText(KEY, okEntry(value as never), USED_BY, AT);
    const { envelope, records } = parseEvidenceJsonl(text);
    expect(envelope).toMatchObject({ shape: 'object', records: 7, complete: false });
    expect(envelope.notChecked).toEqual([
      { scope: '1/eu-west-1', cause: expect.stringContaining('AccessDenied') },
    ]);
    expect(valueOf(envelope, records)).toEqual(value);
  });

  it('writes items that arrive out of order in list order, and lists the file once in the manifest', () => {
    const { out, staged, writer } = stagedIn();
    const items = tricky.slice(0, 4);
    for (const index of [2, 0, 3, 1]) {
      writer.item({ key: KEY, index, value: items[index], usedBy: USED_BY, collectedAt: AT });
    }
    writer.entry({ key: KEY, entry: okEntry(items), usedBy: USED_BY, evaluatedAt: AT });
    const manifest = staged.written();
    staged.commit();

    const text = readEvidence(out);
    expect(text).toBe(evidenceText(KEY, okEntry(items), USED_BY, AT));
    expect(manifest).toEqual([
      { path: evidencePathForKey(KEY), sha256: sha256(text), size: Buffer.byteLength(text) },
    ]);
  });

  it('writes a file larger than its write buffer byte for byte, multi-byte characters included', () => {
    const { out, staged, writer } = stagedIn();
    const items = Array.from({ length: 60 }, (_, i) => ({ i, text: `${'é€😀'.repeat(400)} ${i}` }));
    items.forEach((value, index) =>
      writer.item({ key: KEY, index, value, usedBy: USED_BY, collectedAt: AT }),
    );
    writer.entry({ key: KEY, entry: okEntry(items), usedBy: USED_BY, evaluatedAt: AT });
    const manifest = staged.written();
    staged.commit();

    const text = readEvidence(out);
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * 64 * 1024);
    expect(text).toBe(evidenceText(KEY, okEntry(items), USED_BY, AT));
    expect(manifest).toEqual([
      { path: evidencePathForKey(KEY), sha256: sha256(text), size: Buffer.byteLength(text) },
    ]);
  });

  it('rewrites the file from the entry when the key failed after some items were written', () => {
    const { out, staged, writer } = stagedIn();
    writer.item({ key: KEY, index: 0, value: tricky[0], usedBy: USED_BY, collectedAt: AT });
    const failed: DataEntry = { status: 'error', error: 'every account failed', collectedAt: AT };
    writer.entry({ key: KEY, entry: failed, usedBy: USED_BY, evaluatedAt: AT });
    const manifest = staged.written();
    staged.commit();

    const text = readEvidence(out);
    expect(text).toBe(evidenceText(KEY, failed, USED_BY, AT));
    const { envelope, records } = parseEvidenceJsonl(text);
    expect(records).toEqual([]);
    expect(envelope).toMatchObject({
      status: 'error',
      reason: 'every account failed',
      complete: false,
      records: 0,
    });
    expect(manifest).toEqual([
      { path: evidencePathForKey(KEY), sha256: sha256(text), size: Buffer.byteLength(text) },
    ]);
  });

  it('rewrites the file when the final list is not the items handed over', () => {
    const handedOver = [{ user: 'bob' }, { user: 'alice' }];
    const final = [{ user: 'bob' }, { user: 'alice' }, { user: 'carol' }];
    const { out, staged, writer } = stagedIn();
    handedOver.forEach((value, index) =>
      writer.item({ key: KEY, index, value, usedBy: USED_BY, collectedAt: AT }),
    );
    writer.entry({ key: KEY, entry: okEntry(final), usedBy: USED_BY, evaluatedAt: AT });
    staged.commit();
    expect(readEvidence(out)).toBe(evidenceText(KEY, okEntry(final), USED_BY, AT));
  });

  it('rewrites the file when an item is missing, even if the count matches', () => {
    const items = [{ n: 0 }, { n: 1 }, { n: 2 }];
    const { out, staged, writer } = stagedIn();
    writer.item({ key: KEY, index: 0, value: items[0], usedBy: USED_BY, collectedAt: AT });
    writer.item({ key: KEY, index: 2, value: items[2], usedBy: USED_BY, collectedAt: AT });
    writer.entry({ key: KEY, entry: okEntry(items), usedBy: USED_BY, evaluatedAt: AT });
    staged.commit();
    expect(readEvidence(out)).toBe(evidenceText(KEY, okEntry(items), USED_BY, AT));
  });

  it('drops a half-written file when the scan is discarded, leaving the previous output as it was', () => {
    const parent = mkdtempSync(join(tmpdir(), 'soc2-evidence-writer-'));
    const out = join(parent, 'out');
    writeOutputDir(out, [{ path: 'report.json', content: '{"previous":true}' }]);
    const staged = StagedOutput.open(out);
    new EvidenceWriter(staged).item({ key: KEY, index: 0, value: 1, usedBy: USED_BY, collectedAt: AT });
    staged.discard();
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe('{"previous":true}');
  });

  it('refuses to commit an output with an evidence file still being written', () => {
    const parent = mkdtempSync(join(tmpdir(), 'soc2-evidence-writer-'));
    const out = join(parent, 'out');
    const staged = StagedOutput.open(out);
    new EvidenceWriter(staged).item({ key: KEY, index: 0, value: 1, usedBy: USED_BY, collectedAt: AT });
    expect(() => staged.commit()).toThrow(`${evidencePathForKey(KEY)} never finished`);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });
});
