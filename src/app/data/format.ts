import type { ColumnType } from '../../core/table/column';
import { formatDate, formatIso, US_PER_DAY } from '../../core/time';
import { formatCompact, formatInt, formatNumber } from '../format';
import type { DataOrigin } from '../../worker/protocol';

/** A summary value for people: numbers with separators, instants as UTC date-times, dates as days. */
export function formatValue(type: ColumnType, v: number): string {
  if (type === 'timestamp') return formatInstant(v);
  if (type === 'date') return formatDate(v);
  if (type === 'int') return formatInt(v);
  return Math.abs(v) >= 1e15 || (v !== 0 && Math.abs(v) < 1e-4) ? v.toExponential(3) : formatNumber(v, 4);
}

/** `2024-01-02 10:00Z`, with seconds or milliseconds only when they are not zero. */
export function formatInstant(us: number): string {
  const iso = formatIso(us);
  const [day, time] = iso.slice(0, -1).split('T');
  if (us % US_PER_DAY === 0) return `${day} 00:00Z`;
  const trimmed = time.replace(/\.000$/, '').replace(/:00$/, '');
  return `${day} ${trimmed}Z`;
}

/** A bin edge on an axis or tooltip: short forms for times and dates. */
export function formatEdge(type: ColumnType, v: number): string {
  if (type === 'timestamp') return shortInstant(v);
  if (type === 'date') return formatDate(v);
  return type === 'int' ? formatCompact(v) : formatNumber(v, 3);
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

export const COLUMN_TYPES: readonly ColumnType[] = ['string', 'int', 'float', 'bool', 'date', 'timestamp'];

export const TYPE_HELP: Record<ColumnType, string> = {
  string: 'text',
  int: 'whole numbers',
  float: 'decimal numbers',
  bool: 'true / false',
  date: 'calendar dates',
  timestamp: 'UTC date-times',
};
