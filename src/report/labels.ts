import type { CheckStatus, ControlStatus } from '../engine/types.js';

export const CONTROL_STATUS_LABEL: Record<ControlStatus, string> = {
  pass: 'Pass',
  fail: 'Fail',
  partial: 'Partial',
  manual: 'Manual evidence needed',
  not_evaluated: 'Not evaluated',
};

export const CHECK_STATUS_LABEL: Record<CheckStatus, string> = {
  pass: 'Pass',
  fail: 'Fail',
  error: 'Error',
  skipped: 'Skipped',
};

/** Findings shown per check in human reports; report.json always has all of them. */
export const FINDINGS_SHOWN = 50;
