/**
 * `convert --input DIR --format parquet|csv|jsonl --out DIR|--zip FILE [--set table.column=type]…`:
 * every CSV, Parquet and JSONL file of a folder read as the Data sources page reads uploads
 * (types inferred, a `_spindle/tables.json` beside them respected, `--set` overrides), then
 * written back in one format with `_spindle/config.json` and `_spindle/tables.json`: exactly
 * the files the page's download of those uploads holds. A folder of CSVs into typed Parquet.
 */
import { basename } from 'node:path';
import { retypeColumn } from '../core/inputs';
import type { DecimalSpec } from '../core/inputs/infer';
import { columnInfo } from '../core/inputs/types';
import { uploadTree, type UploadedTable } from '../core/inputs/upload-tree';
import type { ColumnType } from '../core/table/column';
import { parseSimArgs, UsageError } from './args';
import { writeFiles } from './domain-commands';
import { readFolderTables } from './folder';

const TYPES: readonly ColumnType[] = ['string', 'int', 'bigint', 'float', 'decimal', 'bool', 'date', 'time', 'timestamp'];
const ALLOWED = `${TYPES.join(', ')} or decimal(P,S)`;

/** `decimal(18,2)` → decimal with that precision and scale; other names as they are. */
function parseType(text: string, key: string): { type: ColumnType; spec: DecimalSpec } {
  const m = /^decimal\((\d{1,2}),\s*(\d{1,2})\)$/i.exec(text);
  if (m) {
    const [precision, scale] = [Number(m[1]), Number(m[2])];
    if (precision < 1 || precision > 38 || scale > precision) throw new UsageError(`--set ${key}=${text}: allowed: decimal(P,S) with P from 1 to 38 and S from 0 to P`);
    return { type: 'decimal', spec: { precision, scale } };
  }
  if (!(TYPES as readonly string[]).includes(text.toLowerCase())) throw new UsageError(`--set ${key}=${text}: "${text}" is not a column type; allowed: ${ALLOWED}`);
  return { type: text.toLowerCase() as ColumnType, spec: {} };
}

/** `table.column` split at the table whose name is the longest prefix (table names may hold dots). */
function target(key: string, uploads: readonly UploadedTable[]): { table: UploadedTable; column: string } {
  const owners = uploads.filter((u) => key.startsWith(`${u.name}.`)).sort((a, b) => b.name.length - a.name.length);
  if (owners.length === 0) throw new UsageError(`--set ${key}: no table of that name; tables: ${uploads.map((u) => u.name).join(', ')}`);
  const table = owners[0];
  const column = key.slice(table.name.length + 1);
  if (!table.table.columns.some((c) => c.name === column))
    throw new UsageError(`--set ${key}: table ${table.name} has no column "${column}"; columns: ${table.table.columns.map((c) => c.name).join(', ')}`);
  return { table, column };
}

/** Apply one `--set table.column=type` override: the values re-read from their text, as the page's type select does. */
function override(uploads: UploadedTable[], key: string, value: unknown): void {
  const { table, column } = target(key, uploads);
  const { type, spec } = parseType(String(value), key);
  const r = retypeColumn(table.table, column, type, spec);
  if (!r.ok) throw new UsageError(`--set ${key}=${String(value)}: ${r.error}`);
  const columns = table.columns.map((c) => (c.name === column ? columnInfo(column, type, type === 'timestamp' && c.zone, r.note) : c));
  uploads[uploads.indexOf(table)] = { ...table, table: r.table, columns };
}

/** `convert`: see the module comment. Notes about values that could not be kept as written go to stderr. */
export async function convertCommand(argv: string[]): Promise<void> {
  const args = parseSimArgs(argv);
  if (!args.input) throw new UsageError('convert: give --input DIR (a folder of CSV, Parquet or JSONL files)');
  if (!args.out && !args.zip) throw new UsageError('convert: nothing to write: give --out DIR or --zip FILE');
  if (args.configFile || args.seed !== undefined || args.stats) throw new UsageError('convert: takes --input, --format, --out, --zip, --set table.column=type and --csv-safe only');
  const began = process.hrtime.bigint();
  const uploads = readFolderTables(args.input);
  for (const { key, value } of args.sets) override(uploads, key, value);
  const files = uploadTree(
    uploads.map((u) => ({ ...u, file: basename(u.file) })),
    args.format,
    { spreadsheetSafe: args.csvSafe },
  );
  await writeFiles(files, args.out, args.zip);
  for (const u of uploads) for (const c of u.columns) if (c.note) process.stderr.write(`note: ${u.name}.${c.name}: ${c.note}\n`);
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  const rows = uploads.reduce((a, u) => a + u.table.length, 0);
  const where = [args.out && `${args.out}/`, args.zip].filter(Boolean).join(' and ');
  process.stderr.write(`convert: ${uploads.length} tables, ${rows.toLocaleString('en-US')} rows, written as ${args.format} to ${where} in ${seconds.toFixed(1)} s\n`);
}
