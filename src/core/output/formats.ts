import type { Table } from '../table/column';
import { writeCsv } from './csv';
import { writeJsonl } from './jsonl';
import { writeParquetBytes } from './parquet';

export const OUTPUT_FORMATS = ['parquet', 'csv', 'jsonl'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(v: unknown): v is OutputFormat {
  return typeof v === 'string' && (OUTPUT_FORMATS as readonly string[]).includes(v);
}

/** A table's bytes in one of the output formats. */
export function writeTable(t: Table, format: OutputFormat): Uint8Array {
  switch (format) {
    case 'parquet':
      return writeParquetBytes(t);
    case 'csv':
      return writeCsv(t);
    case 'jsonl':
      return writeJsonl(t);
  }
}
