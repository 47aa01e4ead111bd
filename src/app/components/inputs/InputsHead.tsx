import { formatCount, formatInt } from '../../format';

/** The heading of an inputs panel (table picker, role mapper) with the way to the Data sources page. */
export function InputsHead() {
  return (
    <div className="table-picker-head">
      <h3>Input tables</h3>
      <a className="table-picker-link" href="#/data">
        Data sources
      </a>
    </div>
  );
}

/** "The data set of the Data sources page: 3 tables, 12,000 rows." */
export function dataSetLine(tables: readonly { readonly rows: number }[]): string {
  const rows = tables.reduce((a, t) => a + t.rows, 0);
  return `The data set of the Data sources page: ${formatCount(tables.length, 'table')}, ${formatInt(rows)} rows.`;
}
