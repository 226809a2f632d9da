import { describe, expect, it } from 'vitest';
import { CheckTally, FINDINGS_KEPT } from '../../src/engine/check-tally.js';
import type { FindingResult } from '../../src/engine/result.js';

const finding = (resource: string, status: FindingResult['status']): FindingResult =>
  status === 'error'
    ? { resource, status, message: 'not read', cause: { kind: 'permission', message: 'AccessDenied' } }
    : { resource, status, message: status };

function tally() {
  const sunk: FindingResult[] = [];
  return { tally: new CheckTally((findings) => sunk.push(...findings)), sunk };
}

describe('CheckTally', () => {
  it('keeps every finding, in order, while under the cap', () => {
    const { tally: t } = tally();
    t.add({ status: 'fail' }, [finding('a', 'pass'), finding('b', 'fail'), finding('c', 'pass')]);
    const result = t.result();
    expect(result.findings.map((f) => f.resource)).toEqual(['a', 'b', 'c']);
    expect(result).toMatchObject({ status: 'fail', omitted: 0, counts: { pass: 2, fail: 1, error: 0 } });
  });

  it('past the cap keeps failing findings first, then the earliest passes, and counts all of them', () => {
    const { tally: t, sunk } = tally();
    const passes = Array.from({ length: FINDINGS_KEPT }, (_, i) => finding(`p${i}`, 'pass'));
    const fails = Array.from({ length: 10 }, (_, i) => finding(`f${i}`, 'fail'));
    t.add({ status: 'pass' }, passes);
    t.add({ status: 'fail' }, fails);
    const result = t.result();
    expect(result.findings).toHaveLength(FINDINGS_KEPT);
    expect(result.findings.filter((f) => f.status === 'fail')).toHaveLength(10);
    expect(result.findings.at(-11)!.resource).toBe(`p${FINDINGS_KEPT - 11}`);
    expect(result.omitted).toBe(10);
    expect(result.counts).toMatchObject({ pass: FINDINGS_KEPT, fail: 10 });
    expect(result.status).toBe('fail');
    expect(sunk).toHaveLength(FINDINGS_KEPT + 10);
  });

  it('reports a segment that could not be read as a scope not checked, next to the segments judged', () => {
    const { tally: t } = tally();
    t.add({ status: 'pass' }, [finding('aws-account/1/us-east-1', 'pass')]);
    t.addUnread({
      resource: 'aws-account/2',
      status: 'error',
      reason: 'aws.config.resources: 503',
      cause: { kind: 'unavailable', message: 'ServiceUnavailable' },
      rootCause: { key: 'aws.config.resources', message: '503' },
    });
    const result = t.result();
    expect(result.status).toBe('error');
    expect(result.reason).toMatch(/^1 scope\(s\) not checked: .*aws-account\/2/);
    expect(result.findings.find((f) => f.resource === 'aws-account/2')).toMatchObject({
      status: 'error',
      cause: { kind: 'unavailable' },
    });
    expect(result.counts).toMatchObject({ pass: 1, error: 1 });
  });

  it('is skipped, not failed or passed, when every segment was skipped, and in error when one errored', () => {
    const skipped = tally().tally;
    for (const id of ['1', '2'])
      skipped.addUnread({ resource: id, status: 'skipped', reason: 'no aggregator configured' });
    expect(skipped.result()).toMatchObject({ status: 'skipped', reason: 'no aggregator configured' });
    const mixed = tally().tally;
    mixed.addUnread({ resource: '1', status: 'skipped', reason: 'denied' });
    mixed.addUnread({ resource: '2', status: 'error', reason: 'timeout' });
    expect(mixed.result()).toMatchObject({ status: 'error', reason: 'timeout' });
  });

  it('ignores a segment with nothing in scope when others were judged', () => {
    const { tally: t } = tally();
    t.add({ status: 'skipped', reason: 'nothing in scope' }, []);
    t.add({ status: 'pass' }, [finding('x', 'pass')]);
    expect(t.result()).toMatchObject({ status: 'pass', counts: { pass: 1 } });
  });
});
