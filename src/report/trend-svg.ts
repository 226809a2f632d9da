import type { HistoryRecord } from '../core/history.js';
import { SEVERITIES, type Severity } from '../engine/types.js';
import { escapeHtml as e } from './escape-html.js';

/** One scan of the history, as the trend shows it. */
export interface TrendPoint {
  evaluatedAt: string;
  complete: boolean;
  /** Checks with failing findings, per severity. */
  failing: Record<Severity, number>;
  controlsWithoutGaps: number;
  controls: number;
}

export function trendPoints(records: readonly HistoryRecord[]): TrendPoint[] {
  return records.map((r) => {
    const failing = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    for (const check of r.checks)
      if (check.failing.length > 0 && check.severity in failing) failing[check.severity] += 1;
    return {
      evaluatedAt: r.evaluatedAt,
      complete: r.complete,
      failing,
      controlsWithoutGaps: r.controls.filter((c) => c.status === 'pass').length,
      controls: r.controls.length,
    };
  });
}

/** Bars beyond this many scans would be too thin to read: the chart shows the latest ones. */
export const TREND_SCANS_SHOWN = 30;

const SEVERITY_COLOR: Record<Severity, string> = {
  critical: '#82071e',
  high: '#cf222e',
  medium: '#bc4c00',
  low: '#d4a72c',
  info: '#8c959f',
};

const WIDTH = 440;
const HEIGHT = 230;
const PLOT = { left: 34, right: 8, top: 28, bottom: 44 };

/** A step of 1, 2 or 5 times a power of ten giving at most five grid lines up to `max`. */
function gridStep(max: number): number {
  const raw = Math.max(1, max / 5);
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
}

const dateOf = (iso: string) => iso.slice(0, 10);

/**
 * Failing checks per scan, stacked by severity, as an inline SVG (no script, no external resource):
 * one bar per scan, oldest first, each with a tooltip; incomplete scans are marked, as their counts
 * may miss failures.
 */
export function trendSvg(points: readonly TrendPoint[]): string {
  const shown = points.slice(-TREND_SCANS_SHOWN);
  const totals = shown.map((p) => SEVERITIES.reduce((n, s) => n + p.failing[s], 0));
  const step = gridStep(Math.max(1, ...totals));
  const top = Math.max(step, Math.ceil(Math.max(1, ...totals) / step) * step);
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const slot = plotWidth / shown.length;
  const barWidth = Math.min(36, slot * 0.7);
  const y = (value: number) => PLOT.top + plotHeight - (value / top) * plotHeight;
  const round = (n: number) => Math.round(n * 10) / 10;

  const parts: string[] = [];
  for (let value = 0; value <= top; value += step) {
    parts.push(
      `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${round(y(value))}" y2="${round(y(value))}" stroke="#d1d9e0"/>`,
      `<text x="${PLOT.left - 6}" y="${round(y(value) + 4)}" text-anchor="end">${value}</text>`,
    );
  }
  const labelEvery = Math.ceil(shown.length / 4);
  shown.forEach((point, i) => {
    const x = PLOT.left + slot * i + (slot - barWidth) / 2;
    const center = round(x + barWidth / 2);
    let base = 0;
    const tip = `${dateOf(point.evaluatedAt)}: ${totals[i]} failing check(s) (${SEVERITIES.filter(
      (s) => point.failing[s] > 0,
    )
      .map((s) => `${point.failing[s]} ${s}`)
      .join(
        ', ',
      )}); ${point.controlsWithoutGaps} of ${point.controls} controls with no gaps found${point.complete ? '' : '; incomplete scan'}`;
    parts.push(`<g class="scan"><title>${e(tip)}</title>`);
    for (const severity of SEVERITIES) {
      const count = point.failing[severity];
      if (count === 0) continue;
      parts.push(
        `<rect x="${round(x)}" y="${round(y(base + count))}" width="${round(barWidth)}" height="${round(y(base) - y(base + count))}" fill="${SEVERITY_COLOR[severity]}"/>`,
      );
      base += count;
    }
    if (!point.complete)
      parts.push(
        `<text x="${center}" y="${round(y(base) - 4)}" text-anchor="middle" font-weight="700" fill="#8250df">!</text>`,
      );
    parts.push('</g>');
    if ((shown.length - 1 - i) % labelEvery === 0)
      parts.push(
        `<text x="${center}" y="${HEIGHT - PLOT.bottom + 16}" text-anchor="middle">${e(dateOf(point.evaluatedAt))}</text>`,
      );
  });
  const legend = SEVERITIES.map(
    (s, i) =>
      `<rect x="${PLOT.left + i * 72}" y="${HEIGHT - 16}" width="10" height="10" fill="${SEVERITY_COLOR[s]}"/><text x="${PLOT.left + i * 72 + 14}" y="${HEIGHT - 7}">${s}</text>`,
  ).join('');
  const incomplete = shown.some((p) => !p.complete)
    ? `<text x="${WIDTH - PLOT.right}" y="14" text-anchor="end"><tspan fill="#8250df" font-weight="700">!</tspan> incomplete scan</text>`
    : '';
  const summary = `Failing checks per scan by severity, ${shown.length} scan(s) from ${dateOf(shown[0]!.evaluatedAt)} to ${dateOf(shown.at(-1)!.evaluatedAt)}: ${totals.join(', ')}.`;
  return `<svg class="trend" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="trend-title trend-desc" font-family="system-ui,sans-serif" font-size="11" fill="currentColor">
<title id="trend-title">Failing checks per scan</title><desc id="trend-desc">${e(summary)}</desc>
<text x="0" y="14" font-weight="600">Failing checks per scan, by severity</text>
${parts.join('\n')}
${legend}${incomplete}
</svg>`;
}
