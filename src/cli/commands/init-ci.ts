import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CI_FILES, CI_SYSTEMS, ciTemplate, type CiSystem } from '../../core/ci-templates.js';
import { InputError } from '../../engine/errors.js';
import { starterConfig } from '../../core/starter-config.js';
import { TOOL_VERSION } from '../../engine/version.js';
import { writeFileAtomic } from '../../evidence/output-dir.js';

export interface InitCiFlags {
  ci: string;
  config: string;
  organization?: string;
  force?: boolean;
}

/** `soc2 init --ci github|gitlab`: writes the CI file, and the starter config when there is none yet. */
export function initCi(flags: InitCiFlags): number {
  const system = flags.ci as CiSystem;
  if (!CI_SYSTEMS.includes(system))
    throw new InputError(`--ci: expected one of ${CI_SYSTEMS.join(', ')} (got '${flags.ci}')`);
  const ciFile = resolve(CI_FILES[system]);
  if (existsSync(ciFile) && !flags.force) {
    throw new InputError([{ file: ciFile, message: 'already exists; use --force to overwrite' }]);
  }
  writeFileAtomic(ciFile, ciTemplate(system, TOOL_VERSION));
  const written = [CI_FILES[system]];
  const configFile = resolve(flags.config);
  if (!existsSync(configFile)) {
    writeFileAtomic(configFile, starterConfig(flags.organization ?? 'Your Company'));
    written.push(flags.config);
  }
  const next =
    system === 'github'
      ? 'set the repository variable SOC2_AWS_ROLE_ARN (an IAM role trusted by GitHub OIDC), then run the workflow from the Actions tab'
      : 'set the CI/CD variable SOC2_AWS_ROLE_ARN and add a weekly pipeline schedule (Build > Pipeline schedules)';
  process.stderr.write(`soc2: wrote ${written.join(', ')}\nNext: ${next}. See docs/ci-and-history.md\n`);
  return 0;
}
