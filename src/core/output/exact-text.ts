/**
 * CSV and JSONL text of the exact column kinds (issue 11): bigints and decimals as their exact
 * digits (a bare number in JSON, as DuckDB and pandas write them; decimals keep their trailing
 * zeros, `5.00`), times of day as `HH:MM:SS[.fff|.ffffff]` (quoted in JSON).
 */
import { decimalText, type ExactColumn } from '../table/column';
import { formatTimeOfDay } from '../table/exact';
import type { ByteSink } from './bytes';

export type CellWriter = (out: ByteSink, row: number) => void;

/** A writer of one exact cell; `quoteTimes` for JSON (times are strings there). */
export function exactCellWriter(c: ExactColumn, quoteTimes: boolean): CellWriter {
  switch (c.type) {
    case 'bigint':
      return (out, i) => out.ascii(c.values[i].toString());
    case 'decimal':
      return (out, i) => out.ascii(decimalText(c.values[i], c.scale));
    case 'time':
      return quoteTimes ? (out, i) => out.ascii(`"${formatTimeOfDay(c.values[i])}"`) : (out, i) => out.ascii(formatTimeOfDay(c.values[i]));
  }
}
