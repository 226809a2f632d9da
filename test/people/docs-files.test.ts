import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvidenceIndex, readEvidenceIndex } from '../../src/collectors/docs/evidence.js';
import { addInterval, parseInterval } from '../../src/collectors/docs/interval.js';
import { parsePolicy, readPolicyFolder } from '../../src/collectors/docs/policies.js';
import {
  parseRiskRegister,
  parseVendorRegister,
  readRiskRegister,
} from '../../src/collectors/docs/registers.js';
import { InputError, type Problem } from '../../src/engine/errors.js';

function problemsOf(fn: () => unknown): Problem[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
}
async function asyncProblemsOf(fn: () => Promise<unknown>): Promise<Problem[]> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
}
const brief = (ps: Problem[]) => ps.map((p) => `${p.file}:${p.line}: ${p.message}`);

const POLICY = `---
title: Backup Policy
version: 1.2
owner: Head of Engineering
approved_by: Dana Reyes, CEO
approved_at: 2025-11-20
review_every: 12 months
criteria: [A1.2, CC7.5]
---
# Backup Policy
`;

describe('policy front matter', () => {
  it('parses a policy and computes the next review date', () => {
    const doc = parsePolicy(POLICY, '/co/policies/backup.md');
    expect(doc).toMatchObject({
      id: 'backup',
      title: 'Backup Policy',
      version: '1.2',
      owner: 'Head of Engineering',
      approvedBy: 'Dana Reyes, CEO',
      approvedAt: '2025-11-20',
      reviewEvery: '12 months',
      reviewDueAt: '2026-11-20',
      criteria: ['A1.2', 'CC7.5'],
    });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a later reviewed_at restarts the review clock; an unapproved policy has no due date', () => {
    expect(
      parsePolicy(POLICY.replace('review_every', 'reviewed_at: 2026-03-01\nreview_every'), 'p.md')
        .reviewDueAt,
    ).toBe('2027-03-01');
    const draft = parsePolicy(POLICY.replace('approved_at: 2025-11-20', 'approved_at:'), 'p.md');
    expect(draft.approvedAt).toBeUndefined();
    expect(draft.reviewDueAt).toBeUndefined();
  });

  it.each([
    ['no front matter', '# Title\n', 1, 'missing YAML front matter (the file must start with ---)'],
    ['unclosed front matter', '---\ntitle: X\n', 1, 'front matter is not closed (no second --- line)'],
    ['YAML syntax error on its file line', '---\ntitle: Backup\nowner: [a\n---\n', 3, undefined],
    ['unknown key', POLICY.replace('owner:', 'ownr:'), 4, "unknown key 'ownr' in top level"],
    [
      'bad date',
      POLICY.replace('2025-11-20', '20/11/2025'),
      6,
      'approved_at does not match any allowed form',
    ],
    [
      'bad interval',
      POLICY.replace('12 months', 'every year'),
      7,
      'review_every does not match any allowed form',
    ],
    [
      'unknown criterion',
      POLICY.replace('CC7.5', 'CC7.9'),
      8,
      "criteria: 'CC7.9' is not a 2017 Trust Services Criterion",
    ],
    [
      'missing title',
      POLICY.replace('title: Backup Policy\n', ''),
      2,
      "top level is missing required key 'title'",
    ],
  ])('%s', (_name, text, line, message) => {
    const [problem] = problemsOf(() => parsePolicy(text, 'policies/backup.md'));
    expect(problem!.file).toBe('policies/backup.md');
    expect(problem!.line).toBe(line);
    if (message) expect(problem!.message).toBe(message);
  });

  it('reads a folder, skips README.md and reports every bad file at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-policies-'));
    writeFileSync(join(dir, 'backup.md'), POLICY);
    writeFileSync(join(dir, 'README.md'), 'not a policy');
    writeFileSync(join(dir, 'a.md'), '# no front matter');
    writeFileSync(join(dir, 'b.md'), POLICY.replace('title: Backup Policy', 'title: 3'));
    expect(brief(await asyncProblemsOf(() => readPolicyFolder(dir)))).toEqual([
      `${join(dir, 'a.md')}:1: missing YAML front matter (the file must start with ---)`,
      `${join(dir, 'b.md')}:2: title must be string`,
    ]);
    writeFileSync(join(dir, 'a.md'), POLICY);
    writeFileSync(join(dir, 'b.md'), POLICY);
    expect((await readPolicyFolder(dir)).policies.map((p) => p.id)).toEqual(['a', 'b', 'backup']);
    expect(await readPolicyFolder(join(dir, 'missing'))).toEqual({
      dir: join(dir, 'missing'),
      exists: false,
      policies: [],
    });
  });
});

