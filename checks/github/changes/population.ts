import type { BranchProtectionEntry } from '../../../src/collectors/github/data.js';
import type { MergedPull } from '../../../src/collectors/github/period-data.js';
import { definePopulation, type PopulationBuild } from '../../../src/engine/population.js';

/** Status check names the default branch requires now: classic protection and rulesets together. */
function requiredChecks(entry: BranchProtectionEntry | undefined): string[] {
  if (!entry) return [];
  const classic = entry.protection?.required_status_checks;
  const fromRules = entry.rules
    .filter((rule) => rule.type === 'required_status_checks')
    .flatMap(
      (rule) =>
        (rule.parameters?.required_status_checks as { context: string }[] | undefined)?.map(
          (c) => c.context,
        ) ?? [],
    );
  return [
    ...new Set([
      ...(classic?.contexts ?? []),
      ...(classic?.checks ?? []).map((c) => c.context),
      ...fromRules,
    ]),
  ].sort();
}

/** Each reviewer's last approving or blocking review decides: a later CHANGES_REQUESTED withdraws an approval. */
function approvers(pull: MergedPull): string[] {
  const last = new Map<string, string>();
  for (const review of pull.reviews) {
    if (review.user && ['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(review.state))
      last.set(review.user, review.state);
  }
  return [...last].filter(([, state]) => state === 'APPROVED').map(([user]) => user);
}

const PASSED = new Set(['success', 'neutral', 'skipped']);

export default definePopulation({
  id: 'github.changes',
  title: 'Pull requests merged into default branches',
  provider: 'github',
  controls: ['CC8.1'],
  requires: ['github.mergedPulls', 'github.branchProtection'],
  build(data) {
    const protection = new Map(
      data['github.branchProtection'].flatMap((e) =>
        e.status === 'ok' ? [[e.scope, e.value] as const] : [],
      ),
    );
    const result: PopulationBuild = {
      items: [],
      deviations: [],
      source: { githubRepositories: data['github.mergedPulls'].map((e) => e.scope) },
      notChecked: [],
      limitations: [
        'Direct pushes to a default branch are not listed: the REST API shows pushes only in the organization audit log of GitHub Enterprise Cloud (git events) and the 90-day events feed.',
        'Required status checks are those the branch requires at scan time (branch protection and rulesets); GitHub keeps no history of the setting.',
      ],
    };
    for (const entry of data['github.mergedPulls']) {
      if (entry.status !== 'ok') {
        result.notChecked!.push({ scope: entry.scope, cause: entry.cause.message });
        continue;
      }
      const required = requiredChecks(protection.get(entry.scope));
      for (const pull of entry.value.pulls) {
        const id = `${entry.scope}#${pull.number}`;
        const approvedBy = approvers(pull);
        const independent = approvedBy.filter((user) => user !== pull.author);
        const missingChecks = required.filter(
          (name) => !pull.checks.some((c) => c.name === name && PASSED.has(c.result)),
        );
        result.items.push({
          id,
          occurredAt: pull.merged_at,
          repo: entry.scope,
          number: pull.number,
          title: pull.title,
          url: pull.html_url,
          base: pull.base,
          author: pull.author,
          mergedBy: pull.merged_by,
          approvedBy,
          selfApproved: pull.author !== null && approvedBy.includes(pull.author),
          requiredChecks: required,
          checks: pull.checks,
          missingChecks,
        });
        const deviation = (rule: string, details: string) =>
          result.deviations.push({ item: id, rule, occurredAt: pull.merged_at, details });
        if (approvedBy.length === 0)
          deviation('unapproved', `merged by ${pull.merged_by ?? 'unknown'} with no approving review`);
        else if (independent.length === 0)
          deviation(
            'self-approved',
            `approved only by its author ${pull.author}, merged by ${pull.merged_by ?? 'unknown'}`,
          );
        if (missingChecks.length > 0)
          deviation(
            'required-checks-not-passed',
            `required check(s) without a passing result on ${pull.head_sha.slice(0, 7)}: ${missingChecks.join(', ')}`,
          );
      }
    }
    return result;
  },
});
