import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { criterionIds } from '../../core/criteria.js';
import { InputError, type Problem } from '../../engine/errors.js';
import { validateSource } from '../../core/schema-validate.js';
import type { PolicyDoc, PolicyFolder } from './data.js';
import { parseFrontMatter } from './front-matter.js';
import { addInterval, parseInterval } from './interval.js';
import { shippedSchema } from './schemas.js';
import { sha256 } from '../../core/sha256.js';

export const DEFAULT_REVIEW_EVERY = '12 months';

interface FrontMatter {
  title: string;
  version?: string | number;
  owner?: string | null;
  approved_by?: string | null;
  approved_at?: string | null;
  reviewed_at?: string | null;
  review_every?: string | number;
  criteria?: string[];
}

/** Parses one policy document; problems name the file and the front matter line. */
export function parsePolicy(text: string, file: string): PolicyDoc {
  const { source } = parseFrontMatter(text, file);
  const problems = validateSource(source, shippedSchema('policy.schema.json'));
  if (problems.length > 0) throw new InputError(problems);
  const fm = source.value as FrontMatter;
  const known = criterionIds();
  (fm.criteria ?? []).forEach((id, i) => {
    if (!known.has(id)) {
      const pos = source.locate(`/criteria/${i}`);
      problems.push({ file, ...pos, message: `criteria: '${id}' is not a 2017 Trust Services Criterion` });
    }
  });
  const reviewEvery = fm.review_every ?? DEFAULT_REVIEW_EVERY;
  const interval = parseInterval(reviewEvery)!;
  const approvedBy = fm.approved_by?.trim() || undefined;
  const approvedAt = fm.approved_at ?? undefined;
  if (approvedAt && fm.reviewed_at && fm.reviewed_at < approvedAt) {
    const pos = source.locate('/reviewed_at');
    problems.push({
      file,
      ...pos,
      message: `reviewed_at ${fm.reviewed_at} is before approved_at ${approvedAt}`,
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  const lastReview = [approvedAt, fm.reviewed_at ?? undefined]
    .filter((d): d is string => Boolean(d))
    .sort()
    .pop();
  const doc: PolicyDoc = {
    id: basename(file).replace(/\.md$/i, ''),
    file,
    sha256: sha256(text),
    title: fm.title,
    reviewEvery: String(reviewEvery),
    criteria: fm.criteria ?? [],
  };
  if (fm.version !== undefined) doc.version = String(fm.version);
  if (fm.owner) doc.owner = fm.owner;
  if (approvedBy) doc.approvedBy = approvedBy;
  if (approvedAt) doc.approvedAt = approvedAt;
  if (fm.reviewed_at) doc.reviewedAt = fm.reviewed_at;
  if (lastReview) doc.reviewDueAt = addInterval(lastReview, interval);
  return doc;
}

/** Every *.md in the folder except README.md; all files' problems are reported at once. */
export async function readPolicyFolder(dir: string): Promise<PolicyFolder> {
  try {
    if (!(await stat(dir)).isDirectory()) {
      throw new InputError([{ file: dir, message: 'policies path is not a folder (config key policies)' }]);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    return { dir, exists: false, policies: [] };
  }
  const names = (await readdir(dir)).filter((n) => /\.md$/i.test(n) && !/^readme\.md$/i.test(n)).sort();
  const problems: Problem[] = [];
  const policies: PolicyDoc[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      const bytes = await readFile(file);
      // The hash is of the bytes on disk, as `soc2 export` re-hashes them for custody.
      policies.push({ ...parsePolicy(bytes.toString('utf8'), file), sha256: sha256(bytes) });
    } catch (error) {
      if (error instanceof InputError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return { dir, exists: true, policies };
}
