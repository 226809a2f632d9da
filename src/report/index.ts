import type { ScanResult } from '../core/result.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';

export interface Reporter {
  /** The name used with --format. */
  format: string;
  /** File name inside the output folder. */
  file: string;
  description: string;
  render(result: ScanResult): string;
}

export const reporters: Reporter[] = [
  {
    format: 'json',
    file: 'report.json',
    description: 'machine-readable result (schemas/report.schema.json)',
    render: renderJson,
  },
  { format: 'md', file: 'report.md', description: 'Markdown gap report', render: renderMarkdown },
  { format: 'html', file: 'report.html', description: 'self-contained HTML gap report', render: renderHtml },
];

export const DEFAULT_FORMATS = ['json', 'md', 'html'];

export function reporterFor(format: string): Reporter | undefined {
  return reporters.find((r) => r.format === format);
}
