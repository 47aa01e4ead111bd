import { formatInt } from '../format';
import { dropTable } from './actions';
import { originLabel, originShort } from './format';
import { useDataSet, type TableInfo } from './store';

/** Every foreign key of the set as `child.column → parent.column`, grouped by child table. */
function Relationships({ tables, select }: { tables: readonly TableInfo[]; select(name: string): void }) {
  const present = new Set(tables.map((t) => t.name));
  const withFks = tables.filter((t) => t.fks.length > 0);
  if (withFks.length === 0)
    return <p className="field-hint data-fk-empty">No foreign keys: uploaded tables carry none, and generated ones list theirs here.</p>;
  return (
    <ul className="data-fk-list" aria-label="Foreign keys">
      {withFks.flatMap((t) =>
        t.fks.map((fk) => (
          <li key={`${t.name}.${fk.column}`}>
            <button type="button" className="data-link" onClick={() => select(t.name)}>
              {t.name}.{fk.column}
            </button>
            <span className="data-fk-arrow" aria-label="references">
              {' → '}
            </span>
            {present.has(fk.table) ? (
              <button type="button" className="data-link" onClick={() => select(fk.table)}>
                {fk.table}.{fk.parentColumn}
              </button>
            ) : (
              <span title="Not in the data set">
                {fk.table}.{fk.parentColumn}
              </span>
            )}
          </li>
        )),
      )}
    </ul>
  );
}

/** The data set: every table with its rows, origin, key and references; choose one to preview, tick those to download. */
export function DataSetPanel() {
  const tables = useDataSet((s) => s.tables);
  const selected = useDataSet((s) => s.selected);
  const excluded = useDataSet((s) => s.excluded);
  const patch = useDataSet((s) => s.patch);
  const select = (name: string) => patch({ selected: name });
  const toggle = (name: string, on: boolean) => patch({ excluded: on ? excluded.filter((n) => n !== name) : [...excluded, name] });
  const rows = tables.reduce((a, t) => a + t.rows, 0);

  return (
    <section className="panel" aria-label="Data set">
      <div className="panel-header">
        <h2>Data set</h2>
        <span className="field-hint">
          {tables.length} tables · {formatInt(rows)} rows · held in the engine worker for the simulators
        </span>
      </div>
      <div className="data-tables-wrap" tabIndex={0} role="region" aria-label="Tables of the data set, scrollable">
        <table className="data-tables" aria-label="Tables">
          <thead>
            <tr>
              <th scope="col" className="data-check">
                <span className="sr-only">Include in the download</span>
              </th>
              <th scope="col">Table</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col">Origin</th>
              <th scope="col">Key</th>
              <th scope="col">References</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tables.map((t) => (
              <tr key={t.name} className={t.name === selected ? 'is-selected' : undefined}>
                <td className="data-check">
                  <input type="checkbox" checked={!excluded.includes(t.name)} onChange={(e) => toggle(t.name, e.target.checked)} aria-label={`Include ${t.name} in the download`} />
                </td>
                <td>
                  <button type="button" className="data-link data-table-name" aria-current={t.name === selected ? 'true' : undefined} onClick={() => select(t.name)}>
                    {t.name}
                  </button>
                </td>
                <td className="num">{formatInt(t.rows)}</td>
                <td>
                  <span className={`data-origin${t.origin.kind === 'upload' ? ' is-upload' : ''}`} title={originLabel(t.origin)}>
                    {originShort(t.origin)}
                  </span>
                </td>
                <td className="mono">{t.pk ?? '—'}</td>
                <td className="data-refs">{t.fks.length ? [...new Set(t.fks.map((f) => f.table))].join(', ') : '—'}</td>
                <td>
                  <button type="button" className="btn btn-icon" aria-label={`Remove ${t.name}`} title={`Remove ${t.name} from the data set`} onClick={() => void dropTable(t.name)}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="panel-body data-relations">
        <h3>Relationships</h3>
        <Relationships tables={tables} select={select} />
      </div>
    </section>
  );
}
