import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../../core/errors.js';
import { writeFileAtomic } from '../../evidence/output-dir.js';
import { starterConfig } from '../../core/starter-config.js';

export interface InitFlags {
  config: string;
  organization?: string;
  force?: boolean;
  /** Write a scheduled CI pipeline (github or gitlab) instead; see init-ci.ts. */
  ci?: string;
}

export async function initCommand(flags: InitFlags): Promise<number> {
  if (flags.ci) return (await import('./init-ci.js')).initCi({ ...flags, ci: flags.ci });
  const file = resolve(flags.config);
  if (existsSync(file) && !flags.force) {
    throw new InputError([{ file, message: 'already exists; use --force to overwrite' }]);
  }
  writeFileAtomic(file, starterConfig(flags.organization ?? 'Your Company'));
  process.stderr.write(
    `soc2: wrote ${flags.config}\nNext: edit it, then run: soc2 scan --config ${flags.config}\n`,
  );
  return 0;
}
