/** Readers for the user's own tables (CSV, JSONL, Parquet), type inference and type overrides. */
export { readTableFile, readCsv, tableNameOf, INPUT_EXTENSIONS } from './read';
export { readJsonl } from './jsonl';
export { readParquetTable } from './parquet';
export { inferType, parsesAs } from './infer';
export { retypeColumn, type RetypeResult } from './retype';
export { formatReadError, type ColumnInfo, type ReadError, type ReadResult } from './types';
