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
  | { type: 'progress'; provider: ProviderId; key: string; message: string }
  | { type: 'evaluate'; checks: number };
