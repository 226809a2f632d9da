/**
 * Criterion mappings an auditor contested (issue 19, docs/catalog.md). Each row runs the real roll-up
 * over the built-in catalog with one check failing and everything else proven, and pins whether that
 * failure can fail the criterion. A `supports` mapping keeps the control as evidence for a criterion
 * without letting its findings fail it.
 */
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../checks/index.js';
import { loadCatalog } from '../../src/core/catalog.js';
import { checkResult, controlResult, criterionResults, tallyOf } from '../../src/engine/rollup.js';
import type { ManualEvidenceResult } from '../../src/engine/result.js';
import type { ControlStatus } from '../../src/engine/types.js';

const catalog = loadCatalog({ checks: allChecks });

/** Criterion statuses when `failing` fails and every other check passes and every evidence item is on file. */
function criteriaWhenFailing(failing: string): Map<string, ControlStatus> {
  const checks = allChecks.map((check) => {
    const status = check.id === failing ? 'fail' : 'pass';
    const findings = [{ resource: 'r', status, message: status }] as const;
    return checkResult(check, tallyOf({ status }, [...findings]), catalog.controls, {});
  });
  const controls = catalog.controls.map((control) =>
    controlResult(
      control,
      checks,
      control.evidence.map((request): ManualEvidenceResult => ({
        ...request,
        status: 'satisfied',
        collectedAt: '2026-11-01',
      })),
    ),
  );
  return new Map(criterionResults(catalog.criteria, controls).map((c) => [c.id, c.status]));
}

// A failing finding of `check` must not fail `criterion`; `why` is the auditor's reason.
const notFailedBy: { criterion: string; check: string; why: string }[] = [
  { criterion: 'CC6.5', check: 'hr.offboarding-aws', why: 'leaver accounts are CC6.2/CC6.3' },
  { criterion: 'CC6.5', check: 'hr.offboarding-github', why: 'leaver accounts are CC6.2/CC6.3' },
  { criterion: 'CC6.5', check: 'hr.offboarding-google', why: 'leaver accounts are CC6.2/CC6.3' },
  { criterion: 'CC6.5', check: 'aws.iam-unused-credentials', why: 'unused credentials are CC6.2' },
  { criterion: 'CC6.5', check: 'google.suspended-admins', why: 'admin roles are CC6.3' },
  { criterion: 'CC6.5', check: 'aws.config-recording', why: 'a Config channel is not disposal' },
  { criterion: 'CC3.4', check: 'github.branch-protection', why: 'branch protection is CC8.1' },
  { criterion: 'CC4.1', check: 'github.outside-collaborators', why: 'finding one shows monitoring works' },
  { criterion: 'CC4.1', check: 'hr.orphan-aws', why: 'the orphan is a CC6.2 exception' },
  { criterion: 'CC4.1', check: 'hr.orphan-github', why: 'the orphan is a CC6.2 exception' },
  { criterion: 'CC4.1', check: 'hr.orphan-google', why: 'the orphan is a CC6.2 exception' },
  { criterion: 'CC4.1', check: 'google.inactive-users', why: 'an inactive user is a CC6.2 exception' },
  { criterion: 'CC4.1', check: 'google.never-signed-in', why: 'an unused account is a CC6.2 exception' },
  { criterion: 'CC4.1', check: 'github.dependabot-alerts', why: 'vulnerabilities are CC7.1' },
  { criterion: 'CC4.1', check: 'github.dependabot-alert-sla', why: 'vulnerabilities are CC7.1' },
  { criterion: 'CC4.1', check: 'github.code-scanning', why: 'vulnerabilities are CC7.1' },
  { criterion: 'CC4.1', check: 'github.code-scanning-alert-sla', why: 'vulnerabilities are CC7.1' },
  { criterion: 'CC4.1', check: 'aws.cloudtrail-multi-region', why: 'audit logging is CC7.2' },
  { criterion: 'CC4.1', check: 'docs.vendor-register', why: 'a vendor gap is CC9.2' },
  { criterion: 'CC4.1', check: 'docs.evidence-fresh', why: 'stale evidence belongs to its control' },
  { criterion: 'CC5.2', check: 'aws.iam-user-attached-policies', why: 'one IAM user is a CC6.3 exception' },
  { criterion: 'CC5.2', check: 'github.codeowners', why: 'review rules are CC8.1' },
  { criterion: 'CC5.2', check: 'github.branch-protection', why: 'review rules are CC8.1' },
  { criterion: 'CC5.2', check: 'aws.config-recording', why: 'configuration drift is CC7.1' },
  { criterion: 'CC5.2', check: 'aws.config-rule-compliance', why: 'configuration drift is CC7.1' },
  { criterion: 'CC2.1', check: 'docs.evidence-fresh', why: 'an expired restore test is A1.3' },
  { criterion: 'CC2.1', check: 'aws.config-recording', why: 'the inventory supports, it does not test' },
  { criterion: 'CC1.3', check: 'docs.policies', why: 'a missing privacy policy is CC5.3' },
  { criterion: 'CC1.1', check: 'hr.background-check', why: 'screening is CC1.4' },
  { criterion: 'CC6.8', check: 'github.dependabot-alerts', why: 'vulnerable code is CC7.1, not malware' },
  { criterion: 'CC6.8', check: 'github.dependabot-alert-sla', why: 'vulnerable code is CC7.1, not malware' },
  { criterion: 'CC6.8', check: 'github.code-scanning', why: 'vulnerable code is CC7.1, not malware' },
  { criterion: 'CC6.8', check: 'github.code-scanning-alert-sla', why: 'vulnerable code is CC7.1' },
  { criterion: 'C1.1', check: 'hr.policy-acknowledgement', why: 'a policy date is not an NDA' },
];

