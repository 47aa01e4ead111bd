import { DataTable } from '../components/DataTable';
import { formatInt } from '../format';
import { getDataPreview } from './actions';
import { ColumnCard } from './ColumnCard';
import { originLabel } from './format';
import type { TableInfo } from './store';

const SHORT_PREVIEW = 12;

/** What a column is to its table: the primary key, a foreign key, the event time. */
function keyRoleOf(t: TableInfo, column: string): string | undefined {
  if (t.pk === column) return 'primary key';
  const fk = t.fks.find((f) => f.column === column);
  if (fk) return `→ ${fk.table}`;
  if (t.eventTimeColumn === column) return 'event time';
  return undefined;
}

/** The selected table: a virtualised preview of its rows, then one card per column (summaries, types). */
export function TableDetail({ table }: { table: TableInfo }) {
  const preview = getDataPreview(table.name);
  const editable = table.origin.kind === 'upload';
  const zoned = new Set(table.columns.filter((c) => c.zone).map((c) => c.name));
  const notes = new Map(table.columns.flatMap((c) => (c.note ? [[c.name, c.note] as const] : [])));
  return (
    <section className="panel" aria-label={`Table ${table.name}`}>
      <div className="panel-header">
        <div className="data-detail-title">
          <h2>{table.name}</h2>
          <span className="field-hint">
            {formatInt(table.rows)} rows · {table.columns.length} columns · {originLabel(table.origin)}
          </span>
        </div>
      </div>
      {preview ? (
        // a few rows need no 420 px scroll box: the grid takes their height
        <div className={preview.numRows <= SHORT_PREVIEW ? 'data-preview-short' : undefined}>
          <DataTable key={`${table.name}:${table.version}`} table={preview} columns={table.columns} totalRows={table.rows} label={`${table.name} preview`} />
        </div>
      ) : (
        <div className="empty" style={{ minHeight: 200 }}>
          <p>No preview available.</p>
        </div>
      )}
      <div className="panel-body data-columns-body">
        <div className="data-columns-head">
          <h3>Columns</h3>
          <span className="field-hint">
            {editable
              ? 'Types were inferred from the file; change one with its select (values are re-read from their text).'
              : 'Figures over all rows; ≈ marks estimates on large columns.'}
          </span>
        </div>
        <div className="data-columns" aria-label={`Columns of ${table.name}`} role="list">
          {table.summaries.map((s) => (
            <div role="listitem" key={`${table.version}:${s.name}`}>
              <ColumnCard table={table.name} s={s} editable={editable} zone={zoned.has(s.name)} keyRole={keyRoleOf(table, s.name)} note={notes.get(s.name)} />
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}
