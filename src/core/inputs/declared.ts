/**
 * Types declared in `_spindle/tables.json` (issue 11): files the studio wrote itself read back
 * with the types it wrote them with, not the ones their text suggests (a float column holding
 * whole numbers stays float, an all-null int column stays int, decimals keep their scale).
 * The same entries carry the tables' keys and references, which a download keeps.
 */
import { typeLabel, type ColumnType, type Table } from '../table/column';
import { retypeColumn } from './retype';
import type { ColumnInfo, ReadError } from './types';

const TYPES: readonly ColumnType[] = ['int', 'float', 'bool', 'string', 'timestamp', 'date', 'bigint', 'decimal', 'time'];

export interface DeclaredColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly precision?: number;
  readonly scale?: number;
}

/** One entry of tables.json: what a download writes (domain metadata or an upload's), read leniently. */
export interface DeclaredTable {
  readonly name: string;
  readonly columns: readonly DeclaredColumn[];
  /** The whole entry as written (pk, fks, event time, enums…), kept for the next download. */
  readonly entry: Readonly<Record<string, unknown>>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The entries of a tables.json, or an error saying what is wrong with it. */
export function parseTablesJson(file: string, text: string): { ok: true; tables: DeclaredTable[] } | { ok: false; error: ReadError } {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, error: { file, message: `not valid JSON (${(e as Error).message})` } };
  }
  if (!Array.isArray(value)) return { ok: false, error: { file, message: 'expected a list of tables ([{"name": …, "columns": [{"name": …, "type": …}]}])' } };
  const tables: DeclaredTable[] = [];
  for (const [k, t] of value.entries()) {
    if (!isObject(t) || typeof t.name !== 'string' || !Array.isArray(t.columns)) return { ok: false, error: { file, message: `entry ${k + 1} needs a "name" and a list of "columns"` } };
    const columns: DeclaredColumn[] = [];
    for (const c of t.columns) {
      if (!isObject(c) || typeof c.name !== 'string' || !TYPES.includes(c.type as ColumnType))
        return { ok: false, error: { file, message: `table "${t.name}": each column needs a "name" and a "type" (one of ${TYPES.join(', ')})` } };
      const decimal = c.type === 'decimal' && Number.isInteger(c.precision) && Number.isInteger(c.scale);
      columns.push(decimal ? { name: c.name, type: 'decimal', precision: c.precision as number, scale: c.scale as number } : { name: c.name, type: c.type as ColumnType });
    }
    tables.push({ name: t.name, columns, entry: t });
  }
  return { ok: true, tables };
}

/**
 * The table with every column of `declared` in its declared type (re-read from its exact text);
 * columns the entry does not name keep their inferred type. Errors name the column and rows.
 */
export function applyDeclared(file: string, table: Table, info: readonly ColumnInfo[], declared: DeclaredTable): { ok: true; table: Table; columns: ColumnInfo[] } | { ok: false; error: ReadError } {
  let t = table;
  const byName = new Map(info.map((c) => [c.name, c]));
  const columns = table.columns.map((c): ColumnInfo => byName.get(c.name) ?? { name: c.name, type: c.type });
  for (const d of declared.columns) {
    const j = t.columns.findIndex((c) => c.name === d.name);
    if (j < 0) continue;
    const r = retypeColumn(t, d.name, d.type, d.type === 'decimal' ? { precision: d.precision, scale: d.scale } : {});
    if (!r.ok) return { ok: false, error: { file, column: d.name, message: `does not hold the ${typeLabel(d)} values _spindle/tables.json declares (${r.error})` } };
    if (r.table === t) continue;
    t = r.table;
    const before = columns[j];
    columns[j] = { name: d.name, type: d.type, ...(d.type === 'timestamp' && before.zone ? { zone: true } : {}), ...(r.note ? { note: r.note } : {}) };
  }
  return { ok: true, table: t, columns };
}
