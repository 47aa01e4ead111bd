import { useState } from 'react';
import { getPreview } from '../engine';
import { formatInt } from '../format';
import type { RunMeta } from '../store';
import { DataTable } from './DataTable';
import { useDrawTurn } from './drawQueue';
import { rovingKeyDown } from './roving';

/** Tabs over the run's result tables and its answer key, each a virtualised preview. */
export function TablesPanel({ run }: { run: RunMeta }) {
  const tables = [...run.tables, run.answerKey];
  const [selected, setSelected] = useState(tables[0]?.name);
  const current = tables.find((t) => t.name === selected) ?? tables[0];
  // the preview (decoded from Arrow, measured, laid out) takes its turn with the charts: the
  // results appear first, then each drawing in its own task
  const drawn = useDrawTurn();
  const preview = current && drawn ? getPreview(run.runId, current.name) : undefined;
  return (
    <section className="panel" aria-label="Result tables">
      <div className="panel-header">
        <h2>Tables</h2>
        <span className="field-hint">The answer key lists every injected fault, for pipeline tests.</span>
      </div>
      {/* the WAI-ARIA tabs pattern: arrow keys move between tabs (selection follows), Home/End to the ends */}
      <div className="tabs" role="tablist" aria-label="Tables" onKeyDown={(e) => rovingKeyDown(e, 'horizontal', (i) => setSelected(tables[i].name))}>
        {tables.map((t) => (
          <button
            key={t.name}
            type="button"
            role="tab"
            data-roving
            id={`tab-${run.runId}-${t.name}`}
            aria-controls={`tabpanel-${run.runId}`}
            className="tab"
            aria-selected={t.name === current?.name}
            tabIndex={t.name === current?.name ? 0 : -1}
            onClick={() => setSelected(t.name)}
          >
            {t.name}
            <span className="count">{formatInt(t.rows)}</span>
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${run.runId}`} aria-labelledby={current ? `tab-${run.runId}-${current.name}` : undefined}>
        {current && preview ? (
          <DataTable key={`${run.runId}:${current.name}`} table={preview} columns={current.columns} totalRows={current.rows} label={`${current.name} preview`} />
        ) : current && !drawn ? (
          <div className="empty" style={{ minHeight: 200 }} aria-busy="true">
            <p>Preparing the preview…</p>
          </div>
        ) : (
          <div className="empty" style={{ minHeight: 200 }}>
            <p>No preview available.</p>
          </div>
        )}
      </div>
    </section>
  );
}
