/**
 * Read a user's file (CSV, JSONL or Parquet, by extension) into a table named after the file,
 * or an error naming the file, the line or row and the problem.
 */
import { makeTable, type Column } from '../table/column';
import { parseCsv } from './csv';
import { columnFromText, inferType } from './infer';
import { readJsonl } from './jsonl';
import { readParquetTable } from './parquet';
import { fail, type ColumnInfo, type ReadResult } from './types';

export const INPUT_EXTENSIONS = ['.csv', '.jsonl', '.ndjson', '.parquet'] as const;

/** `orders.csv` → `orders` (the folder part and the extension dropped). */
export function tableNameOf(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** CSV → typed table: every column's type inferred from its text. */
export function readCsv(file: string, name: string, bytes: Uint8Array): ReadResult {
  const parsed = parseCsv(file, bytes);
  if (!parsed.ok) return fail(parsed.error);
  const { header, cells } = parsed.value;
  const columns: Column[] = [];
  const info: ColumnInfo[] = [];
  for (let c = 0; c < header.length; c++) {
    const { type, zone } = inferType(cells[c]);
    const r = columnFromText(header[c], type, cells[c]);
    if (!r.ok) return fail({ file, line: parsed.value.rowLines[r.bad[0]], column: header[c], message: `cannot read "${cells[c][r.bad[0]]}" as ${type}` });
    columns.push(r.column);
    info.push(type === 'timestamp' ? { name: header[c], type, zone } : { name: header[c], type });
  }
  return { ok: true, table: makeTable(name, columns), columns: info };
}

/** Read one file by its extension (.csv, .jsonl/.ndjson, .parquet). */
export function readTableFile(file: string, bytes: Uint8Array): ReadResult {
  const lower = file.toLowerCase();
  const name = tableNameOf(file);
  if (lower.endsWith('.csv')) return readCsv(file, name, bytes);
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return readJsonl(file, name, bytes);
  if (lower.endsWith('.parquet')) return readParquetTable(file, name, bytes);
  return fail({ file, message: `unsupported file type; allowed: ${INPUT_EXTENSIONS.join(', ')}` });
}
