/**
 * The tables a table picker offers: the data set of the Data sources page, or — when it is
 * empty — the simulator's default domain as it would be generated (names, row counts per
 * scale and column types from the domain's declaration, without generating anything).
 */
import { estimateRows, findDomain } from '../../../core/domains';
import { detectTimeColumn, type DefaultDomain } from '../../../core/inputs/contract';
import type { ColumnType } from '../../../core/table/column';
import type { TableInfo } from '../../data/store';

export interface PickerTable {
  readonly name: string;
  readonly rows: number;
  readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
  /** The column the detection rule picks (file-drop spec §5 #7), or null. */
  readonly detected: string | null;
}

const TIME_TYPES: readonly ColumnType[] = ['timestamp', 'date', 'string'];

/** Columns that can hold an event time (timestamp, date, or ISO text). */
export function timeCandidates(t: PickerTable): string[] {
  return t.columns.filter((c) => TIME_TYPES.includes(c.type)).map((c) => c.name);
}

export function fromDataSet(tables: readonly TableInfo[]): PickerTable[] {
  return tables.map((t) => {
    const shape = { name: t.name, rows: t.rows, columns: t.columns.map((c) => ({ name: c.name, type: c.type })) };
    return { ...shape, detected: detectTimeColumn(shape) };
  });
}

export function fromDefaultDomain(dflt: DefaultDomain | null | undefined): PickerTable[] {
  const domain = dflt ? findDomain(dflt.domain) : undefined;
  if (!dflt || !domain) return [];
  const rows = estimateRows(domain, dflt.scale as Parameters<typeof estimateRows>[1]);
  return domain.tables.map((t) => {
    // the generated table leads with its primary key, an int sequence (domains/engine.ts)
    const columns = [{ name: t.pk, type: 'int' as ColumnType }, ...t.columns.filter((c) => c.name !== t.pk).map((c) => ({ name: c.name, type: c.type }))];
    const shape = { name: t.name, rows: rows[t.name] ?? 0, columns };
    return { ...shape, detected: detectTimeColumn(shape) };
  });
}
