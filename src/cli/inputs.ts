/**
 * `--input` for the CLI: `DOMAIN:SCALE` generates a domain (seed 42 unless given); a folder
 * loads every .csv, .parquet and .jsonl file in it as a table named after the file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findDomain, generateDomain, SCALES } from '../core/domains';
import { formatReadError, INPUT_EXTENSIONS, readTableFile, tableNameOf } from '../core/inputs';
import type { Table } from '../core/table/column';
import { UsageError } from './args';
import { initParquetNode } from './parquet-node';

export interface LoadedInputs {
  readonly tables: readonly Table[];
  /** Per table, the timestamp columns whose text carried a UTC offset or zone. */
  readonly zoned?: Readonly<Record<string, readonly string[]>>;
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

/** Every .csv, .jsonl/.ndjson and .parquet file of a folder (sorted by name) as a table named after the file. */
export function loadFolder(dir: string): LoadedInputs {
  const files = readdirSync(dir)
    .filter((f) => INPUT_EXTENSIONS.some((e) => f.toLowerCase().endsWith(e)))
    .sort();
  if (files.length === 0) throw new UsageError(`--input ${dir}: no ${INPUT_EXTENSIONS.join(', ')} files in this folder`);
  initParquetNode();
  const tables: Table[] = [];
  const zoned: Record<string, string[]> = {};
  const seen = new Map<string, string>();
  for (const f of files) {
    const name = tableNameOf(f);
    const before = seen.get(name);
    if (before) throw new UsageError(`--input ${dir}: ${before} and ${f} would both be table "${name}"`);
    seen.set(name, f);
    const r = readTableFile(f, new Uint8Array(readFileSync(join(dir, f))));
    if (!r.ok) throw new UsageError(formatReadError({ ...r.error, file: join(dir, f) }));
    tables.push(r.table);
    zoned[name] = r.columns.filter((c) => c.zone).map((c) => c.name);
  }
  return { tables, zoned };
}
