import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useMemo, useRef, useState } from 'react';
import { formatInt } from '../../format';
import { formatMs, formatUtc, LEVEL_COLORS, serviceColor, statusTextColor, type OplogData } from './shared';

/** Two lines per log entry: time, level, service, status, latency; then request and message. */
const ROW_HEIGHT = 50;
/** Log-sample flag bits (operational-log.explore.ts). */
const FLAGS = [
  { bit: 1, label: 'spike', title: 'Inside a latency-spike window' },
  { bit: 2, label: 'outage', title: 'Inside an outage window' },
  { bit: 4, label: 'burst', title: 'An error-burst event' },
] as const;
const SAMPLED = 8;

/**
 * The log sample as a log viewer: filter by service and level, read message, status, latency
 * and time; a line whose trace the page holds opens it in the waterfall. Only visible rows render.
 */
export function LogView({ data, onOpenTrace }: { data: OplogData; onOpenTrace(trace: number): void }) {
  const s = data.logSample;
  const [service, setService] = useState(-1);
  const [level, setLevel] = useState(-1);
  const [tracedOnly, setTracedOnly] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const ids = { service: useId(), level: useId(), traced: useId() };
  const rows = useMemo(() => {
    const out: number[] = [];
    for (let k = 0; k < s.row.length; k++) {
      if ((service < 0 || s.service[k] === service) && (level < 0 || s.level[k] === level) && (!tracedOnly || s.trace[k] >= 0)) out.push(k);
    }
    return out;
  }, [s, service, level, tracedOnly]);
  const strata = s.strata.filter((x) => (service < 0 || x.service === service) && (level < 0 || x.level === level));
  const inRun = strata.reduce((a, x) => a + x.total, 0);
  const inSample = strata.reduce((a, x) => a + x.shown, 0);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const countOf = (svc: number, lvl: number) => s.strata.filter((x) => (svc < 0 || x.service === svc) && (lvl < 0 || x.level === lvl)).reduce((a, x) => a + x.total, 0);

  return (
    <section className="panel oplog-panel" aria-label="Log view">
      <div className="panel-header">
        <h2>Log view</h2>
        <span className="field-hint">
          {s.row.length === s.total
            ? `All ${formatInt(s.total)} log lines of the run.`
            : `A sample of ${formatInt(s.row.length)} of the run’s ${formatInt(s.total)} log lines: each service × level keeps all its lines when they are few and an even spread over the window otherwise.`}
        </span>
      </div>
      <div className="oplog-log-filters">
        <label htmlFor={ids.service}>Service</label>
        <select id={ids.service} className="select" value={service} onChange={(e) => setService(Number(e.target.value))}>
          <option value={-1}>All services ({formatInt(countOf(-1, level))})</option>
          {data.services.map((svc, i) => (
            <option key={svc.name} value={i}>
              {svc.name} ({formatInt(countOf(i, level))})
            </option>
          ))}
        </select>
        <label htmlFor={ids.level}>Level</label>
        <select id={ids.level} className="select" value={level} onChange={(e) => setLevel(Number(e.target.value))}>
          <option value={-1}>All levels ({formatInt(countOf(service, -1))})</option>
          {data.levelNames.map((name, i) => (
            <option key={name} value={i}>
              {name} ({formatInt(countOf(service, i))})
            </option>
          ))}
        </select>
        <label className="oplog-check" htmlFor={ids.traced}>
          <input id={ids.traced} type="checkbox" checked={tracedOnly} onChange={(e) => setTracedOnly(e.target.checked)} />
          With a trace to open
        </label>
        <span className="field-hint oplog-log-count" aria-live="polite">
          {formatInt(rows.length)} lines shown · {formatInt(inSample)} of {formatInt(inRun)} matching lines of the run are in the sample
        </span>
      </div>
      <div className="grid-scroll oplog-log-scroll" ref={scrollRef} tabIndex={0} role="region" aria-label="Log lines, scrollable">
        <div role="list" aria-label="Log lines" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const k = rows[item.index];
            const trace = s.trace[k];
            const lvl = data.levelNames[s.level[k]];
            const name = data.services[s.service[k]]?.name ?? '';
            return (
              <div
                key={k}
                role="listitem"
                className={`oplog-log-row${trace >= 0 ? ' linked' : ''}`}
                style={{ top: item.start, height: ROW_HEIGHT }}
                onClick={trace >= 0 ? () => onOpenTrace(trace) : undefined}
              >
                <div className="oplog-log-line">
                  <span className="oplog-mono oplog-log-time">{formatUtc(s.timeMs[k])}</span>
                  <span className="oplog-level" style={{ color: LEVEL_COLORS[lvl], borderColor: LEVEL_COLORS[lvl] }}>
                    {lvl}
                  </span>
                  <span className="oplog-log-service" title={name}>
                    <span className="swatch" style={{ background: serviceColor(s.service[k]) }} />
                    {name}
                  </span>
                  <span className="oplog-log-status" style={{ color: s.status[k] >= 400 ? statusTextColor(s.status[k]) : undefined }} title="HTTP status">
                    {s.status[k]}
                  </span>
                  <span className="oplog-log-latency" title="Latency">
                    {formatMs(s.latencyMs[k])}
                  </span>
                  {FLAGS.filter((f) => s.flags[k] & f.bit).map((f) => (
                    <span key={f.bit} className="oplog-badge" title={f.title}>
                      {f.label}
                    </span>
                  ))}
                  <span className="oplog-log-trace">
                    {trace >= 0 ? (
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={`Open the trace of the ${lvl} line of ${name} at ${formatUtc(s.timeMs[k])}`}
                        onClick={(e) => {
                          e.stopPropagation();
                          onOpenTrace(trace);
                        }}
                      >
                        Trace ›
                      </button>
                    ) : s.flags[k] & SAMPLED ? (
                      <span className="field-hint" title="Its spans are in the traces table, but not among the traces kept for this page: see the download.">
                        trace in table
                      </span>
                    ) : null}
                  </span>
                </div>
                <div className="oplog-log-line oplog-log-text" title={`${data.methodNames[s.method[k]]} ${data.endpointNames[s.endpoint[k]]} — ${s.message[k]}`}>
                  <span className="oplog-mono oplog-log-request">
                    {data.methodNames[s.method[k]]} {data.endpointNames[s.endpoint[k]]}
                  </span>
                  <span className="oplog-log-message">{s.message[k]}</span>
                </div>
              </div>
            );
          })}
        </div>
        {rows.length === 0 && <div className="empty oplog-log-empty">No sampled line matches these filters.</div>}
      </div>
    </section>
  );
}
