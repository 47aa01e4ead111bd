import { useMemo, useState } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HybridCharts } from '../../../core/simulators/hybrid/hybrid.charts';
import { AXIS_PROPS, ChartTooltip } from '../../components/ChartCard';
import { countAxis, stackedMax } from '../../components/niceAxis';
import { isoMicros } from '../stream-emit/player';
import { formatInt } from '../../format';
import { formatMicros, formatSpan, timeLabel, timeTicks } from '../stream-emit/timeAxis';

const FILE_COLOR = 'var(--chart-2)';
const EVENT_COLOR = 'var(--chart-1)';

/** Where an id is found, as a check mark and words. */
function Carrier({ ok, label }: { ok: boolean; label: string }) {
  return (
    <li className={ok ? 'hybrid-carrier hybrid-carrier-ok' : 'hybrid-carrier'}>
      <span aria-hidden="true">{ok ? '✓' : '–'}</span> {label}
    </li>
  );
}

/**
 * One correlation id followed through both paths: the id, where it is stamped, and the batch
 * files and stream events it links on one simulated time axis, with the files listed.
 */
export function CorrelationView({ charts }: { charts: HybridCharts }) {
  const c = charts.correlation;
  const [entity, setEntity] = useState('');
  const widthMs = c.bucketSeconds * 1000;
  const startMs = c.startUs / 1000;
  const endMs = startMs + c.files.length * widthMs;
  const rows = useMemo(() => c.files.map((files, i) => ({ t: startMs + i * widthMs, files, events: c.events[i], rows: c.rows[i] })), [c, startMs, widthMs]);
  const entities = [...new Set(c.fileMarks.map((f) => f.entity))];
  const marks = c.fileMarks.filter((f) => !entity || f.entity === entity);
  const id = c.correlationId;
  const stream = charts.stream && c.events.some((n) => n > 0) ? { from: isoMicros(charts.stream.bucketStarts[0]), to: isoMicros(charts.stream.bucketStarts[0]) + charts.stream.bucketStarts.length * charts.stream.bucketSeconds * 1e6 } : null;
  return (
    <section className="panel hybrid-correlation" aria-label="Correlation">
      <div className="panel-header">
        <h2>Follow the correlation id</h2>
      </div>
      <div className="panel-body hybrid-correlation-body">
        {id ? (
          <div className="hybrid-id">
            <span className="field-hint">Correlation id</span>
            <code className="hybrid-id-value" data-correlation-id={id}>
              {id}
            </code>
            <ul className="hybrid-carriers" aria-label="Where the id is">
              <Carrier ok={c.manifestId === id} label={c.manifestId ? 'every manifest’s correlation_id' : 'no manifests (turned off)'} />
              <Carrier ok={c.envelopeId === id} label={c.envelopeId ? 'every envelope’s correlation_id' : 'no stream phase'} />
              <Carrier ok label="the _correlation_id column of every landed file and every event’s data" />
            </ul>
          </div>
        ) : (
          <p className="callout" role="note">
            Linked by business keys (natural_keys): no shared id and no _correlation_id column. The manifests carry the file drop’s run id <code>{c.manifestId ?? '—'}</code>, the envelopes the
            stream’s <code>{c.envelopeId ?? '—'}</code>.
          </p>
        )}
        <figure className="hybrid-timeline" aria-label="Batch files and stream events over simulated time">
          <figcaption className="field-hint">
            Data files landed (bars, left axis) and stream events sent (line, right axis) per {formatSpan(c.bucketSeconds * 1000)} of simulated time, UTC.
            {stream ? ` The stream runs from ${formatMicros(stream.from).slice(0, 19)} to ${formatMicros(stream.to).slice(0, 19)} (${formatSpan((stream.to - stream.from) / 1000)}): its own charts are below.` : ''}
          </figcaption>
          <div style={{ height: 260 }}>
            <ResponsiveContainer>
              <ComposedChart data={rows} margin={{ left: 4, right: 8, top: 8, bottom: 0 }}>
                <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
                <XAxis dataKey="t" type="number" domain={[startMs, endMs]} ticks={timeTicks(startMs, endMs)} tickFormatter={(v: number) => timeLabel(v, endMs - startMs)} {...AXIS_PROPS} />
                <YAxis yAxisId="files" {...AXIS_PROPS} width={44} {...countAxis(stackedMax(rows, 'files'))} label={{ value: 'files', angle: -90, position: 'insideLeft', fill: 'var(--text-2)', fontSize: 11 }} />
                <YAxis yAxisId="events" orientation="right" {...AXIS_PROPS} width={52} {...countAxis(stackedMax(rows, 'events'))} label={{ value: 'events', angle: 90, position: 'insideRight', fill: 'var(--text-2)', fontSize: 11 }} />
                <Tooltip
                  content={({ active, payload, label }) => (
                    <ChartTooltip
                      active={active}
                      label={typeof label === 'number' ? new Date(label).toISOString().replace('T', ' ').slice(0, 19) : undefined}
                      rows={(payload ?? []).map((p) => ({ name: String(p.name), value: formatInt(Number(p.value)), color: String(p.color) }))}
                    />
                  )}
                />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar yAxisId="files" dataKey="files" name="Batch files landed" fill={FILE_COLOR} isAnimationActive={false} />
                <Line yAxisId="events" dataKey="events" name="Stream events sent" stroke={EVENT_COLOR} dot={false} type="stepAfter" isAnimationActive={false} />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
        </figure>
        <div className="hybrid-marks-head">
          <h3>
            Batch files {id ? 'with this id' : ''} ({formatInt(c.dataFiles)}
            {c.fileMarks.length < c.dataFiles ? `, ${formatInt(c.fileMarks.length)} spread over the run listed` : ''})
          </h3>
          <label className="field-hint">
            Table{' '}
            <select className="select hybrid-entity" value={entity} onChange={(e) => setEntity(e.target.value)}>
              <option value="">All</option>
              {entities.map((e) => (
                <option key={e}>{e}</option>
              ))}
            </select>
          </label>
        </div>
        <div className="hybrid-marks" role="region" aria-label="Batch files on the timeline" tabIndex={0}>
          <table className="hybrid-table">
            <thead>
              <tr>
                <th scope="col">Landed (UTC)</th>
                <th scope="col">File</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Rows
                </th>
              </tr>
            </thead>
            <tbody>
              {marks.map((f) => (
                <tr key={f.path}>
                  <td className="stream-mono">{formatMicros(f.landedAtUs).slice(0, 19)}</td>
                  <td className="stream-mono hybrid-path" title={f.path}>
                    {f.path}
                  </td>
                  <td>{f.kind.replace('_', ' ')}</td>
                  <td className="num">{formatInt(f.rows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

