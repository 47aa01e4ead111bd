/**
 * The tables a table picker offers: the data set of the Data sources page, or — when it is
 * empty — the simulator's default domain as it would be generated (names, row counts per
 * scale and column types from the domain's declaration, without generating anything).
 */
import { estimateRows, findDomain } from '../../../core/domains';
import { detectTimeColumn, type DefaultDomain } from '../../../core/inputs/contract';
import type { ColumnType } from '../../../core/table/column';
import { useMemo } from 'react';
import { useDataSet, type TableInfo } from '../../data/store';

export interface PickerColumn {
  readonly name: string;
  readonly type: ColumnType;
  /**
   * Every row holds a different value and none is null: true or false when the data set's column
   * summary says so exactly (or it is a generated table's primary key), undefined when unknown.
   */
  readonly unique?: boolean;
}

export interface PickerTable {
  readonly name: string;
  readonly rows: number;
  readonly columns: readonly PickerColumn[];
  /** The column the detection rule picks (file-drop spec §5 #7), or null. */
  readonly detected: string | null;
}

const TIME_TYPES: readonly ColumnType[] = ['timestamp', 'date', 'string'];

/** Columns that can hold an event time (timestamp, date, or ISO text). */
export function timeCandidates(t: PickerTable): string[] {
  return t.columns.filter((c) => TIME_TYPES.includes(c.type)).map((c) => c.name);
}

/** What the column summaries tell about a column's uniqueness (a HyperLogLog count is only trusted to say "not unique"). */
function uniqueOf(t: TableInfo, name: string): boolean | undefined {
  if (t.pk === name) return true;
  const s = t.summaries.find((x) => x.name === name);
  if (!s) return undefined;
  if (s.nulls > 0 && t.rows > 0) return false;
  if (s.distinctExact) return s.distinct === t.rows;
  // the estimate is within a few per cent: far below the row count means repeated values
  return s.distinct < t.rows * 0.9 ? false : undefined;
}

export function fromDataSet(tables: readonly TableInfo[]): PickerTable[] {
  return tables.map((t) => {
    const shape = { name: t.name, rows: t.rows, columns: t.columns.map((c) => ({ name: c.name, type: c.type, unique: uniqueOf(t, c.name) })) };
    return { ...shape, detected: detectTimeColumn(shape) };
  });
}

export function fromDefaultDomain(dflt: DefaultDomain | null | undefined): PickerTable[] {
  const domain = dflt ? findDomain(dflt.domain) : undefined;
  if (!dflt || !domain) return [];
  const rows = estimateRows(domain, dflt.scale as Parameters<typeof estimateRows>[1]);
  return domain.tables.map((t) => {
    // the generated table leads with its primary key, an int sequence (domains/engine.ts)
    const columns: PickerColumn[] = [{ name: t.pk, type: 'int', unique: true }, ...t.columns.filter((c) => c.name !== t.pk).map((c) => ({ name: c.name, type: c.type }))];
    const shape = { name: t.name, rows: rows[t.name] ?? 0, columns };
    return { ...shape, detected: detectTimeColumn(shape) };
  });
}

/** The tables a run would read: the data set's, or — when it is empty — the default domain's declaration. */
export function useInputTables(dflt: DefaultDomain | null | undefined): { tables: PickerTable[]; usingDataSet: boolean } {
  const dataTables = useDataSet((s) => s.tables);
  const usingDataSet = dataTables.length > 0;
  const tables = useMemo(() => (usingDataSet ? fromDataSet(dataTables) : fromDefaultDomain(dflt)), [usingDataSet, dataTables, dflt]);
  return { tables, usingDataSet };
}
