import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STARTER_POLICY_IDS } from '../../checks/docs/policy-ids.js';
import { initCommand } from '../../src/cli/commands/init.js';
import { parseEvidenceIndex } from '../../src/collectors/docs/evidence.js';
import { parsePolicy } from '../../src/collectors/docs/policies.js';
import { parseRiskRegister, parseVendorRegister } from '../../src/collectors/docs/registers.js';
import { loadConfig } from '../../src/core/config.js';
import { InputError } from '../../src/engine/errors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-init-'));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

describe('soc2 init with starter documents', () => {
  it('writes the 16 starter policies, registers and an evidence index that all validate', async () => {
    const config = join(dir, 'soc2.config.yaml');
    await initCommand({
      config,
      organization: 'Acme Payments GmbH',
      policies: true,
      registers: true,
      evidenceIndex: true,
    });

    const loaded = loadConfig(config);
    expect(loaded.policies).toBe(join(dir, 'policies'));
    expect(loaded.evidence).toBe(join(dir, 'evidence'));
    expect(loaded.risks).toBe(join(dir, 'registers', 'risks.yaml'));

    const names = readdirSync(join(dir, 'policies')).sort();
    expect(names).toEqual([...STARTER_POLICY_IDS].map((id) => `${id}.md`).sort());
    for (const name of names) {
      const file = join(dir, 'policies', name);
      const text = readFileSync(file, 'utf8');
      const doc = parsePolicy(text, file);
      expect(text).not.toContain('{{');
      expect(text).toContain('Acme Payments GmbH');
      expect(doc.criteria.length, name).toBeGreaterThan(0);
      expect(doc.owner, name).toBeTruthy();
      expect(doc.approvedAt, `${name} starts unapproved`).toBeUndefined();
      for (const heading of [
        'Purpose',
        'Scope',
        'Roles and responsibilities',
        'Exceptions',
        'Enforcement',
        'Review',
      ])
        expect(text, `${name}: ${heading}`).toMatch(new RegExp(`^## \\d+\\. ${heading}`, 'm'));
      expect(
        text.match(/^\d+\.\d+\. /gm)?.length ?? 0,
        `${name}: numbered requirements`,
      ).toBeGreaterThanOrEqual(5);
    }

    const risks = parseRiskRegister(readFileSync(loaded.risks!, 'utf8'), loaded.risks!);
    expect(risks.risks.length).toBeGreaterThan(2);
    // A starter is not a review: no review date, so the register checks fail until someone reviews it.
    expect(risks.reviewedAt).toBeUndefined();
    const vendors = parseVendorRegister(readFileSync(loaded.vendors!, 'utf8'), loaded.vendors!);
    expect(vendors.vendors[0]!.criticality).toBe('critical');
    expect(vendors.reviewedAt).toBeUndefined();
    expect(readFileSync(loaded.risks!, 'utf8')).toContain('docs.risk-register fails until then');
    expect(
      parseEvidenceIndex(readFileSync(join(dir, 'evidence', 'index.yaml'), 'utf8'), 'index.yaml').items,
    ).toEqual([]);
  });

  it('keeps an existing config and existing policies, and uses the config organization', async () => {
    const config = join(dir, 'soc2.config.yaml');
    writeFileSync(config, 'organization: Lumen Ledger, Inc.\n');
    await initCommand({ config, policies: true });
    expect(readFileSync(config, 'utf8')).toBe('organization: Lumen Ledger, Inc.\n');
    const backup = join(dir, 'policies', 'backup.md');
    expect(readFileSync(backup, 'utf8')).toContain('Lumen Ledger, Inc.');
    writeFileSync(backup, 'mine');
    await initCommand({ config, policies: true });
    expect(readFileSync(backup, 'utf8')).toBe('mine');
    await initCommand({ config, policies: true, force: true });
    expect(readFileSync(backup, 'utf8')).not.toBe('mine');
  });

  it('plain init still refuses to overwrite an existing config', async () => {
    const config = join(dir, 'soc2.config.yaml');
    writeFileSync(config, 'organization: X\n');
    await expect(initCommand({ config })).rejects.toBeInstanceOf(InputError);
    expect(existsSync(join(dir, 'policies'))).toBe(false);
  });
});
