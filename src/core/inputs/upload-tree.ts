/**
 * The output tree of uploaded tables: one file per table, `_spindle/config.json` (engine
 * version, format, which file each table came from) and `_spindle/tables.json` (each table's
 * columns with their types, so the files read back typed). The Data sources page's download of
 * uploads and the CLI's `convert` both write exactly this.
 */
import { writeTable, type OutputFormat, type WriteOptions } from '../output/formats';
import { jsonBytes, type WrittenFile } from '../output/tree';
import { columnSchema, type Table } from '../table/column';
import { ENGINE_VERSION } from '../version';
import type { DeclaredTable } from './declared';
import type { ColumnInfo } from './types';

/** A table read from a user's file, with what the reader said about its columns. */
export interface UploadedTable {
  readonly name: string;
  readonly table: Table;
  readonly file: string;
  /** Per column, in table order: zone and note flags as read (or as changed by a retype). */
  readonly columns: readonly ColumnInfo[];
  /** The file's entry in a `_spindle/tables.json` beside it: its keys and references are kept. */
  readonly declared?: DeclaredTable;
}

/** A table's tables.json entry: the declared entry's keys when there was one, else an upload's (no keys, no event time). */
export function uploadEntry(u: UploadedTable): Record<string, unknown> {
  const info = new Map(u.columns.map((c) => [c.name, c]));
  const columns = u.table.columns.map((c) => {
    const i = info.get(c.name);
    return { ...columnSchema(c), nullable: c.valid !== undefined, ...(i?.zone ? { zone: true } : {}), ...(i?.note ? { note: i.note } : {}) };
  });
  const base = u.declared?.entry ?? { pk: null, fks: [], eventTimeColumn: null, sortedByTime: false, eventTimeVia: null, enums: {} };
  const { name: _name, rows: _rows, columns: _columns, upload: _upload, ...keys } = base as Record<string, unknown>;
  return { name: u.name, rows: u.table.length, ...keys, columns, upload: { file: u.file } };
}

/** What `_spindle/config.json` of a set of uploads holds. */
export function uploadsManifest(format: OutputFormat, uploads: readonly UploadedTable[]) {
  return { engineVersion: ENGINE_VERSION, format, uploads: uploads.map((u) => ({ table: u.name, file: u.file })) };
}

/** The tree of uploaded tables in `format` (see the module comment). */
export function uploadTree(uploads: readonly UploadedTable[], format: OutputFormat, options: WriteOptions = {}): WrittenFile[] {
  const files: WrittenFile[] = uploads.map((u) => ({ path: `${u.name}.${format}`, bytes: writeTable(u.table, format, options) }));
  files.push({ path: '_spindle/config.json', bytes: jsonBytes(uploadsManifest(format, uploads)) });
  files.push({ path: '_spindle/tables.json', bytes: jsonBytes(uploads.map(uploadEntry)) });
  return files;
}
