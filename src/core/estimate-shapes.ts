/**
 * What a column shaped like an input column costs in memory, for estimates of result tables
 * that carry input columns over (the financial stream's combined transactions, supplied IoT
 * readings): the typed-array bytes per row of each column kind, as `src/core/table/column.ts`
 * holds them, plus a one-byte validity mask where the column holds nulls.
 */
import type { ColumnShape } from './inputs/contract';
import type { ColumnType } from './table/column';

/** Value bytes per row of each column kind (strings: the 32-bit offset or code alone). */
const VALUE_BYTES: Record<ColumnType, number> = { int: 8, float: 8, timestamp: 8, time: 8, bigint: 8, decimal: 8, date: 4, bool: 1, string: 4 };

/** Mean UTF-8 bytes a string column's row holds (0 for a dictionary: its few values are not per row). */
export function textBytesPerRow(c: ColumnShape, rows: number): number {
  if (c.type !== 'string' || c.dictionary) return 0;
  const present = rows > 0 && c.nulls !== undefined ? 1 - c.nulls / rows : 1;
  return (c.textBytes ?? 12) * present;
}

/**
 * Bytes per row of a column shaped like `c` over `rows` rows. A string column of unknown
 * encoding counts as UTF-8 bytes (the larger of the two), so a limit check errs on the safe side.
 */
export function columnBytesPerRow(c: ColumnShape, rows: number, nullable = (c.nulls ?? 0) > 0): number {
  return VALUE_BYTES[c.type] + textBytesPerRow(c, rows) + (nullable ? 1 : 0);
}

/** Bytes per row of a table shaped like `columns`. */
export function tableBytesPerRow(columns: readonly ColumnShape[], rows: number): number {
  return columns.reduce((a, c) => a + columnBytesPerRow(c, rows), 0);
}

/**
 * Mean digits of the integers spread evenly over [lo, hi] (ids 1…n: most have as many digits
 * as n, a tenth one fewer, …), for int keys written as text.
 */
export function meanDigits(lo: number, hi: number): number {
  const a = Math.max(0, Math.ceil(Math.min(lo, hi)));
  const b = Math.max(a, Math.floor(Math.max(lo, hi)));
  let sum = 0;
  for (let d = 1, from = 0; from <= b; d++, from = from === 0 ? 10 : from * 10) {
    const to = from === 0 ? 9 : from * 10 - 1;
    const n = Math.min(b, to) - Math.max(a, from) + 1;
    if (n > 0) sum += n * d;
  }
  return sum / (b - a + 1);
}
