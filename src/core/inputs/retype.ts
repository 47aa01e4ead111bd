/**
 * Change one column's type (the user overrides an inferred type): the values are re-read from
 * their exact text, so the rules are those of inference. Rows that do not convert are named.
 */
import { cellAt, dateColumn, makeTable, typeLabel, type Column, type ColumnType, type Table } from '../table/column';
import { formatTimeOfDay } from '../table/exact';
import { formatDate, formatIso, formatIsoMicros, US_PER_DAY } from '../time';
import { columnFromText, parsesAs, type DecimalSpec } from './infer';

export type RetypeResult = { readonly ok: true; readonly table: Table; readonly note?: string } | { readonly ok: false; readonly error: string };

/** A cell as the exact text a file would hold (null stays null). */
export function cellText(c: Column, i: number): string | null {
  const v = cellAt(c, i);
  if (v === null) return null;
  if (c.type === 'date') return formatDate(v as number);
  if (c.type === 'time') return formatTimeOfDay(v as number);
  if (c.type === 'timestamp') return (v as number) % 1000 === 0 ? formatIso(v as number) : formatIsoMicros(v as number);
  return String(v);
}

const ARTICLE: Record<ColumnType, string> = {
  int: 'an integer',
  bigint: 'a 64-bit integer',
  float: 'a number',
  decimal: 'a decimal number',
  bool: 'true or false',
  date: 'a date YYYY-MM-DD',
  time: 'a time of day HH:MM:SS',
  timestamp: 'an ISO 8601 date-time',
  string: 'text',
};

/** Where the values would fit: integers past ±2^53 fit bigint, long decimals fit decimal. */
function hint(type: ColumnType, bad: readonly string[]): string {
  if (type === 'int' && bad.every((v) => parsesAs(v, 'bigint'))) return ' (past ±9,007,199,254,740,991: choose bigint to keep them exact)';
  if (type === 'float' && bad.every((v) => parsesAs(v, 'decimal'))) return ' (more digits than a double holds: choose decimal to keep them exact)';
  return '';
}

/**
 * A new table with `column` converted to `type` (a decimal takes `spec`'s precision and scale,
 * else the digits its values need), or an error naming the rows that do not convert exactly.
 */
export function retypeColumn(table: Table, column: string, type: ColumnType, spec: DecimalSpec = {}): RetypeResult {
  const j = table.columns.findIndex((c) => c.name === column);
  if (j < 0) return { ok: false, error: `table ${table.name} has no column "${column}"` };
  const src = table.columns[j];
  const sameDecimal = type !== 'decimal' || src.type !== 'decimal' || ((spec.precision ?? src.precision) === src.precision && (spec.scale ?? src.scale) === src.scale);
  if (src.type === type && sameDecimal) return { ok: true, table };
  let converted: Column;
  let note: string | undefined;
  if (src.type === 'timestamp' && type === 'date') {
    const days = Int32Array.from(src.values, (us) => Math.floor(us / US_PER_DAY));
    converted = dateColumn(column, days, src.valid);
  } else {
    const values = Array.from({ length: table.length }, (_, i) => cellText(src, i));
    const r = columnFromText(column, type, values, spec);
    if (!r.ok) {
      const shown = r.bad.slice(0, 5).map((i) => `row ${i + 1} ("${values[i]}")`);
      const more = r.bad.length > 5 ? ` and ${r.bad.length - 5} more` : '';
      const what = type === 'decimal' && spec.scale !== undefined ? `${typeLabel({ type, ...spec })} exactly` : ARTICLE[type];
      return { ok: false, error: `${table.name}.${column}: ${shown.join(', ')}${more} cannot be read as ${what}${hint(type, r.bad.map((i) => values[i]!))}` };
    }
    converted = r.column;
    note = r.note;
  }
  return { ok: true, table: makeTable(table.name, table.columns.map((c, k) => (k === j ? converted : c))), ...(note ? { note } : {}) };
}