describe('review intervals', () => {
  it.each([
    ['12 months', '2025-02-28', '2026-02-28'],
    ['1 year', '2024-02-29', '2025-02-28'],
    ['6 months', '2026-08-31', '2027-02-28'],
    ['90 days', '2026-01-01', '2026-04-01'],
    ['quarterly', '2026-01-15', '2026-04-15'],
  ])('%s after %s is %s', (interval, from, due) => {
    expect(addInterval(from, parseInterval(interval)!)).toBe(due);
  });
  it('a number is days', () => expect(parseInterval(30)).toEqual({ months: 0, days: 30 }));
});

describe('evidence index', () => {
  it('hashes listed files and records missing ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-evidence-'));
    mkdirSync(join(dir, 'reviews'));
    writeFileSync(join(dir, 'reviews', 'q3.csv'), 'user,decision\nalice,keep\n');
    writeFileSync(
      join(dir, 'index.yaml'),
      `items:
  - control: CC6-02
    request: access-review
    title: Q3 access review
    files: [reviews/q3.csv, reviews/missing.pdf]
    collected_at: 2026-10-01
    performed_at: 2026-09-28
    performed_by: Alice Nguyen
    reviewed_by: Dana Reyes
    period: {from: 2026-07-01, to: 2026-09-30}
    valid_days: 90
    owner: CTO
`,
    );
    const index = await readEvidenceIndex(dir);
    expect(index.exists).toBe(true);
    expect(index.items[0]).toMatchObject({
      control: 'CC6-02',
      request: 'access-review',
      collectedAt: '2026-10-01',
      performedAt: '2026-09-28',
      performedBy: 'Alice Nguyen',
      reviewedBy: 'Dana Reyes',
      covers: { from: '2026-07-01', to: '2026-09-30' },
      validDays: 90,
      line: 2,
      files: [
        { path: 'reviews/q3.csv', present: true, size: 25, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        { path: 'reviews/missing.pdf', present: false },
      ],
    });
    expect((await readEvidenceIndex(join(dir, 'reviews'))).exists).toBe(false);
  });

  it.each([
    [
      'missing files key',
      'items:\n  - control: CC6-02\n    request: x\n    title: Thing\n    collected_at: 2026-01-01\n',
      2,
      "items.0 is missing required key 'files'",
    ],
    [
      'bad date',
      'items:\n  - control: CC6-02\n    request: x\n    title: Thing\n    files: [a]\n    collected_at: yesterday\n',
      6,
      'items.0.collected_at must match format "date"',
    ],
    [
      'unknown key',
      'items:\n  - control: CC6-02\n    request: x\n    title: Thing\n    files: [a]\n    collected_at: 2026-01-01\n    expires: 2027-01-01\n',
      7,
      "unknown key 'expires' in items.0",
    ],
    [
      'period ends before it starts',
      'items:\n  - control: CC6-02\n    request: x\n    title: Thing\n    files: [a]\n    collected_at: 2026-04-05\n    period: {from: 2026-03-31, to: 2026-01-01}\n',
      7,
      'period.to 2026-01-01 is before period.from 2026-03-31',
    ],
    [
      'performed after it was collected',
      'items:\n  - control: CC6-02\n    request: x\n    title: Thing\n    files: [a]\n    collected_at: 2026-04-05\n    performed_at: 2026-04-06\n',
      7,
      'performed_at 2026-04-06 is after collected_at 2026-04-05',
    ],
    ['YAML error', 'items:\n  - control: [CC6\n', 3, undefined],
  ])('%s', (_name, text, line, message) => {
    const [problem] = problemsOf(() => parseEvidenceIndex(text, 'evidence/index.yaml'));
    expect(problem!.file).toBe('evidence/index.yaml');
    expect(problem!.line).toBe(line);
    if (message) expect(problem!.message).toBe(message);
  });
});

