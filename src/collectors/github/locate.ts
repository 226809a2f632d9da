import { valueOf, type ResourceLocator } from '../../engine/audit-scope.js';
import type { GithubRepo } from './data.js';

/**
 * The repository a finding names: checks start repository resources with its full name, followed by
 * nothing, `@branch`, `:` or a space (`org/repo`, `org/repo@main`, `org/repo: webhook 1`,
 * `org/repo Dependabot alert #14`). Only names the organization's listing knows count.
 */
export const githubLocator: ResourceLocator = {
  keys: ['github.repos'],
  dimensions: ['repository'],
  locate(data) {
    const names = new Set((valueOf<GithubRepo[]>(data, 'github.repos') ?? []).map((r) => r.full_name));
    return (finding) => {
      const head = /^[\w.-]+\/[\w.-]+?(?=$|[@: ])/.exec(finding.resource)?.[0];
      return head && names.has(head) ? { repository: head } : {};
    };
  },
};
