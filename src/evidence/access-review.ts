import { basename } from 'node:path';
import { stringify } from 'yaml';
import { rosterMatcher, type AccountSource } from '../../checks/hr/accounts.js';
import type { Roster } from '../collectors/hr/data.js';
import { sha256 } from '../core/sha256.js';
import type { Snapshot } from '../core/snapshot.js';
import type { YamlSource } from '../core/yaml-source.js';
import { InputError, type Problem } from '../engine/errors.js';
import { evidenceJsonl, parseEvidenceJsonl } from './envelope.js';

/** One usable account in the frozen population. */
export interface ReviewAccount {
  /** `github:ana`, `aws:123456789012/deploy`, `google:ana@acme.test`, `okta:…`. */
  id: string;
  system: string;
  access: string;
  /** The roster person it belongs to (email), or null: nobody in the roster owns it. */
  owner: string | null;
}

export interface FrozenReview {
  population: { text: string; sha256: string; size: number };
  /** The reviewable file: every account with an empty decision, and an empty sign-off. */
  review: string;
  /** Systems whose accounts could not be read from the snapshot: the population lacks them. */
  notCovered: { system: string; cause: string }[];
}

/** Entries of a snapshot key that did not read, and why, or the values of all of them. */
function values(snapshot: Snapshot, keys: readonly string[]): Record<string, unknown> | string {
  const found: Record<string, unknown> = {};
  for (const key of keys) {
    const entry = snapshot.data[key];
    if (!entry) return `${key} is not in the snapshot`;
    if (entry.status === 'error') return `${key}: ${entry.error}`;
    if (entry.status === 'skipped') return `${key}: ${entry.reason}`;
    found[key] = entry.value;
  }
  return found;
}

/** Every usable account of every registered source in the snapshot, by id. */
export function accountsIn(snapshot: Snapshot, sources: readonly AccountSource[]) {
  const roster = snapshot.data['hr.roster'];
  const people = roster?.status === 'ok' ? (roster.value as Roster).people : [];
  const accounts: ReviewAccount[] = [];
  const notCovered: FrozenReview['notCovered'] = [];
  const ownersOf = rosterMatcher(people);
  for (const source of sources) {
    const data = values(snapshot, source.requires);
    if (typeof data === 'string') {
      notCovered.push({ system: source.system.id, cause: data });
      continue;
    }
    const found = source.accounts(data);
    for (const u of found.unreadable)
      notCovered.push({ system: source.system.id, cause: `${u.resource}: ${u.error}` });
    for (const account of found.accounts.filter((a) => a.active)) {
      accounts.push({
        id: account.resource,
        system: account.system,
        access: account.access,
        owner: ownersOf(account)[0]?.person.email ?? null,
      });
    }
  }
  accounts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { accounts, notCovered };
}

/**
 * `soc2 review start access`: freezes the accounts of a scan's snapshot into a population file (JSON
 * Lines, envelope first) and the review file that names it by SHA-256.
 */
export function freezeAccessReview(
  snapshot: Snapshot,
  snapshotFile: string,
  sources: readonly AccountSource[],
  populationFile: string,
): FrozenReview {
  const { accounts, notCovered } = accountsIn(snapshot, sources);
  const text = [
    ...evidenceJsonl(
      {
        soc2Evidence: 1,
        key: 'access-review',
        provider: 'hr',
        source: { snapshot: basename(snapshotFile), systems: sources.map((s) => s.system.id) },
        calls: [],
        records: accounts.length,
        complete: notCovered.length === 0,
        status: 'ok',
        shape: 'list',
        notChecked: notCovered.map((n) => ({ scope: n.system, cause: n.cause })),
        collectedAt: { from: snapshot.collectedAt, to: snapshot.collectedAt },
        usedBy: ['ACC-05'],
      },
      accounts,
    ),
  ].join('');
  const hash = sha256(text);
  const review = [
    '# Access review. For every account set decision to keep or revoke and reviewer to your name;',
    '# the approver fills signoff. Do not add or remove accounts: soc2 review check compares this list',
    '# with the frozen population (population.sha256) and reports what is missing.',
    stringify(
      {
        review: 'access',
        population: {
          file: basename(populationFile),
          sha256: hash,
          size: accounts.length,
          frozenAt: snapshot.collectedAt,
        },
        accounts: accounts.map((a) => ({
          id: a.id,
          access: a.access,
          owner: a.owner ?? '',
          decision: '',
          reviewer: '',
          note: '',
        })),
        signoff: { by: '', at: '' },
      },
      { lineWidth: 0 },
    ),
  ].join('\n');
  return { population: { text, sha256: hash, size: accounts.length }, review, notCovered };
}

export interface ReviewCheck {
  format: 'soc2-access-review-check';
  complete: boolean;
  population: { file: string; sha256: string; size: number };
  decided: number;
  /** Accounts of the population with no entry in the review. */
  missing: string[];
  /** Entries without a keep/revoke decision or without a reviewer. */
  undecided: string[];
  revocations: { done: string[]; notDone: string[]; unverified: string[] };
  signoff: { by: string; at: string } | null;
  problems: string[];
}