describe('registers', () => {
  const RISKS = `owner: CTO
reviewed_at: 2026-06-01
risks:
  - id: R-1
    title: Phishing of staff
    owner: CTO
    likelihood: 4
    impact: high
    treatment: mitigate
  - id: R-2
    title: Cloud region outage
`;
  it('parses the risk register, scoring words as numbers', () => {
    const register = parseRiskRegister(RISKS, 'risks.yaml');
    expect(register.reviewedAt).toBe('2026-06-01');
    expect(register.risks).toEqual([
      {
        id: 'R-1',
        title: 'Phishing of staff',
        owner: 'CTO',
        likelihood: 4,
        impact: 4,
        treatment: 'mitigate',
        line: 4,
      },
      { id: 'R-2', title: 'Cloud region outage', line: 10 },
    ]);
  });

  it.each([
    [
      'likelihood out of range',
      RISKS.replace('likelihood: 4', 'likelihood: 7'),
      7,
      'risks.0.likelihood does not match any allowed form',
    ],
    [
      'unknown treatment',
      RISKS.replace('treatment: mitigate', 'treatment: ignore'),
      9,
      'risks.0.treatment does not match any allowed form',
    ],
    ['bad review date', RISKS.replace('2026-06-01', 'June'), 2, 'reviewed_at must match format "date"'],
    ['duplicate id', RISKS.replace('id: R-2', 'id: R-1'), 10, "duplicate risk id 'R-1'"],
    ['empty file', '', 1, 'the register is empty'],
  ])('risks: %s', (_name, text, line, message) => {
    const [problem] = problemsOf(() => parseRiskRegister(text, 'registers/risks.yaml'));
    expect(brief([problem!])).toEqual([`registers/risks.yaml:${line}: ${message}`]);
  });

  const VENDORS = `reviewed_at: 2026-03-01
vendors:
  - name: Amazon Web Services
    criticality: critical
    soc2_report: { type: type2, period_end: 2026-03-31 }
  - name: Figma
    criticality: low
`;
  it('parses the vendor register', () => {
    expect(parseVendorRegister(VENDORS, 'vendors.yaml').vendors).toEqual([
      {
        name: 'Amazon Web Services',
        criticality: 'critical',
        soc2: { type: 'type2', periodEnd: '2026-03-31' },
        line: 3,
      },
      { name: 'Figma', criticality: 'low', line: 6 },
    ]);
  });

  it.each([
    [
      'unknown criticality',
      VENDORS.replace('criticality: low', 'criticality: meh'),
      7,
      'vendors.1.criticality must be one of: critical, high, medium, low',
    ],
    [
      'missing criticality',
      VENDORS.replace('    criticality: low\n', ''),
      6,
      "vendors.1 is missing required key 'criticality'",
    ],
    [
      'bad report type',
      VENDORS.replace('type2', 'type3'),
      5,
      'vendors.0.soc2_report.type must be one of: type1, type2',
    ],
  ])('vendors: %s', (_name, text, line, message) => {
    const [problem] = problemsOf(() => parseVendorRegister(text, 'registers/vendors.yaml'));
    expect(brief([problem!])).toEqual([`registers/vendors.yaml:${line}: ${message}`]);
  });

  it('a register file that does not exist is reported by the check, not as bad input', async () => {
    expect(await readRiskRegister('/nonexistent/risks.yaml')).toEqual({
      file: '/nonexistent/risks.yaml',
      exists: false,
      risks: [],
    });
  });
});
