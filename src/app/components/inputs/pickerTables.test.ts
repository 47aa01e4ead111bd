import { describe, expect, it } from 'vitest';
import type { TableInfo } from '../../data/store';
import { fromDataSet, fromDefaultDomain } from './pickerTables';

/** A data-set table as the store holds it, with only what the picker reads. */
function info(rows: number, pk: string | null, cols: [string, 'int' | 'string', number, number, boolean][]): TableInfo {
  return {
    name: 't',
    rows,
    pk,
    columns: cols.map(([name, type]) => ({ name, type })),
    summaries: cols.map(([name, type, nulls, distinct, distinctExact]) => ({ name, type, rows, nulls, distinct, distinctExact })),
  } as unknown as TableInfo;
}

describe('picker tables: what a column summary tells about uniqueness', () => {
  it('exact counts decide; nulls are never unique; an estimate only tells "repeated"', () => {
    const [t] = fromDataSet([
      info(100, 'pk', [
        ['pk', 'int', 0, 0, false],
        ['code', 'string', 0, 100, true],
        ['tier', 'string', 0, 3, true],
        ['maybe', 'int', 2, 98, true],
        ['big', 'int', 0, 99, false],
        ['few', 'int', 0, 40, false],
      ]),
    ]);
    expect(Object.fromEntries(t.columns.map((c) => [c.name, c.unique]))).toEqual({ pk: true, code: true, tier: false, maybe: false, big: undefined, few: false });
  });

  it('a default domain table leads with its primary key, unique', () => {
    const tables = fromDefaultDomain({ domain: 'retail', scale: 'fixture' });
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) expect(t.columns[0]).toMatchObject({ type: 'int', unique: true });
  });
});