// A failing finding of `check` fails `criterion`: where the findings belong instead.
const failedBy: { criterion: string; check: string }[] = [
  { criterion: 'CC7.1', check: 'github.dependabot-alerts' },
  { criterion: 'CC7.1', check: 'github.dependabot-alert-sla' },
  { criterion: 'CC7.1', check: 'aws.config-rule-compliance' },
  { criterion: 'CC6.2', check: 'hr.offboarding-aws' },
  { criterion: 'CC6.2', check: 'hr.orphan-google' },
  { criterion: 'CC6.3', check: 'aws.iam-user-attached-policies' },
  { criterion: 'CC7.2', check: 'aws.cloudtrail-multi-region' },
  { criterion: 'CC8.1', check: 'github.branch-protection' },
  { criterion: 'CC5.3', check: 'docs.policies' },
  { criterion: 'CC1.4', check: 'hr.background-check' },
  { criterion: 'CC9.2', check: 'docs.vendor-register' },
];

describe('contested criterion mappings', () => {
  it.each(notFailedBy)('$check failing does not fail $criterion ($why)', ({ criterion, check }) => {
    const statuses = criteriaWhenFailing(check);
    expect(statuses.get(criterion)).toBe('pass');
  });

  it.each(failedBy)('$check failing fails $criterion', ({ criterion, check }) => {
    expect(criteriaWhenFailing(check).get(criterion)).toBe('fail');
  });

  it('lists on a check only the criteria its failure fails', () => {
    const dependabot = allChecks.find((c) => c.id === 'github.dependabot-alerts')!;
    const findings = [{ resource: 'r', status: 'fail' as const, message: 'open alert' }];
    const result = checkResult(dependabot, tallyOf({ status: 'fail' }, findings), catalog.controls, {});
    expect(result.criteria).toContain('CC7.1');
    expect(result.criteria).not.toContain('CC4.1');
    expect(result.criteria).not.toContain('CC6.8');
  });

  it('keeps technical checks out of the entity-level criteria CC1-CC5', () => {
    const governance = new Set(['docs', 'hr']);
    const provider = new Map(allChecks.map((c) => [c.id, c.provider]));
    const tested = catalog.controls.flatMap((control) =>
      control.criteria
        .filter((c) => /^CC[1-5]\./.test(c.id) && c.role === 'tests')
        .flatMap((c) =>
          control.checks
            .filter((check) => !governance.has(provider.get(check)!))
            .map((check) => `${control.id} ${c.id} ${check}`),
        ),
    );
    expect(tested).toEqual([]);
  });

  it('adds the supports an auditor found missing', () => {
    const mapped = (control: string, criterion: string) =>
      catalog.controls.find((c) => c.id === control)?.criteria.find((c) => c.id === criterion);
    expect(mapped('OPS-08', 'CC2.1')).toMatchObject({ role: 'supports' });
    expect(mapped('OPS-08', 'CC3.2')).toMatchObject({ role: 'supports' });
    expect(mapped('CNF-01', 'CC2.1')).toBeDefined();
    expect(mapped('CNF-01', 'CC3.2')).toBeDefined();
    expect(catalog.controls.find((c) => c.id === 'CNF-01')?.evidence.map((e) => e.id)).toContain(
      'data-flow-diagram',
    );
    expect(mapped('ACC-09', 'A1.2')?.rationale).toMatch(/carve-out/);
    expect(catalog.controls.find((c) => c.id === 'ACC-09')?.evidence.map((e) => e.id)).toContain(
      'cloud-provider-soc2',
    );
    expect(mapped('VND-02', 'P6.4')).toBeDefined();
    expect(mapped('GOV-06', 'CC7.3')).toBeUndefined();
    expect(mapped('OPS-04', 'CC4.1')).toBeUndefined();
    expect(mapped('OPS-06', 'CC6.8')).toBeUndefined();
  });

  it('still lets a supporting control leave its criterion unproven when its check could not run', () => {
    const checks = allChecks.map((check) => {
      const status = check.id === 'github.outside-collaborators' ? 'error' : 'pass';
      return checkResult(check, tallyOf({ status }, []), catalog.controls, {});
    });
    const controls = catalog.controls.map((control) => controlResult(control, checks, []));
    const acc05 = controls.find((c) => c.id === 'ACC-05')!;
    expect(acc05.roles['CC4.1']).toBe('supports');
    expect(acc05.operatingStatus).not.toBe('pass');
  });
});
