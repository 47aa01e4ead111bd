import { useId, useMemo, useState, type FormEvent } from 'react';
import type { KeyHistory } from '../../../core/simulators/scd2-file-drop/scd2.history';
import { ScrollRegion } from '../../components/ScrollRegion';
import { engine } from '../../engine';
import { formatCount } from '../../format';
import { keyVersions, type HistoryColumns, type KeyVersion } from './keyVersions';
import type { Scd2Run } from './scd2Ui';

type Lookup = { status: 'idle' } | { status: 'loading'; key: string } | { status: 'done'; history: KeyHistory } | { status: 'missing'; key: string } | { status: 'error'; message: string };

const DAY_MS = 86_400_000;
const text = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v.replace('T', ' ').replace(/:00\.000Z$/, '').replace(/ 00:00$/, '') : String(v));

/** Versions of one key on the run's time axis: each bar spans [valid_from, valid_to). */
function Timeline({ versions, startMs, endMs }: { versions: KeyVersion[]; startMs: number; endMs: number }) {
  const span = Math.max(DAY_MS, endMs - startMs);
  const pos = (iso: string | null, fallback: number) => ((iso ? Date.parse(iso) : fallback) - startMs) / span;
  return (
    <ol className="scd2-timeline" aria-label="Validity of each version">
      {versions.map((v) => {
        const left = Math.max(0, pos(v.validFrom, startMs));
        const right = Math.min(1, pos(v.validTo, endMs));
        return (
          <li key={v.n}>
            <span className="scd2-timeline-label">v{v.n}</span>
            <span className="scd2-timeline-track">
              <span className={`scd2-timeline-bar${v.validTo === null ? ' is-current' : ''}`} style={{ left: `${left * 100}%`, width: `${Math.max(0.6, (right - left) * 100)}%` }} />
            </span>
            <span className="scd2-timeline-range">
              {text(v.validFrom)} → {v.validTo === null ? 'current' : text(v.validTo)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * A key's history: pick one of the keys with the most versions or type any key; its versions
 * appear on the run's time axis and as a table with valid_from / valid_to and the tracked
 * columns (a changed value is marked). Keys beyond the run's samples are read from the worker.
 */
export function KeyHistoryView({ run }: { run: Scd2Run }) {
  const data = run.charts;
  const entities = Object.keys(data.perEntity);
  const [entity, setEntity] = useState(entities[0] ?? '');
  const [query, setQuery] = useState('');
  const [lookup, setLookup] = useState<Lookup>(() => {
    const first = data.perEntity[entities[0]]?.keyHistories[0];
    return first ? { status: 'done', history: first } : { status: 'idle' };
  });
  const ids = { entity: useId(), key: useId() };
  const chart = data.perEntity[entity];
  const from = String(run.config.effectiveDateColumn ?? 'valid_from');
  const to = String(run.config.endDateColumn ?? 'valid_to');
  const current = String(run.config.isCurrentColumn ?? 'is_current');
  const cols: HistoryColumns = { from, to, current };
  const history = lookup.status === 'done' ? lookup.history : undefined;
  const versions = useMemo(() => (history ? keyVersions(history, { from, to, current }) : []), [history, from, to, current]);

  const show = async (key: string) => {
    const k = key.trim();
    if (!k || !chart) return;
    const known = chart.keyHistories.find((h) => h.key === k);
    if (known) return setLookup({ status: 'done', history: known });
    setLookup({ status: 'loading', key: k });
    try {
      const r = await engine.keyHistory(run.runId, entity, k).promise;
      setLookup(r.history ? { status: 'done', history: r.history } : { status: 'missing', key: k });
    } catch (e) {
      setLookup({ status: 'error', message: (e as Error).message });
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void show(query);
  };
  const startMs = Date.parse(data.snapshotAt);
  const endMs = data.days.length ? Date.parse(data.days[data.days.length - 1]) + DAY_MS : startMs + DAY_MS;
  const shownCols = chart ? [chart.businessKey, ...chart.tracked] : [];

  return (
    <section className="panel scd2-history-panel" aria-labelledby="scd2-history-title">
      <div className="panel-header">
        <h2 id="scd2-history-title">A key’s history</h2>
        <span className="field-hint">Every version of one business key, as the snapshot and the daily deltas landed it.</span>
      </div>
      <div className="panel-body scd2-history">
        <form className="scd2-history-tools" onSubmit={onSubmit} role="search" aria-label="Find a key">
          {entities.length > 1 && (
            <span className="scd2-field">
              <label htmlFor={ids.entity}>Table</label>
              <select
                id={ids.entity}
                className="select"
                value={entity}
                onChange={(e) => {
                  setEntity(e.target.value);
                  const first = data.perEntity[e.target.value]?.keyHistories[0];
                  setLookup(first ? { status: 'done', history: first } : { status: 'idle' });
                }}
              >
                {entities.map((e) => (
                  <option key={e}>{e}</option>
                ))}
              </select>
            </span>
          )}
          <span className="scd2-field grow">
            <label htmlFor={ids.key}>{chart ? `Key (${chart.businessKey})` : 'Key'}</label>
            <input id={ids.key} className="input" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Type a business key…" autoComplete="off" />
          </span>
          <button type="submit" className="btn" disabled={!query.trim()}>
            Show history
          </button>
        </form>
        {chart && chart.keyHistories.length > 0 && (
          <div className="scd2-top-keys">
            <span className="field-hint">Most versions:</span>
            <ul aria-label="Keys with the most versions">
              {chart.keyHistories.map((h) => (
                <li key={h.key}>
                  <button type="button" className="btn btn-small" aria-pressed={history?.key === h.key} onClick={() => void show(h.key)}>
                    {h.key}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div aria-live="polite">
          {lookup.status === 'loading' && <p className="field-hint">Looking up {lookup.key}…</p>}
          {lookup.status === 'missing' && (
            <p className="callout" role="note">
              No key “{lookup.key}” in {entity}.
            </p>
          )}
          {lookup.status === 'error' && (
            <p className="callout callout-error" role="alert">
              {lookup.message}
            </p>
          )}
          {history && (
            <h3 className="scd2-key-title">
              {entity} <span className="landing-mono">{history.key}</span>: {formatCount(versions.length, 'version')}
            </h3>
          )}
        </div>
        {history && (
          <>
            <Timeline versions={versions} startMs={startMs} endMs={endMs} />
            <ScrollRegion label={`Versions of ${history.key}`} className="scd2-versions-scroll">
              <table className="chart-data scd2-versions" aria-label={`Versions of ${entity} ${history.key}`}>
                <thead>
                  <tr>
                    <th scope="col">Version</th>
                    <th scope="col">{cols.from}</th>
                    <th scope="col">{cols.to}</th>
                    <th scope="col">Landed in</th>
                    {shownCols.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {versions.map((v, i) => (
                    <tr key={v.n} className={v.validTo === null ? 'is-current' : undefined}>
                      <th scope="row">
                        v{v.n} <span className="field-hint">{v.how}</span>
                      </th>
                      <td>{text(v.validFrom)}</td>
                      <td>{v.validTo === null ? <span className="landing-status is-complete">current</span> : text(v.validTo)}</td>
                      <td>{v.drop === 'initial' ? 'snapshot' : `delta ${text(v.landedAt)}`}</td>
                      {shownCols.map((c) => {
                        const changed = i > 0 && versions[i - 1].values[c] !== v.values[c];
                        return (
                          <td key={c} className={changed ? 'scd2-changed' : undefined}>
                            {text(v.values[c])}
                            {changed && <span className="sr-only"> (changed)</span>}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </>
        )}
      </div>
    </section>
  );
}
