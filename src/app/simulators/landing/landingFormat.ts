import { formatCount } from '../../format';

/** Labels and colours the landing-zone pages share: landing instants, file kinds. */

/** "2024-01-03 00:00 UTC" (seconds only when the instant has them). */
export function landingTime(us: number): string {
  const iso = new Date(Math.floor(us / 1000)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, iso.slice(17, 19) === '00' ? 16 : 19)} UTC`;
}

/** "Jan 3" or "Jan 3 05:00" for chart ticks (UTC). */
export function shortTime(us: number, withClock: boolean): string {
  const d = new Date(Math.floor(us / 1000));
  const day = `${d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${d.getUTCDate()}`;
  return withClock ? `${day} ${d.toISOString().slice(11, 16)}` : day;
}

export const KIND_LABEL: Record<string, string> = {
  on_time: 'on time',
  late: 'late',
  backfill: 'backfill',
  restatement: 'restatement',
  initial: 'snapshot',
  delta: 'delta',
  manifest: 'manifest',
  done: 'done flag',
};

/** Series of rows by how they landed: one colour each, in both themes (CSS variables). */
export const ARRIVAL_SERIES = [
  { key: 'onTime', label: 'On time', color: 'var(--chart-1)' },
  { key: 'late', label: 'Late', color: 'var(--chart-3)' },
  { key: 'duplicated', label: 'Duplicated', color: 'var(--chart-5)' },
  { key: 'backfilled', label: 'Backfilled', color: 'var(--chart-2)' },
  { key: 'restated', label: 'Restated', color: 'var(--chart-6)' },
] as const;

/** "1 row", "1,234 rows". */
export function rowsText(n: number): string {
  return formatCount(n, 'row');
}
