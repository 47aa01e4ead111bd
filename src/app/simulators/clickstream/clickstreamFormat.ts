import type { SessionKind } from '../../../core/simulators/clickstream/clickstream.samples';
import { formatNumber } from '../../format';

/** Everything on the page is in UTC, like the tables. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const HOUR_MS = 3_600_000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "14:00" */
export function clockHm(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "14:03:27.125" */
export function clockHmsMs(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** "Jan 2" */
export function dayMonth(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

/** "Mon Jan 1, 2024" */
export function fullDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** "Jan 1, 14:03:27 UTC": a session's start in the list. */
export function sessionStart(ms: number): string {
  return `${dayMonth(ms)}, ${clockHmsMs(ms).slice(0, 8)}`;
}

/** Seconds for people: "48.3 s", "3 min 12 s", "1 h 05 min". */
export function formatSeconds(s: number): string {
  if (s < 60) return `${formatNumber(s, s < 10 ? 2 : 1)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${pad(Math.round(s % 60))} s`;
  return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
}

/** Offset from the session start: "+0:00.00", "+2:31.48". */
export function offsetLabel(ms: number): string {
  const cs = Math.round(ms / 10);
  const m = Math.floor(cs / 6000);
  const rest = cs - m * 6000;
  return `+${m}:${pad(Math.floor(rest / 100))}.${pad(rest % 100)}`;
}

/**
 * Tick step for a time axis over `spanHours`: the smallest of 1, 2, 3, 6, 12 h, 1, 2, 7, 14 d
 * that gives at most `maxTicks` ticks.
 */
export function tickStepHours(spanHours: number, maxTicks = 10): number {
  for (const step of [1, 2, 3, 6, 12, 24, 48, 168, 336, 720]) if (spanHours / step <= maxTicks) return step;
  return 720;
}

/** A tick of a time axis: the date at midnight or for day steps, the hour otherwise. */
export function timeTick(ms: number, stepHours: number): string {
  return stepHours >= 24 || new Date(ms).getUTCHours() === 0 ? dayMonth(ms) : clockHm(ms);
}

export const KIND_LABEL: Record<SessionKind, string> = {
  converted: 'Converted',
  engaged: 'Engaged',
  bounced: 'Bounced',
  bot: 'Bot',
};

/** Series colours shared by every chart: humans and bots look the same everywhere. */
export const HUMAN_COLOR = 'var(--chart-1)';
export const BOT_COLOR = 'var(--chart-3)';
