import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { providers } from '../src/collectors/index.js';
import { fakeAwsEnv } from './fakes/aws/world.js';
import { soc2, soc2Async, soc2OnTerminal } from './harness/cli.js';
import { fingerprint } from './harness/fingerprint.js';
import { startHangingServer, type HangingServer } from './harness/hanging-server.js';

/**
 * SIGINT/SIGTERM during a live scan, through the built CLI: a provider points at a local server that
 * accepts connections and never answers, so the scan is stuck in collection when the signal arrives.
 * The CLI must exit 130 promptly, print why, and leave the previous output exactly as it was.
 */

/** How each provider is pointed at a local endpoint, the way users reach emulators and GHES. */
const setups: Record<string, (url: string) => { yaml: string; env: NodeJS.ProcessEnv }> = {
  github: (url) => ({
    yaml: `providers:\n  github:\n    org: lumen-ledger\n    baseUrl: ${url}\n`,
    env: { GITHUB_TOKEN: 'x', SOC2_GITHUB_RETRY_BASE_MS: '1' },
  }),
  aws: (url) => ({
    yaml: 'providers:\n  aws:\n    regions: [us-east-1]\n',
    env: {
      ...fakeAwsEnv(url),
      SOC2_AWS_RETRY_BASE_MS: '1',
    },
  }),
  google: (url) => ({
    yaml: `providers:\n  google:\n    rootUrl: ${url}/\n    retry: { baseDelayMs: 1 }\n`,
    env: { GOOGLE_OAUTH_ACCESS_TOKEN: 'x' },
  }),
};

/** Waits for the CLI to exit; a CLI that ignores the signal is killed so the test fails with a reason. */
async function exitOf(run: ReturnType<typeof soc2Async>, graceMs = 15_000) {
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<'stuck'>((resolve) => {
    timer = setTimeout(() => {
      run.child.kill('SIGKILL');
      resolve('stuck');
    }, graceMs);
  });
  const outcome = await Promise.race([run.done, stuck]);
  clearTimeout(timer);
  return outcome;
}

const registered = providers.map((p) => p.id as string).filter((id) => id in setups);

let server: HangingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.runIf(registered.length > 0)('interrupting a live scan', () => {
  const cases = registered.flatMap((provider) =>
    (['SIGINT', 'SIGTERM'] as const).map((signal) => ({ provider, signal })),
  );

  it.each(cases)(
    '$provider: $signal exits 130 and leaves the previous output untouched',
    async ({ provider, signal }) => {
      const dir = mkdtempSync(join(tmpdir(), 'soc2-interrupt-'));
      const out = join(dir, 'report');
      const previous = soc2(['scan', '--demo', '--quiet', '--out', out]);
      expect(previous.stderr).not.toContain('internal error');
      const before = fingerprint(out);
      expect(Object.keys(before)).toContain('report.json');
      expect(Object.keys(before)).toContain(join('evidence', 'manifest.json'));

      server = await startHangingServer();
      const setup = setups[provider]!(server.url);
      const config = join(dir, 'soc2.config.yaml');
      writeFileSync(config, `organization: Interrupt Test Co\n${setup.yaml}`);
      const run = soc2Async(['scan', '--config', config, '--provider', provider, '--out', out], {
        cwd: dir,
        env: setup.env,
      });
      await server.firstRequest;
      run.child.kill(signal);
      const result = await exitOf(run);

      expect(result, `soc2 did not exit after ${signal}`).not.toBe('stuck');
      if (result === 'stuck') return;
      expect(result.code).toBe(130);
      expect(result.stderr).toContain(`interrupted by ${signal}`);
      expect(result.stderr).toContain('previous output left untouched');
      expect(result.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
      expect(fingerprint(out)).toEqual(before);
      // Beside the untouched output, only the progress a later --resume takes over.
      expect(readdirSync(dir).sort()).toEqual(['.report.soc2-resume.jsonl', 'report', 'soc2.config.yaml']);
      expect(result.stderr).toContain('run the same command with --resume');
      const journal = readFileSync(join(dir, '.report.soc2-resume.jsonl'), 'utf8').split('\n')[0]!;
      expect(JSON.parse(journal)).toMatchObject({ format: 'soc2-resume', version: 1 });
    },
  );

  it('a second signal ends a scan that is still stopping, with exit 130', async () => {
    const provider = registered[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'soc2-interrupt-'));
    server = await startHangingServer();
    const setup = setups[provider]!(server.url);
    const config = join(dir, 'soc2.config.yaml');
    writeFileSync(config, `organization: Interrupt Test Co\n${setup.yaml}`);
    const run = soc2Async(['scan', '--config', config, '--provider', provider, '--out', join(dir, 'r')], {
      cwd: dir,
      env: setup.env,
    });
    await server.firstRequest;
    run.child.kill('SIGINT');
    run.child.kill('SIGTERM');
    const result = await exitOf(run);
    expect(result).not.toBe('stuck');
    if (result === 'stuck') return;
    expect(result.code).toBe(130);
    expect(readdirSync(dir).sort()).toEqual(['.r.soc2-resume.jsonl', 'soc2.config.yaml']);
  });
});

describe.runIf(registered.length > 0)('interrupting from a real terminal with the spinner running', () => {
  it.each([
    ['Ctrl-C', '\x03', 'SIGINT'],
    ['Ctrl-\\', '\x1c', 'SIGQUIT'],
  ])('%s exits 130 and leaves the previous output untouched', async (_key, keystroke, signal) => {
    const provider = registered[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'soc2-tty-'));
    const out = join(dir, 'report');
    soc2(['scan', '--demo', '--quiet', '--out', out]);
    const before = fingerprint(out);
    server = await startHangingServer();
    const setup = setups[provider]!(server.url);
    const config = join(dir, 'soc2.config.yaml');
    writeFileSync(config, `organization: Terminal Co\n${setup.yaml}`);
    const run = soc2OnTerminal(['scan', '--config', config, '--provider', provider, '--out', out], {
      cwd: dir,
      env: setup.env,
    });
    await server.firstRequest;
    // Typed twice, as an impatient user does; the first must already stop the scan.
    run.child.stdin!.write(keystroke);
    await new Promise((resolve) => setTimeout(resolve, 200));
    run.child.stdin!.write(keystroke);
    const result = await exitOf(run);
    expect(result, `soc2 did not stop on ${signal} from the terminal`).not.toBe('stuck');
    if (result === 'stuck') return;
    expect(result.stdout).toContain('collecting'); // the spinner was running
    expect(result.code).toBe(130);
    expect(result.stdout).toContain(`interrupted by ${signal}`);
    expect(fingerprint(out)).toEqual(before);
  });
});
