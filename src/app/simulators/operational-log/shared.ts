import type { OperationalLogData } from '../../../core/simulators/operational-log/view';
import { formatNumber } from '../../format';

/** The engine's `charts` JSON for this page: aggregates, the log sample and the traces. */
export type OplogData = OperationalLogData;

/**
 * A colour per service, stable across every chart and the waterfall. The six chart colours
 * first, then two of the page's own (both themes, in styles.css), then tints for long lists.
 */
const BASE = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-4)', 'var(--chart-6)', 'var(--chart-3)', 'var(--oplog-svc-7)', 'var(--oplog-svc-8)', 'var(--chart-5)'];

export function serviceColor(i: number): string {
  const base = BASE[i % BASE.length];
  const round = Math.floor(i / BASE.length);
  return round === 0 ? base : `color-mix(in srgb, ${base} ${Math.max(35, 100 - round * 25)}%, var(--text-3))`;
}

/** The injected window kinds, in the answer key's names, with their shading (hues no default service line uses). */
export const WINDOW_KINDS = [
  { kind: 'latency_spike', label: 'Latency spike', color: 'var(--shade-spike)' },
  { kind: 'outage', label: 'Outage', color: 'var(--shade-outage)' },
  { kind: 'error_burst', label: 'Error burst', color: 'var(--shade-burst)' },
] as const;

/** Level colours for text and badge borders: the text-safe tones (≥ 4.5:1 in both themes). */
export const LEVEL_COLORS: Record<string, string> = { INFO: 'var(--text-info)', WARN: 'var(--text-warn)', ERROR: 'var(--text-error)' };

/** Status classes and their colours (2xx green, 3xx blue, 4xx amber, 5xx red). */
export const STATUS_CLASSES = [
  { label: '2xx success', test: (c: number) => c < 300, color: 'var(--chart-4)' },
  { label: '3xx redirect', test: (c: number) => c >= 300 && c < 400, color: 'var(--chart-2)' },
  { label: '4xx client error', test: (c: number) => c >= 400 && c < 500, color: 'var(--chart-3)' },
  { label: '5xx server error', test: (c: number) => c >= 500, color: 'var(--chart-5)' },
] as const;

export function statusColor(code: number): string {
  return (STATUS_CLASSES.find((c) => c.test(code)) ?? STATUS_CLASSES[3]).color;
}

/** A status code's colour as text (the chart hues are too light for text on a panel). */
export function statusTextColor(code: number): string {
  return code >= 500 ? 'var(--text-error)' : code >= 400 ? 'var(--text-warn)' : code >= 300 ? 'var(--text-info)' : 'var(--text-ok)';
}

/** Milliseconds for people: "0.84 ms", "52.3 ms", "1.27 s", "18.9 s". */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${formatNumber(ms / 1000, ms >= 10_000 ? 1 : 2)} s`;
  return `${formatNumber(ms, ms >= 100 ? 0 : ms >= 10 ? 1 : 2)} ms`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "2024-01-01 00:03:12.345" (UTC, the simulated clock's zone). */
export function formatUtc(ms: number, withMs = true): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, withMs ? 23 : 19)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HOUR = 3_600_000;
const TICK_STEPS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080, 20160, 43200].map((m) => m * 60_000);

/** Evenly spaced, round tick instants for a time axis over [from, to] (at most ~`max`). */
export function timeTicks(from: number, to: number, max = 9): number[] {
  const step = TICK_STEPS.find((s) => (to - from) / s <= max) ?? TICK_STEPS[TICK_STEPS.length - 1];
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

/** A tick label: clock time for windows up to two days (with the date at midnight), else the date. */
export function timeTickLabel(ms: number, spanMs: number): string {
  const d = new Date(ms);
  const day = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (spanMs > 2 * 24 * HOUR) return day;
  return clock === '00:00' && spanMs > 6 * HOUR ? day : clock;
}

/** "00:05–00:10" for a bucket; the date is added when it is not the first day. */
export function bucketLabel(start: number, widthMs: number): string {
  const a = formatUtc(start, false);
  const b = formatUtc(start + widthMs, false);
  return `${a.slice(0, 16)}–${b.slice(0, 10) === a.slice(0, 10) ? b.slice(11, 16) : b.slice(0, 16)} UTC`;
}

