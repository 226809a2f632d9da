import type { ProviderId } from './types.js';

/** What the engine tells the CLI while it works; the CLI turns these into a spinner or log lines. */
export type ScanEvent =
  | {
      type: 'provider';
      provider: ProviderId;
      state: 'start' | 'done' | 'skipped' | 'error';
      message?: string;
    }
  | {
      type: 'collect';
      provider: ProviderId;
      key: string;
      state: 'start' | 'ok' | 'error' | 'skipped';
      message?: string;
    }
  | {
      type: 'progress';
      provider: ProviderId;
      key: string;
      message: string;
      /** Work items of this key done so far, and in all (the CLI derives rate and ETA). */
      done?: number;
      total?: number;
      /** Worth a log line even where progress lines are thinned out (a budget, a wait). */
      notice?: boolean;
    }
  | { type: 'evaluate'; checks: number };

/** One line about an event for a log or a progress message; undefined for events not worth a line. */
export function describeScanEvent(event: ScanEvent): string | undefined {
  switch (event.type) {
    case 'provider':
      if (event.state === 'start') return `${event.provider}: connecting`;
      if (event.state === 'skipped')
        return `${event.provider}: skipped (${event.message ?? 'not configured'})`;
      if (event.state === 'error') return `${event.provider}: failed to start`;
      return `${event.provider}: done`;
    case 'collect':
      if (event.state === 'start') return undefined;
      if (event.state === 'ok') return `${event.provider}: collected ${event.key}`;
      return `${event.provider}: ${event.key} ${event.state}: ${event.message ?? ''}`;
    case 'progress':
      return `${event.provider}: ${event.message}`;
    case 'evaluate':
      return `evaluating ${event.checks} checks`;
  }
}
