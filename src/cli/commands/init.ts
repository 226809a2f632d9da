import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadSetup } from '../setup.js';
import { InputError } from '../../engine/errors.js';
import { starterConfig } from '../../core/starter-config.js';
import {
  starterEvidenceIndex,
  starterPolicies,
  starterRegisters,
  type StarterFile,
} from '../../core/starter-docs.js';
import { writeFileAtomic } from '../../evidence/output-dir.js';

export interface InitFlags {
  config: string;
  organization?: string;
  force?: boolean;
  /** Also write the starter policy set into policies/ next to the config. */
  policies?: boolean;
  /** Also write example risk and vendor registers into registers/. */
  registers?: boolean;
  /** Also write an empty evidence index into evidence/index.yaml. */
  evidenceIndex?: boolean;
  /** Write a scheduled CI pipeline (github or gitlab) instead; see init-ci.ts. */
  ci?: string;
  /** With ci: where the pipeline fetches soc2 from, and the commit it pins. */
  source?: string;
  commit?: string;
}

/**
 * Writes the starter config; with --policies, --registers or --evidence-index also the starter documents
 * next to it. Existing files are kept unless --force; an existing config is then reused (its
 * organization fills in the documents).
 */
export async function initCommand(flags: InitFlags): Promise<number> {
  if (flags.ci) return (await import('./init-ci.js')).initCi({ ...flags, ci: flags.ci });
  const file = resolve(flags.config);
  const extras = Boolean(flags.policies || flags.registers || flags.evidenceIndex);
  const configExists = existsSync(file);
  if (configExists && !flags.force && !extras) {
    throw new InputError([{ file, message: 'already exists; use --force to overwrite' }]);
  }
  const organization =
    flags.organization ??
    (configExists ? (await loadSetup(file)).config.organization : undefined) ??
    'Your Company';
  const lines: string[] = [];
  if (!configExists || flags.force) {
    writeFileAtomic(
      file,
      starterConfig(organization, {
        policies: flags.policies,
        evidence: flags.evidenceIndex,
        registers: flags.registers,
      }),
    );
    lines.push(`wrote ${flags.config}`);
  }

  const files: StarterFile[] = [
    ...(flags.policies ? starterPolicies(organization) : []),
    ...(flags.registers ? starterRegisters(organization) : []),
    ...(flags.evidenceIndex ? starterEvidenceIndex(organization) : []),
  ];
  const dir = dirname(file);
  const kept: string[] = [];
  let written = 0;
  for (const starter of files) {
    const target = join(dir, starter.path);
    if (existsSync(target) && !flags.force) {
      kept.push(relative(process.cwd(), target) || target);
      continue;
    }
    writeFileAtomic(target, starter.content);
    written++;
  }
  if (files.length > 0) lines.push(`wrote ${written} starter file${written === 1 ? '' : 's'} next to it`);
  if (kept.length > 0)
    lines.push(`kept ${kept.length} existing file(s) (use --force to overwrite): ${kept.join(', ')}`);
  if (flags.policies) {
    lines.push(
      'The policies are drafts: adapt them, then set approved_by and approved_at when management approves them.',
    );
  }
  process.stderr.write(
    `soc2: ${lines.join('\nsoc2: ')}\nNext: edit it, then run: soc2 scan --config ${flags.config}\n`,
  );
  return 0;
}
