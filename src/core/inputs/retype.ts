/**
 * Change one column's type (the user overrides an inferred type): the values are re-read from
 * their text, so the rules are those of inference. Rows that do not convert are named.
 */
import { cellAt, dateColumn, makeTable, type Column, type ColumnType, type Table } from '../table/column';
import { formatDate, formatIso, formatIsoMicros, US_PER_DAY } from '../time';
import { columnFromText } from './infer';

export type RetypeResult = { readonly ok: true; readonly table: Table } | { readonly ok: false; readonly error: string };

/** A cell as the text a file would hold (null stays null). */
function text(c: Column, i: number): string | null {
  const v = cellAt(c, i);
  if (v === null) return null;
  if (c.type === 'date') return formatDate(v as number);
  if (c.type === 'timestamp') return (v as number) % 1000 === 0 ? formatIso(v as number) : formatIsoMicros(v as number);
  return String(v);
}

const ARTICLE: Record<ColumnType, string> = { int: 'an integer', float: 'a number', bool: 'true or false', date: 'a date YYYY-MM-DD', timestamp: 'an ISO 8601 date-time', string: 'text' };

/** A new table with `column` converted to `type`, or an error naming the rows that do not convert. */
export function retypeColumn(table: Table, column: string, type: ColumnType): RetypeResult {
  const j = table.columns.findIndex((c) => c.name === column);
  if (j < 0) return { ok: false, error: `table ${table.name} has no column "${column}"` };
  const src = table.columns[j];
  if (src.type === type) return { ok: true, table };
  let converted: Column;
  if (src.type === 'timestamp' && type === 'date') {
    const days = Int32Array.from(src.values, (us) => Math.floor(us / US_PER_DAY));
    converted = dateColumn(column, days, src.valid);
  } else {
    const values = Array.from({ length: table.length }, (_, i) => text(src, i));
    const r = columnFromText(column, type, values);
    if (!r.ok) {
      const shown = r.bad.slice(0, 5).map((i) => `row ${i + 1} ("${values[i]}")`);
      const more = r.bad.length > 5 ? ` and ${r.bad.length - 5} more` : '';
      return { ok: false, error: `${table.name}.${column}: ${shown.join(', ')}${more} cannot be read as ${ARTICLE[type]}` };
    }
    converted = r.column;
  }
  return { ok: true, table: makeTable(table.name, table.columns.map((c, k) => (k === j ? converted : c))) };
}
