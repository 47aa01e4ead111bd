/** Shorthands for domain files: a column, count rules, a table, and zip-record columns. */
import type { ColumnType } from '../table/column';
import type { ColumnDef, CountRule, Strategy, TableDef } from './model';
import { zipField, type ZipField } from './strategies/people';

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

/** Columns fed by one zip record per row (city, state, zip_code: text; lat, lng: floats). */
export const zipColumns = (fields: readonly ZipField[]): ColumnDef[] => fields.map((f) => col(f, f === 'lat' || f === 'lng' ? 'float' : 'string', zipField(f)));
