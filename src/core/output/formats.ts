import { takeTable, type Table } from '../table/column';
import { writeCsv, type CsvOptions } from './csv';
import { writeJsonl } from './jsonl';
import { writeParquetBytes } from './parquet';

export const OUTPUT_FORMATS = ['parquet', 'csv', 'jsonl'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(v: unknown): v is OutputFormat {
  return typeof v === 'string' && (OUTPUT_FORMATS as readonly string[]).includes(v);
}

/** Options of the writers: `spreadsheetSafe` CSV (see {@link CsvOptions}); the other formats ignore it. */
export type WriteOptions = CsvOptions;

/**
 * A table's bytes in one of the output formats; with `rows`, the bytes of the table those rows
 * of `t` make (in that order), the same as writing `takeTable(t, rows)`: the text writers read
 * the rows in place, without the copy (a landing zone's files are index sets of its input).
 */
export function writeTable(t: Table, format: OutputFormat, options: WriteOptions = {}, rows?: Int32Array): Uint8Array {
  switch (format) {
    case 'parquet':
      return writeParquetBytes(rows ? takeTable(t, rows) : t);
    case 'csv':
      return writeCsv(t, options, rows);
    case 'jsonl':
      return writeJsonl(t, rows);
  }
}
