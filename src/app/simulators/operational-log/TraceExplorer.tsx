import { useId, useState, type Ref } from 'react';
import { rovingKeyDown } from '../../components/roving';
import { formatCount, formatInt } from '../../format';
import { formatMs, serviceColor, type OplogData } from './shared';
import { TraceWaterfall } from './TraceWaterfall';

const LISTS = [
  { key: 'slowest', label: 'Slowest', hint: 'longest root spans first' },
  { key: 'errors', label: 'With errors', hint: 'an ERROR span, spread over the window' },
  { key: 'deepest', label: 'Most spans', hint: 'longest call chains' },
] as const;
type ListKey = (typeof LISTS)[number]['key'];

/**
 * Pick a sampled trace (slowest, erroring or deepest first) and read it as a waterfall. A trace
 * opened from the log view heads the list while it stays selected.
 */
export function TraceExplorer(props: { data: OplogData; selected: number; fromLog: boolean; onSelect(trace: number): void; totalTraces: number; ref?: Ref<HTMLElement> }) {
  const { data, selected, fromLog, onSelect, totalTraces, ref } = props;
  const [list, setList] = useState<ListKey>('slowest');
  const items = data.traceLists[list];
  const trace = data.traces[selected];
  const extra = trace && fromLog && !items.includes(selected) ? [selected] : [];
  const shownItems = [...extra, ...items];
  const focusAt = Math.max(0, shownItems.indexOf(selected));
  const listId = useId();
  return (
    <section className="panel oplog-panel" aria-label="Trace explorer" ref={ref} tabIndex={-1}>
      <div className="panel-header">
        <h2>Trace waterfall</h2>
        <span className="field-hint">
          {data.traces.length
            ? `${formatInt(totalTraces)} traces sampled in this run; ${formatInt(data.traces.length)} kept for the page. Open any log line's trace from the log view.`
            : ''}
        </span>
      </div>
      {data.traces.length === 0 ? (
        <div className="empty" style={{ minHeight: 160 }}>
          <p>No traces in this run: tracing is off or no request was sampled (Trace sample rate).</p>
        </div>
      ) : (
        <div className="oplog-trace-layout">
          <div className="oplog-trace-cols">
            <div className="oplog-trace-picker">
              <div className="tabs" role="tablist" aria-label="Trace lists" onKeyDown={(e) => rovingKeyDown(e, 'horizontal', (i) => setList(LISTS[i].key))}>
                {LISTS.map((l) => (
                  <button
                    key={l.key}
                    type="button"
                    role="tab"
                    data-roving
                    className="tab"
                    aria-selected={l.key === list}
                    aria-controls={listId}
                    tabIndex={l.key === list ? 0 : -1}
                    title={l.hint}
                    onClick={() => setList(l.key)}
                  >
                    {l.label}
                  </button>
                ))}
              </div>
              {/* one tab stop for the list: the arrow keys move between traces */}
              <ul className="oplog-trace-list" id={listId} aria-label={`Traces: ${LISTS.find((l) => l.key === list)?.label}`} onKeyDown={(e) => rovingKeyDown(e, 'vertical')}>
                {shownItems.map((t, k) => {
                  const tr = data.traces[t];
                  return (
                    <li key={`${t}:${k}`}>
                      <button type="button" data-roving className="oplog-trace-item" aria-pressed={t === selected} tabIndex={k === focusAt ? 0 : -1} onClick={() => onSelect(t)}>
                        <span className="oplog-trace-item-op">
                          {k === 0 && extra.length ? <span className="oplog-badge">from log</span> : null}
                          {tr.operation}
                        </span>
                        <span className="oplog-trace-item-meta">
                          <span className="swatch" style={{ background: serviceColor(tr.service) }} />
                          <span className="oplog-trace-item-svc">{data.services[tr.service]?.name}</span>
                          <span>·</span>
                          <span>{formatCount(tr.spans.length, 'span')}</span>
                          {tr.errors > 0 && <span className="oplog-badge oplog-badge-error">ERROR</span>}
                          <span className="oplog-trace-item-dur">{formatMs(tr.durationMs)}</span>
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
            {trace && <TraceWaterfall key={trace.traceId} data={data} trace={trace} />}
          </div>
        </div>
      )}
    </section>
  );
}