interface ReviewEntry {
  id: string;
  decision: string;
  reviewer: string;
}

/** The review file's shape; anything else is bad input at its line. */
function reviewEntries(source: YamlSource): {
  sha256: string;
  entries: ReviewEntry[];
  signoff: { by: string; at: string };
} {
  const problems: Problem[] = [];
  const at = (pointer: string, message: string) => {
    problems.push({ file: source.file, line: source.locate(pointer)?.line, message });
  };
  const doc = source.value as Record<string, unknown> | null;
  if (!doc || typeof doc !== 'object' || doc.review !== 'access') {
    throw new InputError([
      { file: source.file, line: 1, message: "not an access review file (expected 'review: access')" },
    ]);
  }
  const population = doc.population as { sha256?: unknown } | undefined;
  if (typeof population?.sha256 !== 'string') at('/population', 'population.sha256 is missing');
  const list = Array.isArray(doc.accounts) ? (doc.accounts as Record<string, unknown>[]) : [];
  if (!Array.isArray(doc.accounts)) at('/accounts', 'accounts must be a list');
  const seen = new Set<string>();
  const entries = list.map((entry, index) => {
    const where = `/accounts/${index}`;
    if (!entry || typeof entry !== 'object' || typeof entry.id !== 'string') {
      at(where, `accounts[${index}]: an entry needs an id`);
      return { id: '', decision: '', reviewer: '' };
    }
    if (seen.has(entry.id)) at(`${where}/id`, `accounts[${index}]: '${entry.id}' is listed twice`);
    seen.add(entry.id);
    const decision = String(entry.decision ?? '')
      .trim()
      .toLowerCase();
    if (decision !== '' && decision !== 'keep' && decision !== 'revoke')
      at(
        `${where}/decision`,
        `accounts[${index}] (${entry.id}): decision must be keep or revoke, not '${decision}'`,
      );
    return { id: entry.id, decision, reviewer: String(entry.reviewer ?? '').trim() };
  });
  const signoff = (doc.signoff ?? {}) as { by?: unknown; at?: unknown };
  const signedAt = String(signoff.at ?? '').trim();
  if (signedAt !== '' && Number.isNaN(Date.parse(signedAt)))
    at('/signoff/at', `signoff.at must be a date (YYYY-MM-DD), not '${signedAt}'`);
  if (problems.length > 0) throw new InputError(problems);
  return {
    sha256: population!.sha256 as string,
    entries,
    signoff: { by: String(signoff.by ?? '').trim(), at: signedAt },
  };
}

/**
 * `soc2 review check`: the review against its frozen population (hash, completeness, decisions,
 * sign-off) and, given a later scan's snapshot, whether every revoked account is gone or unusable.
 */
export function checkAccessReview(
  review: YamlSource,
  populationFile: string,
  populationText: string,
  later: { snapshot: Snapshot; sources: readonly AccountSource[] } | undefined,
): ReviewCheck {
  const { sha256: expected, entries, signoff } = reviewEntries(review);
  const actual = sha256(populationText);
  if (actual !== expected)
    throw new InputError([
      {
        file: populationFile,
        message: `SHA-256 ${actual} is not the review's population.sha256 ${expected}: not the frozen population`,
      },
    ]);
  const population = parseEvidenceJsonl(populationText).records as ReviewAccount[];
  const byId = new Map(entries.map((e) => [e.id, e]));
  const inPopulation = new Set(population.map((a) => a.id));
  const missing = population.filter((a) => !byId.has(a.id)).map((a) => a.id);
  const undecided = entries
    .filter((e) => inPopulation.has(e.id) && (e.decision === '' || e.reviewer === ''))
    .map((e) => e.id);
  const problems = entries
    .filter((e) => !inPopulation.has(e.id))
    .map((e) => `${e.id} is not in the frozen population`);
  const revoked = entries.filter((e) => e.decision === 'revoke').map((e) => e.id);
  const revocations: ReviewCheck['revocations'] = { done: [], notDone: [], unverified: [] };
  if (later) {
    const still = new Set(accountsIn(later.snapshot, later.sources).accounts.map((a) => a.id));
    for (const id of revoked) (still.has(id) ? revocations.notDone : revocations.done).push(id);
  } else revocations.unverified.push(...revoked);
  const signed = signoff.by !== '' && signoff.at !== '';
  if (!signed) problems.push('not signed off (signoff.by and signoff.at)');
  if (revocations.notDone.length > 0)
    problems.push(`${revocations.notDone.length} revocation(s) not carried out`);
  if (revocations.unverified.length > 0)
    problems.push(
      `${revocations.unverified.length} revocation(s) not verified: give a later scan's snapshot (--after)`,
    );
  return {
    format: 'soc2-access-review-check',
    complete: missing.length === 0 && undecided.length === 0 && problems.length === 0,
    population: { file: basename(populationFile), sha256: actual, size: population.length },
    decided: entries.length - undecided.length,
    missing,
    undecided,
    revocations,
    signoff: signed ? signoff : null,
    problems,
  };
}
