/**
 * `--input` for the CLI: `DOMAIN:SCALE` generates a domain (seed 42 unless given); a folder
 * loads every .csv, .parquet and .jsonl file in it as a table named after the file.
 */
import { statSync } from 'node:fs';
import { findDomain, generateDomain, SCALES } from '../core/domains';
import type { Table } from '../core/table/column';
import { UsageError } from './args';
import { readFolderTables } from './folder';

export interface LoadedInputs {
  readonly tables: readonly Table[];
  /** Per table, the timestamp columns whose text carried a UTC offset or zone. */
  readonly zoned?: Readonly<Record<string, readonly string[]>>;
  /** Per table, column → what its file held that could not be kept as written. */
  readonly notes?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const DOMAIN_SCALE = /^([a-z_]+):([a-z_]+)$/;

export async function loadInputs(spec: string, seed?: number): Promise<LoadedInputs> {
  const m = DOMAIN_SCALE.exec(spec);
  if (m && findDomain(m[1])) {
    if (!(SCALES as readonly string[]).includes(m[2])) throw new UsageError(`--input ${spec}: unknown scale "${m[2]}"; known: ${SCALES.join(', ')}`);
    const out = await generateDomain(findDomain(m[1])!, { scale: m[2] }, seed === undefined ? {} : { seed });
    return { tables: out.tables };
  }
  let isDir = false;
  try {
    isDir = statSync(spec).isDirectory();
  } catch {
    // neither a folder nor a domain: the message below says what is allowed
  }
  if (!isDir) throw new UsageError(`--input ${spec}: not a folder of CSV/Parquet/JSONL files or DOMAIN:SCALE (e.g. retail:small)`);
  return loadFolder(spec);
}

/** Every table file of a folder, typed as the page types uploads (with a `_spindle/tables.json` beside them, its types). */
export function loadFolder(dir: string): LoadedInputs {
  const uploads = readFolderTables(dir);
  const zoned = Object.fromEntries(uploads.map((u) => [u.name, u.columns.filter((c) => c.zone).map((c) => c.name)]));
  const notes = Object.fromEntries(uploads.map((u) => [u.name, Object.fromEntries(u.columns.flatMap((c) => (c.note ? [[c.name, c.note]] : [])))]));
  return { tables: uploads.map((u) => u.table), zoned, notes };
}
