/**
 * Read a user's file (CSV, JSONL or Parquet, by extension) into a table named after the file,
 * or an error naming the file, the line or row and the problem.
 */
import { makeTable, type Column } from '../table/column';
import { parseCsv } from './csv';
import { inferColumn } from './infer';
import { readJsonl } from './jsonl';
import { readParquetTable } from './parquet';
import { columnInfo, fail, type ColumnInfo, type ReadResult } from './types';

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
    const r = inferColumn(header[c], cells[c]);
    columns.push(r.column);
    info.push(columnInfo(header[c], r.column.type, r.zone, r.note));
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
