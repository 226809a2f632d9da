import { jsonDocument } from '../core/json-chunks.js';
import type { ScanResult } from '../engine/result.js';

/** report.json's text in pieces: a large organization's report is never one string. */
export function renderJson(result: ScanResult): Iterable<string> {
  return jsonDocument(result);
}
