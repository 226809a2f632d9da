import type { ChalkInstance } from 'chalk';
import type { Ora } from 'ora';
import { describeScanEvent, type ScanEvent } from '../engine/events.js';
import { ProviderRates } from './progress-rate.js';

export interface Progress {
  event(event: ScanEvent): void;
  log(message: string): void;
  stop(): void;
}

export interface ProgressOptions {
  quiet: boolean;
  stream?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
  chalk: ChalkInstance;
}

/**
 * A spinner only on a real terminal that reports its width: ora redraws forever where columns are 0.
 * Anywhere else (CI, pipes) plain log lines; nothing at all with --quiet.
 */
export function useSpinner(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && (stream.columns ?? 0) > 0 && !env.CI && env.TERM !== 'dumb';
}

export async function createProgress(options: ProgressOptions): Promise<Progress> {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  const { chalk } = options;
  if (options.quiet) return { event: () => undefined, log: () => undefined, stop: () => undefined };
  const line = (message: string) => stream.write(`${message}\n`);
  const state = new Map<string, { active: number; done: number; note?: string }>();
  const rates = new ProviderRates();
  const withRate = (provider: string, text: string) => {
    const rate = rates.describe(provider);
    return rate ? `${text} (${rate})` : text;
  };

  if (!useSpinner(stream, env)) {
    // Logs get notices (a budget, a wait) and, per provider, a counted progress line now and then.
    const every = progressIntervalMs(env);
    const lastLine = new Map<string, number>();
    return {
      event(event) {
        if (event.type === 'progress') {
          rates.update(event);
          const now = Date.now();
          const due = event.done !== undefined && now - (lastLine.get(event.provider) ?? -Infinity) >= every;
          if (!event.notice && !due) return;
          if (due) lastLine.set(event.provider, now);
          line(`soc2: ${withRate(event.provider, describeScanEvent(event)!)}`);
          return;
        }
        const text = describeScanEvent(event);
        if (text) line(`soc2: ${text}`);
      },
      log: (message) => line(message),
      stop: () => undefined,
    };
  }

  const { default: ora } = await import('ora');
  // ora's default puts the terminal in raw mode to swallow keystrokes, which turns Ctrl-C and Ctrl-\
  // into plain input: the signals must reach the process.
  const spinner: Ora = ora({ stream, text: 'planning', color: 'cyan', discardStdin: false }).start();
  const render = () => {
    const parts = [...state.entries()].map(([id, s]) => {
      if (s.active === 0) return `${id} ✓`;
      const rate = rates.describe(id);
      const detail = [s.note, rate].filter(Boolean).join('; ');
      return `${id} ${s.done}/${s.done + s.active}${detail ? ` (${detail})` : ''}`;
    });
    spinner.text = parts.length > 0 ? `collecting: ${parts.join(' · ')}` : spinner.text;
  };
  return {
    event(event) {
      if (event.type === 'provider' && event.state === 'skipped') {
        spinner.stopAndPersist({ symbol: chalk.dim('–'), text: chalk.dim(describeScanEvent(event)) });
        spinner.start();
      } else if (event.type === 'collect') {
        const s = state.get(event.provider) ?? { active: 0, done: 0 };
        if (event.state === 'start') s.active++;
        else {
          s.active--;
          s.done++;
          s.note = undefined;
        }
        state.set(event.provider, s);
        if (event.state === 'error') {
          spinner.stopAndPersist({ symbol: chalk.red('✖'), text: describeScanEvent(event) });
          spinner.start();
        }
        render();
      } else if (event.type === 'progress') {
        rates.update(event);
        if (event.notice) {
          spinner.stopAndPersist({ symbol: chalk.cyan('i'), text: describeScanEvent(event) });
          spinner.start();
        }
        const s = state.get(event.provider) ?? { active: 1, done: 0 };
        s.note = event.message;
        state.set(event.provider, s);
        render();
      } else if (event.type === 'evaluate') {
        spinner.text = describeScanEvent(event) ?? spinner.text;
      }
    },
    log(message) {
      spinner.clear();
      line(message);
      spinner.render();
    },
    stop() {
      spinner.stop();
    },
  };
}

/** How often a log gets a counted progress line per provider (SOC2_PROGRESS_INTERVAL_MS, default 10 s). */
function progressIntervalMs(env: NodeJS.ProcessEnv): number {
  const value = Number(env.SOC2_PROGRESS_INTERVAL_MS);
  return env.SOC2_PROGRESS_INTERVAL_MS !== undefined && Number.isFinite(value) && value >= 0 ? value : 10_000;
}
