// soc2/sdk/testing: the check tester, for vitest. Kept apart from soc2/sdk so that the runtime SDK
// never needs vitest.
import { describe, expect, it } from 'vitest';
import type { DataEntry } from '../core/snapshot.js';
import type { CheckDefinition } from '../engine/check.js';
import type { DataOf } from '../engine/data-map.js';
import { evaluateCheck, type Evaluation } from '../engine/evaluate.js';
import type { CheckStatus } from '../engine/types.js';

export type { Evaluation };

export const DEFAULT_NOW = new Date('2026-06-30T12:00:00Z');

export interface RunOptions<O> {
  options?: Partial<O>;
  now?: Date;
  organization?: string;
}

/**
 * Runs a check the way the engine does: inputs deep-frozen, only declared keys readable, defaults
 * merged with overrides, empty results and throws turned into `error`.
 */
export function runCheck<K extends string, O extends object>(
  check: CheckDefinition<K, O>,
  data: Partial<Record<K, unknown>> | DataOf<K>,
  run: RunOptions<O> = {},
): Evaluation {
  const entries: Record<string, DataEntry> = {};
  for (const key of check.requires) {
    if (!(key in data)) throw new Error(`test data for ${check.id} is missing declared key ${key}`);
    entries[key] = { status: 'ok', value: structuredClone((data as Record<string, unknown>)[key]) };
  }
  const options = { ...(check.options?.defaults ?? {}), ...(run.options ?? {}) };
  return evaluateCheck(check, entries, options, {
    now: run.now ?? DEFAULT_NOW,
    organization: run.organization ?? 'Example Corp',
  });
}

export interface CheckCase<K extends string, O> extends RunOptions<O> {
  name: string;
  data: Partial<Record<K, unknown>>;
  status: CheckStatus;
  /** Exactly these resources fail (order ignored). */
  failing?: string[];
  /** At least these resources pass. */
  passing?: string[];
  /** Each failing message matches this. */
  message?: RegExp;
  /** Exactly these resources could not be read: `error` findings, each with a cause (order ignored). */
  notChecked?: string[];
}

/** Table-driven cases for one check: each case states the status and which resources fail. */
export function describeCheck<K extends string, O extends object>(
  check: CheckDefinition<K, O>,
  cases: CheckCase<K, O>[],
): void {
  describe(check.id, () => {
    it('has the metadata a report needs', () => {
      expect(check.title.length).toBeGreaterThan(5);
      expect(check.description.length).toBeGreaterThan(10);
      expect(check.risk.length).toBeGreaterThan(10);
      expect(check.remediation.length).toBeGreaterThan(10);
      expect(check.requires.length).toBeGreaterThan(0);
      expect(check.id.startsWith(`${check.provider}.`)).toBe(true);
    });
    it('has both a passing and a failing case', () => {
      expect(cases.some((c) => c.status === 'pass')).toBe(true);
      expect(cases.some((c) => c.status === 'fail')).toBe(true);
    });
    for (const testCase of cases) {
      it(testCase.name, () => {
        const result = runCheck(check, testCase.data, testCase);
        expect(result.reason ?? '', 'reason').toBe(result.status === 'error' ? result.reason : '');
        expect(result.status).toBe(testCase.status);
        if (testCase.failing) {
          const failing = result.findings.filter((f) => f.status === 'fail').map((f) => f.resource);
          expect(failing.sort()).toEqual([...testCase.failing].sort());
        }
        if (testCase.passing) {
          const passing = result.findings.filter((f) => f.status === 'pass').map((f) => f.resource);
          expect(passing).toEqual(expect.arrayContaining(testCase.passing));
        }
        if (testCase.notChecked) {
          const errors = result.findings.filter((f) => f.status === 'error');
          expect(errors.map((f) => f.resource).sort()).toEqual([...testCase.notChecked].sort());
          for (const f of errors) expect(f.cause?.kind, f.resource).toBeTypeOf('string');
        }
        if (testCase.message) {
          for (const f of result.findings.filter((x) => x.status === 'fail'))
            expect(f.message).toMatch(testCase.message);
        }
      });
    }
  });
}
