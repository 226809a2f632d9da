import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtInAccountSources } from '../../checks/hr/accounts.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import { parseYaml } from '../../src/core/yaml-source.js';
import { InputError } from '../../src/engine/errors.js';
import { buildPopulation, definePopulation } from '../../src/engine/population.js';
import leaversJoiners from '../../checks/hr/leavers-joiners/population.js';
import { checkAccessReview, freezeAccessReview } from '../../src/evidence/access-review.js';
import { populationEvidence } from '../../src/evidence/population-file.js';
import { drawSample, rankOf } from '../../src/evidence/sample.js';

const PERIOD = { from: '2026-07-01', to: '2026-09-30' };

const changes = definePopulation({
  id: 'test.changes',
  title: 'Changes',
  provider: 'test',
  controls: ['CC8.1'],
  requires: ['test.pulls'],
  build: (data: { 'test.pulls': { n: number; day: string }[] }) => ({
    items: data['test.pulls'].map((p) => ({ id: `repo#${p.n}`, occurredAt: p.day })),
    deviations: data['test.pulls']
      .filter((p) => p.n % 10 === 0)
      .map((p) => ({ item: `repo#${p.n}`, rule: 'unapproved', occurredAt: p.day, details: 'no approval' })),
    source: { repo: 'repo' },
  }),
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-sample-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A scan output folder with one population of 60 merged pull requests, two a day from 2026-07-01. */
function scanOutput(): void {
  const pulls = Array.from({ length: 60 }, (_, i) => ({
    n: i + 1,
    day: `2026-07-${String(Math.floor(i / 2) + 1).padStart(2, '0')}`,
  }));
  const data = { 'test.pulls': { status: 'ok' as const, value: pulls } };
  const built = changes.build(
    { 'test.pulls': pulls },
    { period: PERIOD, now: new Date(), checkOptions: () => ({}) },
  );
  const evidence = populationEvidence(
    changes,
    { status: 'ok', build: built },
    PERIOD,
    data,
    '2026-10-01T00:00:00Z',
  );
  mkdirSync(join(dir, 'evidence/populations'), { recursive: true });
  writeFileSync(join(dir, evidence.file.path), evidence.file.content as string);
  writeFileSync(
    join(dir, 'report.json'),
    JSON.stringify({ populations: [evidence.summary], deviations: evidence.deviations }),
  );
}

describe('soc2 sample', () => {
  it('returns the same items for the same seed, other items for another seed, with the population hash', () => {
    scanOutput();
    const first = drawSample({ scanDir: dir, population: 'test.changes', size: 10, seed: 'q3-audit' });
    const again = drawSample({ scanDir: dir, population: 'test.changes', size: 10, seed: 'q3-audit' });
    const other = drawSample({ scanDir: dir, population: 'test.changes', size: 10, seed: 'another' });
    expect(first.items.map((i) => i.id)).toEqual(again.items.map((i) => i.id));
    expect(first.items.map((i) => i.id)).not.toEqual(other.items.map((i) => i.id));
    expect(first).toMatchObject({ seed: 'q3-audit', size: 10, population: { id: 'test.changes', size: 60 } });
    expect(first.method).toContain('sha256-rank');
    // The documented method, redone by hand: the 10 lowest SHA-256 ranks of "<seed>:<id>".
    const byHand = Array.from({ length: 60 }, (_, i) => `repo#${i + 1}`)
      .sort((a, b) => (rankOf('q3-audit', a) < rankOf('q3-audit', b) ? -1 : 1))
      .slice(0, 10);
    expect(first.items.map((i) => i.id)).toEqual(byHand);
    // Each sampled item carries its deviations.
    for (const item of first.items)
      expect(first.deviations.filter((d) => d.item === item.id).length).toBe(
        Number(item.id.slice(5)) % 10 === 0 ? 1 : 0,
      );
  });

  it('draws only from the dates the auditor gives, and takes named items as they are', () => {
    scanOutput();
    const dated = drawSample({
      scanDir: dir,
      population: 'test.changes',
      size: 3,
      seed: 's',
      dates: ['2026-07-05', '2026-07-20..2026-07-21'],
    });
    expect(dated.items.every((i) => ['2026-07-05', '2026-07-20', '2026-07-21'].includes(i.occurredAt))).toBe(
      true,
    );
    const named = drawSample({ scanDir: dir, population: 'test.changes', items: ['repo#10', 'repo#3'] });
    expect(named.items.map((i) => i.id)).toEqual(['repo#10', 'repo#3']);
    expect(named.deviations.map((d) => d.item)).toEqual(['repo#10']);
    expect(() => drawSample({ scanDir: dir, population: 'test.changes', items: ['repo#99'] })).toThrow(
      /not in population test.changes: repo#99/,
    );
  });

  it('refuses a population file changed after the scan', () => {
    scanOutput();
    const file = join(dir, 'evidence/populations/test.changes.jsonl');
    writeFileSync(file, '{"soc2Evidence":1}\n');
    expect(() => drawSample({ scanDir: dir, population: 'test.changes', size: 1, seed: 's' })).toThrow(
      InputError,
    );
  });
});

const snapshot = (members: string[], collectedAt = '2026-10-01T00:00:00.000Z'): Snapshot => ({
  format: 'soc2-snapshot',
  version: 1,
  tool: { name: 'soc2', version: 'test' },
  organization: 'Acme',
  collectedAt,
  data: {
    'github.members': {
      status: 'ok',
      value: members.map((login, i) => ({ login, id: i + 1, role: 'member' })),
    },
    'github.outsideCollaborators': { status: 'ok', value: [] },
    'google.users': {
      status: 'ok',
      value: [{ primaryEmail: 'ana@acme.test' }, { primaryEmail: 'old@acme.test', suspended: true }],
    },
    'hr.roster': {
      status: 'ok',
      value: {
        file: 'roster.csv',
        format: 'csv',
        sha256: 'x',
        people: [
          {
            email: 'ana@acme.test',
            name: 'Ana',
            status: 'active',
            github: 'ana',
            employmentType: 'employee',
            line: 2,
          },
        ],
      },
    },
  },
});

/** Fills every account's decision (revoking `revoke`) and signs off, optionally dropping one account. */
function filledReview(text: string, options: { drop?: string; revoke?: string; signed?: boolean }): string {
  const doc = parseYaml(text, 'r.yaml').value as {
    accounts: { id: string; decision: string; reviewer: string }[];
    signoff: { by: string; at: string };
  };
  doc.accounts = doc.accounts
    .filter((a) => a.id !== options.drop)
    .map((a) => ({ ...a, decision: a.id === options.revoke ? 'revoke' : 'keep', reviewer: 'rita' }));
  if (options.signed !== false) doc.signoff = { by: 'ciso', at: '2026-10-10' };
  return JSON.stringify(doc);
}

describe('access review campaigns', () => {
  const freeze = () =>
    freezeAccessReview(
      snapshot(['ana', 'bob', 'cy']),
      'snap.json',
      builtInAccountSources,
      'q3.population.jsonl',
    );

  it('freezes every usable account of the snapshot in a stable order, with its owner from the roster', () => {
    const frozen = freeze();
    expect(frozen.population.size).toBe(4);
    expect(frozen.review).toContain('github:ana');
    expect(frozen.review.indexOf('github:ana')).toBeLessThan(frozen.review.indexOf('github:bob'));
    expect(frozen.review).not.toContain('old@acme.test');
    // AWS is registered but not in the snapshot: the population says it is not covered.
    expect(frozen.notCovered.map((n) => n.system)).toEqual(['aws']);
    expect(freeze().population.sha256).toBe(frozen.population.sha256);
  });

  it('reports a review missing one account as incomplete, naming it', () => {
    const frozen = freeze();
    const review = parseYaml(filledReview(frozen.review, { drop: 'github:cy' }), 'q3.review.yaml');
    const result = checkAccessReview(review, 'q3.population.jsonl', frozen.population.text, {
      snapshot: snapshot(['ana', 'bob', 'cy']),
      sources: builtInAccountSources,
    });
    expect(result.complete).toBe(false);
    expect(result.missing).toEqual(['github:cy']);
  });

  it('is complete when every account is decided, revocations are gone in the later scan and it is signed off', () => {
    const frozen = freeze();
    const review = parseYaml(filledReview(frozen.review, { revoke: 'github:bob' }), 'q3.review.yaml');
    const later = (members: string[]) => ({ snapshot: snapshot(members), sources: builtInAccountSources });
    const done = checkAccessReview(review, 'p', frozen.population.text, later(['ana', 'cy']));
    expect(done).toMatchObject({
      complete: true,
      revocations: { done: ['github:bob'], notDone: [] },
      signoff: { by: 'ciso' },
    });
    const notDone = checkAccessReview(review, 'p', frozen.population.text, later(['ana', 'bob', 'cy']));
    expect(notDone.complete).toBe(false);
    expect(notDone.revocations.notDone).toEqual(['github:bob']);
    const unsigned = parseYaml(filledReview(frozen.review, { signed: false }), 'q3.review.yaml');
    expect(
      checkAccessReview(unsigned, 'p', frozen.population.text, later(['ana', 'bob', 'cy'])).problems,
    ).toContain('not signed off (signoff.by and signoff.at)');
  });

  it('rejects a malformed review file with its line, and a population that is not the frozen one', () => {
    const frozen = freeze();
    const bad = frozen.review.replace('decision: ""', 'decision: maybe');
    let error: unknown;
    try {
      checkAccessReview(parseYaml(bad, 'q3.review.yaml'), 'p', frozen.population.text, undefined);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    const problem = (error as InputError).problems[0]!;
    expect(problem).toMatchObject({ file: 'q3.review.yaml' });
    expect(problem.message).toContain("decision must be keep or revoke, not 'maybe'");
    expect(bad.split('\n')[problem.line! - 1]).toContain('decision: maybe');
    expect(() =>
      checkAccessReview(
        parseYaml(frozen.review, 'q3.review.yaml'),
        'p',
        `${frozen.population.text}x`,
        undefined,
      ),
    ).toThrow(/not the frozen population/);
  });
});

describe('optional keys of a population', () => {
  it('lists the roster events without GitHub data, incomplete and with no deviation claimed', () => {
    const roster = {
      file: 'roster.csv',
      format: 'csv',
      sha256: 'x',
      people: [
        {
          email: 'eve@acme.test',
          name: 'Eve',
          status: 'terminated',
          endDate: '2026-08-01',
          github: 'eve',
          employmentType: 'employee',
          line: 3,
        },
      ],
    };
    const outcome = buildPopulation(
      leaversJoiners,
      {
        'hr.roster': { status: 'ok', value: roster },
        'github.members': { status: 'skipped', reason: 'no GitHub credentials' },
      },
      { period: PERIOD, now: new Date('2026-10-15T00:00:00Z'), checkOptions: () => ({ deadlineDays: 1 }) },
    );
    expect(outcome.status).toBe('ok');
    if (outcome.status !== 'ok') return;
    expect(outcome.build.items).toMatchObject([{ id: 'leaver:eve@acme.test', access: [] }]);
    expect(outcome.build.deviations).toEqual([]);
    expect(outcome.build.notChecked).toEqual([
      { scope: 'github.members', cause: 'no GitHub credentials' },
      { scope: 'github.membershipEvents', cause: 'not collected' },
      { scope: 'google.users', cause: 'not collected' },
      { scope: 'google.userEvents', cause: 'not collected' },
    ]);
  });
});
