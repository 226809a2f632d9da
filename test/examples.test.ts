import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog } from '../src/core/catalog.js';
import { loadConfig, type Config } from '../src/core/config.js';
import { packageRoot } from '../src/core/paths.js';
import { starterConfig } from '../src/core/starter-config.js';
import { starterEvidenceIndex } from '../src/core/starter-docs.js';
import { resolveCheckConfig } from '../src/engine/check-config.js';
import { builtInPlugins } from '../src/registry/builtins.js';
import { buildRegistry } from '../src/registry/registry.js';

// Everything soc2 registers without a plugins: entry: the built-in providers and the bundled plugins.
const registry = buildRegistry(builtInPlugins);
const catalog = loadCatalog({
  checks: registry.checks,
  pluginDirs: registry.controlDirs,
  noBuildCache: true,
});
const checkIds = new Set(registry.checks.map((c) => c.id));
const requestsOf = new Map(catalog.controls.map((c) => [c.id, new Set(c.evidence.map((e) => e.id))]));
const read = (path: string) => readFileSync(join(packageRoot, path), 'utf8');

/** The ```yaml blocks of a Markdown file, each with the line its text starts on. */
function yamlBlocks(markdown: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  let open: { line: number; lines: string[] } | undefined;
  markdown.split('\n').forEach((line, index) => {
    if (!open && line.trim() === '```yaml') open = { line: index + 2, lines: [] };
    else if (open && line.trim() === '```') {
      blocks.push({ line: open.line, text: open.lines.join('\n') });
      open = undefined;
    } else open?.lines.push(line);
  });
  return blocks;
}

/**
 * A template with its commented-out YAML switched on: `# key: value` and `#  - key: value` lines lose
 * their `#`, prose comments stay, and an empty `[]` or `{}` that now has entries under it is dropped.
 */
function uncomment(template: string): string {
  const lines = template
    .split('\n')
    .map((line) => line.replace(/^(\s*)# ?(?=\s*(- )?[a-z][\w.-]*:(\s|$))/, '$1'));
  return lines
    .map((line, i) => {
      const next = lines[i + 1] ?? '';
      const indent = (s: string) => s.length - s.trimStart().length;
      return /: (\[\]|\{\})$/.test(line) && next.trim() && !next.trimStart().startsWith('#')
        ? indent(next) > indent(line)
          ? line.replace(/ (\[\]|\{\})$/, '')
          : line
        : line;
    })
    .join('\n');
}

/** Loads config text as `soc2 scan` would and checks it against the real check list. */
function scanConfig(text: string): Config {
  const file = join(mkdtempSync(join(tmpdir(), 'soc2-example-')), 'soc2.config.yaml');
  writeFileSync(file, text);
  const config = loadConfig(file, undefined, registry.providers);
  resolveCheckConfig(config, registry.checks);
  return config;
}

/** Check, control and evidence request ids named in a parsed YAML example that do not exist. */
function unknownIds(value: unknown): string[] {
  const doc = (value ?? {}) as {
    exceptions?: { check?: string }[];
    checks?: Record<string, unknown>;
    items?: { control?: string; request?: string }[];
  };
  const unknown: string[] = [];
  for (const rule of Array.isArray(doc.exceptions) ? doc.exceptions : []) {
    if (rule.check && !checkIds.has(rule.check)) unknown.push(`check ${rule.check}`);
  }
  for (const id of Object.keys(doc.checks ?? {})) if (!checkIds.has(id)) unknown.push(`check ${id}`);
  for (const item of Array.isArray(doc.items) ? doc.items : []) {
    const requests = item.control ? requestsOf.get(item.control) : undefined;
    if (item.control && !requests) unknown.push(`control ${item.control}`);
    else if (item.request && !requests?.has(item.request))
      unknown.push(`evidence request ${item.control}/${item.request}`);
  }
  return unknown;
}

describe('documented examples name only checks, controls and evidence requests that exist', () => {
  it("the README's configuration example loads and passes the scan's check validation", () => {
    const [example] = yamlBlocks(read('README.md').split('## Configuration')[1]!);
    const config = scanConfig(example!.text);
    expect(config.exceptions.map((e) => e.check)).toEqual(['aws.iam-access-key-rotation']);
    expect(Object.keys(config.checks)).toEqual(['aws.iam-access-key-rotation']);
  });

  it('the soc2 init config, its examples uncommented, loads and passes the scan check validation', () => {
    const template = starterConfig('Acme');
    expect(uncomment(template)).not.toBe(template);
    const config = scanConfig(uncomment(template));
    expect(config.providers.aws?.assumeRole).toBe('soc2-audit');
    expect(config.exceptions.map((e) => e.check)).toEqual(['aws.iam-access-key-rotation']);
    expect(Object.keys(config.checks)).toEqual(['aws.iam-access-key-rotation']);
  });

  it('the soc2 init evidence index, its example uncommented, names a real control and request', () => {
    const [index] = starterEvidenceIndex('Acme');
    const items = (parse(uncomment(index!.content)) as { items: unknown[] }).items;
    expect(items).toHaveLength(1);
    expect(unknownIds({ items })).toEqual([]);
  });

  it('the YAML examples in README.md and docs/*.md name no unknown check, control or request', () => {
    const files = [
      'README.md',
      ...readdirSync(join(packageRoot, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    const found: string[] = [];
    let examples = 0;
    for (const file of files) {
      for (const block of yamlBlocks(read(file))) {
        const unknown = unknownIds(parse(uncomment(block.text)));
        found.push(...unknown.map((id) => `${file}:${block.line}: ${id}`));
        examples++;
      }
    }
    expect(examples).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });

  it('the docs, schemas, templates and check READMEs mention only control ids that exist', () => {
    const filesIn = (dir: string, suffix: string) =>
      readdirSync(join(packageRoot, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith(suffix))
        .map((f) => `${dir}/${f}`);
    const files = [
      'README.md',
      // docs/plugins.md's worked example defines a plugin's own control (VPN-01), not a built-in one.
      ...filesIn('docs', '.md').filter((f) => f !== 'docs/plugins.md'),
      ...filesIn('schemas', '.json'),
      ...filesIn('templates', '.md'),
      ...filesIn('templates', '.yaml'),
      ...filesIn('checks', 'README.md'),
    ];
    const unknown = files.flatMap((file) =>
      [...read(file).matchAll(/\b[A-Z][A-Z0-9]{1,4}-\d{2}\b/g)]
        .map((m) => m[0])
        .filter((id) => !requestsOf.has(id))
        .map((id) => `${file}: ${id}`),
    );
    expect(files.length).toBeGreaterThan(66);
    expect(unknown).toEqual([]);
  });
});
