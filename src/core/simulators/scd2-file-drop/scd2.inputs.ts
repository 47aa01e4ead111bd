/**
 * Which tables the SCD2 drop tracks, their business keys and tracked columns, checked against
 * the input tables before anything lands (spec §5 #5, #7, #8). Shapes decide most of it; the
 * key's values decide the rest (no nulls, no duplicates).
 */
import type { TableShape } from '../../inputs/contract';
import { entityIssues } from '../../landing/fields';
import type { Issue } from '../../schema/fields';
import { cellAt, getColumn, isNull, type Table } from '../../table/column';
import { DELTA_TYPE_COLUMN, type Scd2Config } from './scd2.config';

/** Delta rows above this are refused: each costs a row in every format. */
export const MAX_DELTA_ROWS = 20_000_000;

export interface Scd2Entity {
  readonly name: string;
  readonly key: string;
  readonly tracked: readonly string[];
}

const TRACKABLE = ['bool', 'int', 'float', 'string'];

/** The business key of a table when the config names none: `id`, `<table>_id`, the first `…_id` column. */
export function proposeKey(t: TableShape): string | null {
  const names = t.columns.map((c) => c.name);
  if (names.includes('id')) return 'id';
  if (names.includes(`${t.name}_id`)) return `${t.name}_id`;
  return names.find((n) => n.endsWith('_id')) ?? null;
}

/** Resolve tables, keys and tracked columns from shapes; issues name the field, the table and what was found. */
export function resolveScd2Shapes(config: Scd2Config, tables: readonly TableShape[]): { entities: Scd2Entity[]; issues: Issue[] } {
  const { entities: names, issues } = entityIssues(config.entities, tables.map((t) => t.name));
  const out: Scd2Entity[] = [];
  for (const name of names) {
    const t = tables.find((x) => x.name === name)!;
    const cols = t.columns.map((c) => c.name);
    const before = issues.length;
    const key = config.businessKeyColumn || proposeKey(t);
    const keyCol = t.columns.find((c) => c.name === key);
    if (key === null)
      issues.push({ path: 'businessKeyColumn', message: `table "${name}" has no id, ${name}_id or …_id column to use as its key; columns: ${cols.join(', ')}; name the key column` });
    else if (!keyCol) issues.push({ path: 'businessKeyColumn', message: `table "${name}" has no column "${key}"; columns: ${cols.join(', ')}` });
    else if (keyCol.type !== 'int' && keyCol.type !== 'string')
      issues.push({ path: 'businessKeyColumn', message: `column "${key}" of ${name} is ${keyCol.type}; allowed: an int or text column` });
    for (const field of ['effectiveDateColumn', 'endDateColumn', 'isCurrentColumn'] as const) {
      if (cols.includes(config[field]))
        issues.push({ path: field, message: `table "${name}" already has a column "${config[field]}"; allowed: a name that is not one of its columns` });
    }
    if (cols.includes(DELTA_TYPE_COLUMN)) issues.push({ path: 'entities', message: `table "${name}" has a column "${DELTA_TYPE_COLUMN}", which the delta files add; rename it first` });
    let tracked: string[];
    if (config.scd2Columns.length) {
      tracked = [];
      config.scd2Columns.forEach((c, i) => {
        const col = t.columns.find((x) => x.name === c);
        if (!col) issues.push({ path: `scd2Columns.${i}`, message: `table "${name}" has no column "${c}"; columns: ${cols.join(', ')}` });
        else if (c === key) issues.push({ path: `scd2Columns.${i}`, message: `"${c}" is the business key of ${name}; allowed: columns other than the key` });
        else if (!TRACKABLE.includes(col.type)) issues.push({ path: `scd2Columns.${i}`, message: `column "${c}" of ${name} is ${col.type}; allowed: a bool, int, float or text column` });
        else tracked.push(c);
      });
    } else tracked = t.columns.filter((c) => c.name !== key && !c.name.endsWith('_id') && TRACKABLE.includes(c.type)).map((c) => c.name);
    if (issues.length === before && tracked.length === 0 && config.dailyChangeRate > 0)
      issues.push({ path: 'scd2Columns', message: `table "${name}" has no bool, number or text column to track besides its key; name the tracked columns or set dailyChangeRate to 0` });
    if (issues.length === before) out.push({ name, key: key!, tracked });
  }
  return { entities: out, issues };
}

/** Null or duplicate business keys (spec §5 #7), naming up to five of them. */
export function keyValueIssues(t: Table, key: string): Issue[] {
  const c = getColumn(t, key);
  let nulls = 0;
  const seen = new Set<number | string>();
  const dups: string[] = [];
  for (let i = 0; i < t.length; i++) {
    if (isNull(c, i)) {
      nulls++;
      continue;
    }
    const v = cellAt(c, i) as number | string;
    if (seen.has(v)) {
      if (dups.length < 5 && !dups.includes(String(v))) dups.push(String(v));
    } else seen.add(v);
  }
  const issues: Issue[] = [];
  if (nulls) issues.push({ path: 'businessKeyColumn', message: `column "${key}" of ${t.name} has ${nulls} null keys; allowed: a key column without nulls` });
  if (dups.length) issues.push({ path: 'businessKeyColumn', message: `column "${key}" of ${t.name} has duplicate keys (${dups.join(', ')}); allowed: one row per key` });
  return issues;
}

/** Expected delta rows of a table (spec §3: 2 per update, 1 per insert, keys growing with inserts). */
export function expectedDeltaRows(keys: number, config: Pick<Scd2Config, 'numDeltaDays' | 'dailyChangeRate' | 'dailyNewRate'>): number {
  if (keys === 0) return 0;
  const inserts = config.dailyNewRate > 0 ? Math.max(1, Math.floor(keys * config.dailyNewRate)) : 0;
  let total = 0;
  for (let d = 0; d < config.numDeltaDays; d++) {
    const k = keys + d * inserts;
    total += 2 * (config.dailyChangeRate > 0 ? Math.min(k, Math.max(1, Math.floor(k * config.dailyChangeRate))) : 0) + inserts;
  }
  return total;
}
