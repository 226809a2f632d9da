import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { soc2 } from '../harness/cli.js';

/** A company whose evidence index lists `file` (as YAML) for its one item. */
function companyListing(
  file: string,
  setup: (evidence: string, dir: string) => void = () => undefined,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-confine-'));
  const evidence = join(dir, 'evidence');
  mkdirSync(evidence);
  writeFileSync(join(dir, 'secret.txt'), 'not evidence\n');
  writeFileSync(join(evidence, 'review.csv'), 'user,decision\n');
  setup(evidence, dir);
  writeFileSync(
    join(evidence, 'index.yaml'),
    `items:\n  - control: ACC-03\n    request: access-review\n    title: Q3 access review\n    files:\n      - review.csv\n      - ${file}\n    collected_at: 2026-10-03\n`,
  );
  writeFileSync(join(dir, 'soc2.config.yaml'), 'organization: Confine Co\nevidence: ./evidence\n');
  return dir;
}

describe('evidence files stay inside the evidence folder', () => {
  it.each([
    ['/etc/passwd', 'is an absolute path'],
    ['../secret.txt', 'is outside the evidence folder'],
    ['sub/../../secret.txt', 'is outside the evidence folder'],
    ['link.txt', 'leads outside the evidence folder (symbolic link)'],
  ])('%s is bad input naming the index file and line', (file, why) => {
    const dir = companyListing(file, (evidence, root) =>
      symlinkSync(join(root, 'secret.txt'), join(evidence, 'link.txt')),
    );
    const run = soc2(['scan', '--quiet', '--check', 'docs.evidence-fresh', '--out', 'out'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(dir, 'evidence', 'index.yaml')}:7:`);
    expect(run.stderr).toContain(`evidence file '${file}' ${why}`);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('a file in a subfolder, and a link that stays inside, are fine', () => {
    const dir = companyListing('q3/export.csv', (evidence) => {
      mkdirSync(join(evidence, 'q3'));
      writeFileSync(join(evidence, 'q3', 'real.csv'), 'a,b\n');
      symlinkSync(join(evidence, 'q3', 'real.csv'), join(evidence, 'q3', 'export.csv'));
    });
    const run = soc2(['scan', '--quiet', '--check', 'docs.evidence-fresh', '--out', 'out'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
