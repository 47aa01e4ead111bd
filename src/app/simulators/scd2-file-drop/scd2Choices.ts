/**
 * What the SCD2 page's table, business-key and tracked-column pickers offer, from the tables a
 * run would read (the Data sources page's data set or the default domain) and the draft. Pure:
 * the engine's own rules (`proposeKey`, the trackable types, the automatic tracked set) decide
 * what an empty choice means, so the page shows what the run will do.
 */
import { proposeKey } from '../../../core/simulators/scd2-file-drop/scd2.inputs';
import { DELTA_TYPE_COLUMN } from '../../../core/simulators/scd2-file-drop/scd2.config';
import type { ColumnType } from '../../../core/table/column';
import type { PickerColumn, PickerTable } from '../../components/inputs/pickerTables';

/** Column types a business key may have, and those a tracked column may have (scd2.inputs.ts). */
export const KEY_TYPES: readonly ColumnType[] = ['int', 'string'];
export const TRACKABLE_TYPES: readonly ColumnType[] = ['bool', 'int', 'float', 'string'];

export interface Scd2Draft {
  readonly entities?: unknown;
  readonly businessKeyColumn?: unknown;
  readonly scd2Columns?: unknown;
  readonly effectiveDateColumn?: unknown;
  readonly endDateColumn?: unknown;
  readonly isCurrentColumn?: unknown;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The draft's table names (empty: every table). */
export function chosenNames(draft: Scd2Draft): string[] {
  return strings(draft.entities);
}

/** The tables the run will track: the chosen ones that exist, or every table when none is chosen. */
export function chosenTables(tables: readonly PickerTable[], draft: Scd2Draft): PickerTable[] {
  const names = chosenNames(draft);
  return names.length ? names.flatMap((n) => tables.filter((t) => t.name === n)) : [...tables];
}

/** Columns every one of `tables` has (in the first table's order; a name's type from the first). */
export function commonColumns(tables: readonly PickerTable[]): PickerColumn[] {
  if (!tables.length) return [];
  return tables[0].columns.filter((c) => tables.every((t) => t.columns.some((x) => x.name === c.name)));
}

/** Columns that can be a business key in every one of `tables`. */
export function keyCandidates(tables: readonly PickerTable[]): PickerColumn[] {
  return commonColumns(tables).filter((c) => tables.every((t) => KEY_TYPES.includes(t.columns.find((x) => x.name === c.name)!.type)));
}

/** The key a table gets: the draft's, or the engine's proposal when the draft names none. */
export function effectiveKey(table: PickerTable, draft: Scd2Draft): string | null {
  const key = typeof draft.businessKeyColumn === 'string' ? draft.businessKeyColumn : '';
  return key || proposeKey(table);
}

/**
 * The likeliest business key of a table: a key-typed column named `<table>_id`, `id`, then any
 * `…_id`, then any other; a column known to hold duplicates or nulls is never proposed, and one
 * known to be unique is preferred within a rank. Null when no column can be a key.
 */
export function likelyKey(table: PickerTable): string | null {
  const rank = (c: PickerColumn) => (c.name === `${table.name}_id` ? 0 : c.name === 'id' ? 1 : c.name.endsWith('_id') ? 2 : 3);
  const usable = table.columns.filter((c) => KEY_TYPES.includes(c.type) && c.unique !== false);
  const best = usable.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || Number(b.c.unique === true) - Number(a.c.unique === true) || a.i - b.i)[0];
  // a column that is neither named like a key nor known to be unique is no proposal
  return best && (rank(best.c) < 3 || best.c.unique === true) ? best.c.name : null;
}

/** Names the snapshot and deltas add (valid from / to, is current, the change type): never data columns. */
export function historyColumns(draft: Scd2Draft): string[] {
  const named = [draft.effectiveDateColumn, draft.endDateColumn, draft.isCurrentColumn].filter((v): v is string => typeof v === 'string' && v !== '');
  return [...named, DELTA_TYPE_COLUMN];
}

/** Columns that may be tracked: common, of a trackable type, not a key of any chosen table, not a history column. */
export function trackedCandidates(tables: readonly PickerTable[], draft: Scd2Draft): PickerColumn[] {
  const keys = new Set(tables.map((t) => effectiveKey(t, draft)));
  const history = new Set(historyColumns(draft));
  return commonColumns(tables).filter((c) => !keys.has(c.name) && !history.has(c.name) && tables.every((t) => TRACKABLE_TYPES.includes(t.columns.find((x) => x.name === c.name)!.type)));
}

/** What an empty tracked list tracks (the engine's rule): every candidate except `…_id` columns. */
export function proposedTracked(candidates: readonly PickerColumn[]): string[] {
  return candidates.filter((c) => !c.name.endsWith('_id')).map((c) => c.name);
}

/**
 * The tracked-column choice as the page shows it: `proposed` (the draft's list is empty: the
 * engine's rule), `none` (the list is null: nothing chosen, which the run refuses) or `chosen`.
 */
export type TrackedMode = 'proposed' | 'none' | 'chosen';

export function trackedState(draft: Scd2Draft, candidates: readonly PickerColumn[]): { mode: TrackedMode; checked: string[] } {
  if (draft.scd2Columns === null) return { mode: 'none', checked: [] };
  const list = strings(draft.scd2Columns);
  return list.length ? { mode: 'chosen', checked: list } : { mode: 'proposed', checked: proposedTracked(candidates) };
}

/**
 * The tracked list after turning one column on or off, in the table's column order (names not
 * among the candidates, from a link, keep their place at the end). Nothing left is null: the page
 * says a column must be chosen, where an empty list would silently mean "proposed".
 */
export function toggleTracked(checked: readonly string[], name: string, on: boolean, candidates: readonly PickerColumn[]): string[] | null {
  const set = new Set(checked);
  if (on) set.add(name);
  else set.delete(name);
  const order = candidates.map((c) => c.name);
  const next = [...order.filter((n) => set.has(n)), ...checked.filter((n) => set.has(n) && !order.includes(n))];
  return next.length ? next : null;
}

/**
 * The draft after choosing tables: the key and tracked columns are kept where every new table
 * has them, else reset to the proposals (they named the old table's columns).
 */
export function withTables(draft: Record<string, unknown>, names: string[], tables: readonly PickerTable[]): Record<string, unknown> {
  const next = { ...draft, entities: names };
  const picked = chosenTables(tables, next);
  const cols = new Set(commonColumns(picked).map((c) => c.name));
  const key = typeof draft.businessKeyColumn === 'string' ? draft.businessKeyColumn : '';
  const tracked = strings(draft.scd2Columns).filter((c) => cols.has(c));
  return { ...next, businessKeyColumn: key && cols.has(key) ? key : '', scd2Columns: tracked };
}
