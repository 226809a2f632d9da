import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CI_FILES, CI_SYSTEMS, ciTemplate, type CiSystem, type Soc2Source } from '../../core/ci-templates.js';
import { packageRoot } from '../../core/paths.js';
import { InputError } from '../../engine/errors.js';
import { starterConfig } from '../../core/starter-config.js';
import { writeFileAtomic } from '../../evidence/output-dir.js';

export interface InitCiFlags {
  ci: string;
  config: string;
  organization?: string;
  force?: boolean;
  /** The git URL the pipeline fetches soc2 from (default: this soc2's own origin). */
  source?: string;
  /** The full commit id it pins (default: this soc2's own commit). */
  commit?: string;
}

const GIT_URL = /^(https:\/\/|ssh:\/\/|file:\/\/|[\w.-]+@[\w.-]+:)[^\s'"\\]+$/;
const COMMIT = /^[0-9a-f]{40}$/;

function git(...args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', packageRoot, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/**
 * Where the pipeline gets soc2: the flags, else the git checkout this soc2 runs from (its origin URL and
 * commit). A pipeline must never install an unpinned or unpublished registry name.
 */
export function soc2Source(flags: Pick<InitCiFlags, 'source' | 'commit'>): Soc2Source {
  const url = flags.source ?? git('remote', 'get-url', 'origin');
  const commit = flags.commit ?? git('rev-parse', 'HEAD');
  const how =
    'pass --source <git URL of the soc2 repository you use> --commit <its full commit id>, a commit you have reviewed';
  if (!url || !GIT_URL.test(url))
    throw new InputError(
      url
        ? `--source: '${url}' is not a git URL a CI runner can fetch (https://, ssh://, git@host:path or file://); ${how}`
        : `cannot tell which repository this soc2 comes from; ${how}`,
    );
  if (!commit || !COMMIT.test(commit))
    throw new InputError(`--commit: expected a full 40-character commit id (got '${commit ?? ''}'); ${how}`);
  return { url, commit };
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
  const source = soc2Source(flags);
  writeFileAtomic(ciFile, ciTemplate(system, source));
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
  process.stderr.write(
    `soc2: wrote ${written.join(', ')}; it runs soc2 from ${source.url} at commit ${source.commit}\nNext: ${next}. See docs/ci-and-history.md\n`,
  );
  return 0;
}
