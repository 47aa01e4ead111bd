/** Shorthands for domain files: a column, a table, and the retail/financial/IoT scale tables. */
import type { ColumnType } from '../table/column';
import type { ColumnDef, CountRule, Strategy, TableDef } from './model';

/** A column declaration. */
export function col(name: string, type: ColumnType, gen: Strategy, options: Omit<ColumnDef, 'name' | 'type' | 'gen'> = {}): ColumnDef {
  return { name, type, gen, ...options };
}

export const anchor = (): CountRule => ({ kind: 'anchor' });
export const fixed = (rows: number): CountRule => ({ kind: 'fixed', rows });
export const perYear = (rows: number): CountRule => ({ kind: 'perYear', rows });
/** Children per parent row; the profile key is `<table>_per_<parent>`. */
export const perParent = (table: string, parent: string, ratio: number): CountRule => ({ kind: 'perParent', parent, ratio, ratioKey: `${table}_per_${parent}` });

/** A table declaration (the primary key is listed first in the output). */
export function table(def: TableDef): TableDef {
  return def;
}
