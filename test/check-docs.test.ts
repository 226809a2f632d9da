import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../checks/index.js';
import { loadCatalog } from '../src/core/catalog.js';
import { packageRoot } from '../src/core/paths.js';
import { BEGIN, checkReadmePath, END, generatedBlock, withGeneratedBlock } from '../scripts/check-docs.js';

const catalog = loadCatalog({ checks: allChecks, noBuildCache: true });
const readme = (id: string) => {
  const check = allChecks.find((c) => c.id === id)!;
  return { check, text: readFileSync(checkReadmePath(join(packageRoot, 'checks'), check), 'utf8') };
};

describe('check READMEs', () => {
  it('start with the block generated from the check and the catalog (run npm run gen:check-docs)', () => {
    const stale = allChecks
      .map((c) => readme(c.id))
      .filter(({ check, text }) => withGeneratedBlock(text, generatedBlock(check, catalog)) !== text)
      .map(({ check }) => check.id);
    expect(stale).toEqual([]);
  });

  it('keep the hand-written sections below the block, and mention only criteria the check supports', () => {
    for (const check of allChecks) {
      const { text } = readme(check.id);
      expect(text.startsWith(`${BEGIN}\n# ${check.id}: ${check.title}\n`), check.id).toBe(true);
      const prose = text.slice(text.indexOf(END) + END.length);
      for (const section of ['## Why it matters', '## What it reads', '## How to fix']) {
        expect(prose, `${check.id}: ${section}`).toContain(`\n${section}\n\n`);
      }
      const supported = new Set(
        catalog.controls
          .filter((c) => c.checks.includes(check.id))
          .flatMap((c) => c.criteria.map((x) => x.id)),
      );
      const named = [...prose.matchAll(/\b(?:CC\d|A1|PI1|C1|P\d)\.\d+\b/g)].map((m) => m[0]);
      expect(
        named.filter((id) => !supported.has(id)),
        `${check.id} names criteria its controls do not support`,
      ).toEqual([]);
    }
  });

  it('show the catalog: a control that starts using a check changes the generated block', () => {
    const { check, text } = readme('google.users-2sv-enrolled');
    expect(text).toContain('ACC-02 Multi-factor authentication');
    expect(text).toContain('- CC6.6 ');
    expect(text).not.toMatch(/^- CC6\.2 /m);
    const extended = {
      ...catalog,
      controls: catalog.controls.map((c) =>
        c.id === 'ACC-05' ? { ...c, checks: [...c.checks, check.id] } : c,
      ),
    };
    const updated = withGeneratedBlock(text, generatedBlock(check, extended));
    expect(updated).not.toBe(text);
    expect(updated).toMatch(/^- CC6\.2 .*\(ACC-05\)$/m);
    expect(updated.slice(updated.indexOf(END))).toBe(text.slice(text.indexOf(END)));
  });
});
