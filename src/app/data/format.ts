import type { ColumnType } from '../../core/table/column';
import { formatTimeOfDay } from '../../core/table/exact';
import { formatDate, formatIso, formatIsoMicros, US_PER_DAY } from '../../core/time';
import { formatCompact, formatInt, formatNumber } from '../format';
import type { DataOrigin } from '../../worker/protocol';

/** A summary value for people: numbers with separators, instants as UTC date-times, dates as days. */
export function formatValue(type: ColumnType, v: number): string {
  if (type === 'timestamp') return formatInstant(v);
  if (type === 'date') return formatDate(v);
  if (type === 'time') return formatTimeOfDay(v);
  if (type === 'int') return formatInt(v);
  return Math.abs(v) >= 1e15 || (v !== 0 && Math.abs(v) < 1e-4) ? v.toExponential(3) : formatNumber(v, 4);
}

/** `2024-01-02 10:00Z`, with seconds, milliseconds or microseconds only when they are not zero. */
export function formatInstant(us: number): string {
  // microseconds show when an instant has them (an upload's µs timestamps)
  const iso = us % 1000 === 0 ? formatIso(us) : formatIsoMicros(us);
  const [day, time] = iso.slice(0, -1).split('T');
  if (us % US_PER_DAY === 0) return `${day} 00:00Z`;
  const trimmed = time.replace(/\.000$/, '').replace(/:00$/, '');
  return `${day} ${trimmed}Z`;
}

/** A bin edge on an axis or tooltip: short forms for times and dates. */
export function formatEdge(type: ColumnType, v: number): string {
  if (type === 'timestamp') return shortInstant(v);
  if (type === 'date') return formatDate(v);
  if (type === 'time') return formatTimeOfDay(v);
  return type === 'int' || type === 'bigint' ? formatCompact(v) : formatNumber(v, 3);
}

/** Exact digits grouped for people (`-1234567.50` → `-1,234,567.50`), never through a double. */
export function groupDigits(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

function shortInstant(us: number): string {
  return us % US_PER_DAY === 0 ? formatDate(Math.floor(us / US_PER_DAY)) : formatInstant(us);
}

export function originLabel(o: DataOrigin): string {
  return o.kind === 'domain' ? `${o.domain} · ${o.scale} · seed ${o.seed}` : `upload · ${o.file}`;
}

/** The short form for the tables list (the full one goes in its tooltip). */
export function originShort(o: DataOrigin): string {
  return o.kind === 'domain' ? `${o.domain} (${o.scale})` : 'upload';
}

export const COLUMN_TYPES: readonly ColumnType[] = ['string', 'int', 'bigint', 'float', 'decimal', 'bool', 'date', 'time', 'timestamp'];

export const TYPE_HELP: Record<ColumnType, string> = {
  string: 'text',
  int: 'whole numbers up to ±9,007,199,254,740,991',
  bigint: 'exact 64-bit whole numbers (ids past 2^53)',
  float: 'numbers as doubles',
  decimal: 'exact decimals with a fixed number of digits after the point',
  bool: 'true / false',
  date: 'calendar dates',
  time: 'times of day',
  timestamp: 'UTC date-times',
};
