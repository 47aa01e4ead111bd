/**
 * A folder of CSV, Parquet and JSONL files read as the Data sources page reads uploads: every
 * file a table named after it, types inferred, and the types of a `_spindle/tables.json` beside
 * them (a studio download, unzipped) winning over inference, so files read back as written.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatReadError, INPUT_EXTENSIONS, readTableFile, tableNameOf } from '../core/inputs';
import { applyDeclared, parseTablesJson, type DeclaredTable } from '../core/inputs/declared';
import type { UploadedTable } from '../core/inputs/upload-tree';
import { UsageError } from './args';
import { initParquetNode } from './parquet-node';

/** The declared tables of `dir/_spindle/tables.json`, by name (none when there is no such file). */
function declaredIn(dir: string): Map<string, DeclaredTable> {
  const path = join(dir, '_spindle', 'tables.json');
  if (!existsSync(path)) return new Map();
  const r = parseTablesJson(path, readFileSync(path, 'utf8'));
  if (!r.ok) throw new UsageError(formatReadError(r.error));
  return new Map(r.tables.map((t) => [t.name, t]));
}

/** Every .csv, .jsonl/.ndjson and .parquet file of a folder (sorted by name) as a table named after the file. */
export function readFolderTables(dir: string): UploadedTable[] {
  const files = readdirSync(dir)
    .filter((f) => INPUT_EXTENSIONS.some((e) => f.toLowerCase().endsWith(e)))
    .sort();
  if (files.length === 0) throw new UsageError(`--input ${dir}: no ${INPUT_EXTENSIONS.join(', ')} files in this folder`);
  initParquetNode();
  const declared = declaredIn(dir);
  const out: UploadedTable[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const name = tableNameOf(f);
    const before = seen.get(name);
    if (before) throw new UsageError(`--input ${dir}: ${before} and ${f} would both be table "${name}"`);
    seen.set(name, f);
    const r = readTableFile(f, new Uint8Array(readFileSync(join(dir, f))));
    if (!r.ok) throw new UsageError(formatReadError({ ...r.error, file: join(dir, f) }));
    const d = declared.get(name);
    if (!d) {
      out.push({ name, table: r.table, file: f, columns: r.columns });
      continue;
    }
    const typed = applyDeclared(f, r.table, r.columns, d);
    if (!typed.ok) throw new UsageError(formatReadError({ ...typed.error, file: join(dir, f) }));
    out.push({ name, table: typed.table, file: f, columns: typed.columns, declared: d });
  }
  return out;
}
