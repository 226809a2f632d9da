import { describe, expect, it } from 'vitest';
import { STARTER_POLICY_IDS } from '../../checks/docs/policy-ids.js';
import { allChecks } from '../../checks/index.js';
import { loadCatalog } from '../../src/core/catalog.js';
import { starterPolicies } from '../../src/core/starter-docs.js';

describe('policies the catalog asks for', () => {
  const catalog = loadCatalog({ checks: allChecks });
  const requested = [
    ...new Set(catalog.controls.flatMap((c) => c.evidence.flatMap((e) => (e.policy ? [e.policy] : [])))),
  ];

  it('are exactly the starter set and the default of docs.policies', () => {
    expect(requested.sort()).toEqual([...STARTER_POLICY_IDS].sort());
    expect(
      starterPolicies('X')
        .map((f) => f.path.replace(/^policies\/|\.md$/g, ''))
        .sort(),
    ).toEqual(requested.sort());
  });
});
