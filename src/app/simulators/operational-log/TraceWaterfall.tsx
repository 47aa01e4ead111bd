import { useState } from 'react';
import type { ExploreTrace } from '../../../core/simulators/operational-log/operational-log.explore';
import { formatCount } from '../../format';
import { formatMs, formatUtc, serviceColor, type OplogData } from './shared';

/** Round tick spacing (1, 2 or 5 × 10^k ms) giving at most `max` intervals over `total` ms. */
function tickStep(total: number, max = 5): number {
  const raw = total / max;
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-6)));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
}

const pct = (x: number) => `${Math.max(0, Math.min(100, x * 100))}%`;

/**
 * One trace as a waterfall: a row per span, indented by depth, its bar offset by the span's
 * start and as long as its duration on a shared ms axis; ERROR spans marked in colour and text.
 */
export function TraceWaterfall({ data, trace }: { data: OplogData; trace: ExploreTrace }) {
  const [selected, setSelected] = useState(0);
  const total = Math.max(trace.durationMs, ...trace.spans.map((s) => s.offsetMs + s.durationMs));
  const step = tickStep(total);
  const ticks = Array.from({ length: Math.floor(total / step) + 1 }, (_, k) => k * step);
  const span = trace.spans[Math.min(selected, trace.spans.length - 1)];
  const serviceName = (i: number) => data.services[i]?.name ?? `service ${i}`;
  return (
    <div className="oplog-waterfall">
      <div className="oplog-trace-head">
        <div>
          <div className="oplog-trace-title">
            {trace.operation}
            {trace.errors > 0 && <span className="oplog-badge oplog-badge-error">{formatCount(trace.errors, 'error')}</span>}
          </div>
          <div className="field-hint">
            Trace <code className="oplog-mono">{trace.traceId}</code> · started {formatUtc(trace.startMs)} UTC
          </div>
        </div>
        <dl className="oplog-trace-facts">
          <div>
            <dt>Duration</dt>
            <dd>{formatMs(trace.durationMs)}</dd>
          </div>
          <div>
            <dt>Spans</dt>
            <dd>{trace.spans.length}</dd>
          </div>
          <div>
            <dt>Services</dt>
            <dd>{new Set(trace.spans.map((s) => s.service)).size}</dd>
          </div>
        </dl>
      </div>
      <div className="oplog-wf-grid" role="group" aria-label="Trace waterfall">
        <div className="oplog-wf-axis" aria-hidden="true">
          <div className="oplog-wf-label">Service · operation</div>
          <div className="oplog-wf-track">
            {ticks.map((t) => (
              <span key={t} className="oplog-wf-tick" style={{ left: pct(t / total) }}>
                {formatMs(t)}
              </span>
            ))}
          </div>
        </div>
        <ol className="oplog-wf-rows" aria-label="Spans">
          {trace.spans.map((s, i) => {
            const left = s.offsetMs / total;
            const width = s.durationMs / total;
            return (
              <li key={s.spanId}>
                <button
                  type="button"
                  className={`oplog-wf-row${i === selected ? ' selected' : ''}${s.error ? ' error' : ''}`}
                  aria-pressed={i === selected}
                  aria-label={`${serviceName(s.service)} ${s.operation}: starts at ${formatMs(s.offsetMs)}, lasts ${formatMs(s.durationMs)}${s.error ? ', ERROR' : ''}`}
                  onClick={() => setSelected(i)}
                >
                  <span className="oplog-wf-label" style={{ paddingLeft: 8 + s.depth * 12 }}>
                    <span className="swatch" style={{ background: serviceColor(s.service) }} />
                    <span className="oplog-wf-service">{serviceName(s.service)}</span>
                    {s.error && <span className="oplog-badge oplog-badge-error">ERROR</span>}
                    <span className="oplog-wf-op">{s.operation}</span>
                  </span>
                  <span className="oplog-wf-track">
                    {ticks.map((t) => (
                      <span key={t} className="oplog-wf-gridline" style={{ left: pct(t / total) }} />
                    ))}
                    <span className="oplog-wf-bar" style={{ left: pct(left), width: `max(2px, ${pct(width)})`, background: serviceColor(s.service) }} />
                    <span className={`oplog-wf-duration${s.error ? ' error' : ''}`} style={{ left: pct(left + width) }}>
                      {formatMs(s.durationMs)}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </div>
      {span && (
        <dl className="oplog-span-detail" aria-label="Selected span">
          <div>
            <dt>Span</dt>
            <dd className="oplog-mono">{span.spanId}</dd>
          </div>
          <div>
            <dt>Parent</dt>
            <dd className="oplog-mono">{span.parent < 0 ? 'none (root)' : trace.spans[span.parent].spanId}</dd>
          </div>
          <div>
            <dt>Service</dt>
            <dd>{serviceName(span.service)}</dd>
          </div>
          <div>
            <dt>Starts at</dt>
            <dd>+{formatMs(span.offsetMs)}</dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{formatMs(span.durationMs)}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd className={span.error ? 'oplog-text-error' : undefined}>{span.error ? 'ERROR' : 'OK'}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}
