/**
 * Routing and stamping (spec/hybrid.md §3 steps 2–3 with §5 #6): which input tables each phase
 * gets, which listed names matched none, and the `_correlation_id` column stamped on the
 * routed copies. The caller's tables are never changed: a stamped table is a new table sharing
 * the input's columns, plus one dictionary column (one string, a code per row).
 */
import type { Issue } from '../../schema/fields';
import { dictColumn, makeTable, type Table } from '../../table/column';

/** The stream phase's topic files sit under this folder of the output tree. */
export const STREAM_FOLDER = 'stream/';

/** The column the correlation-id strategy adds to every routed table. */
export const CORRELATION_COLUMN = '_correlation_id';

export interface Routed {
  /** The phase's tables in routing order (all inputs when the list is empty). */
  readonly tables: readonly Table[];
  /** Listed names that match no input table, in list order. */
  readonly unmatched: readonly string[];
}

/** Route `names` over `inputs`: `[]` = every input in input order; else the listed tables that exist, in list order. */
export function route(names: readonly string[], inputs: ReadonlyMap<string, Table>): Routed {
  if (names.length === 0) return { tables: [...inputs.values()], unmatched: [] };
  const tables: Table[] = [];
  const unmatched: string[] = [];
  for (const name of names) {
    const t = inputs.get(name);
    if (t) tables.push(t);
    else unmatched.push(name);
  }
  return { tables, unmatched };
}

/** A copy of `t` with a constant `_correlation_id` column appended after its own columns. */
export function stamp(t: Table, correlationId: string): Table {
  return makeTable(t.name, [...t.columns, dictColumn(CORRELATION_COLUMN, [correlationId], new Int32Array(t.length))]);
}

/** Tables that already hold a `_correlation_id` column cannot be stamped: say which, and what to do. */
export function stampIssues(tables: readonly Table[]): Issue[] {
  return tables
    .filter((t) => t.columns.some((c) => c.name === CORRELATION_COLUMN))
    .map((t) => ({
      path: 'linkStrategy',
      message: `correlation_id: table "${t.name}" already has a column "${CORRELATION_COLUMN}", the column this strategy adds; allowed: rename that column, leave the table out of batchTables and streamTables, or use natural_keys`,
    }));
}

/** Tables by name, in order (a child run's inputs). */
export function byName(tables: readonly Table[]): Map<string, Table> {
  return new Map(tables.map((t) => [t.name, t]));
}
