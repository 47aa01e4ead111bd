import { Bar, BarChart, CartesianGrid, Cell, Layer, Rectangle, ReferenceLine, ResponsiveContainer, Sankey, Tooltip, XAxis, YAxis } from 'recharts';
import type { NodeProps } from 'recharts/types/chart/Sankey';
import type { WorkflowCharts as Data } from '../../../core/simulators/workflow/workflow.charts';
import { AXIS_PROPS, ChartCard, ChartTooltip } from '../../components/ChartCard';
import { countAxis, stackedMax } from '../../components/niceAxis';
import { topSummary } from '../../components/chartSummary';
import { ScrollRegion } from '../../components/ScrollRegion';
import { binLabel, formatCompact, formatHours, formatInt, formatPercent } from '../../format';
import type { workflowView } from '../../../core/simulators/workflow/view';
import type { RunOf } from '../types';

const ANOMALY_COLORS: Record<string, string> = { skip: 'var(--chart-3)', stuck: 'var(--chart-5)', backward: 'var(--chart-6)' };

function FinalStates({ data, total }: { data: Data; total: number }) {
  return (
    <ChartCard
      title="Final state of each entity"
      subtitle="Entities by the state they ended in; terminal states in colour, unfinished ones in grey."
      table={{
        columns: ['State', 'Entities', 'Share', 'Kind'],
        rows: data.finalStates.map((s) => [s.state, formatInt(s.count), formatPercent(s.count / Math.max(1, total)), s.terminal ? 'terminal' : 'unfinished']),
      }}
      summary={topSummary(data.finalStates.map((s) => [s.state, s.count]), 'entities', total)}
    >
      <ResponsiveContainer>
        <BarChart data={data.finalStates} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
          <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
          <XAxis type="number" {...AXIS_PROPS} {...countAxis(stackedMax(data.finalStates, 'count'))} />
          <YAxis type="category" dataKey="state" width={110} {...AXIS_PROPS} />
          <Tooltip
            cursor={{ fill: 'var(--panel-2)' }}
            content={({ active, payload }) => {
              const p = payload?.[0]?.payload as Data['finalStates'][number] | undefined;
              return p ? (
                <ChartTooltip
                  active={active}
                  label={p.state}
                  rows={[
                    { name: 'Entities', value: formatInt(p.count) },
                    { name: 'Share', value: formatPercent(p.count / Math.max(1, total)) },
                    { name: 'Kind', value: p.terminal ? 'terminal' : 'unfinished' },
                  ]}
                />
              ) : null;
            }}
          />
          <Bar dataKey="count" name="Entities" radius={[0, 4, 4, 0]} isAnimationActive={false}>
            {data.finalStates.map((s) => (
              <Cell key={s.state} fill={s.terminal ? 'var(--chart-1)' : 'var(--text-3)'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** A from × to matrix: works for cyclic processes (support tickets) where a Sankey cannot. */
function TransitionMatrix({ data }: { data: Data }) {
  const names = data.states.map((s) => s.name);
  const counts = new Map(data.transitions.map((t) => [`${t.from}\u0000${t.to}`, t.count]));
  const max = Math.max(1, ...data.transitions.map((t) => t.count));
  const sources = names.filter((n) => data.transitions.some((t) => t.from === n));
  const targets = names.filter((n) => data.transitions.some((t) => t.to === n));
  return (
    <section className="chart-card wide" aria-labelledby="wf-matrix-title">
      <h3 id="wf-matrix-title">Transitions between states</h3>
      <p className="chart-sub">Event counts from each state (rows) to each state (columns), anomalous moves included; darker means more.</p>
      <ScrollRegion label="Matrix of event counts, scrollable">
        <table className="heatmap" aria-labelledby="wf-matrix-title">
          <thead>
            <tr>
              <th className="heatmap-axis" style={{ textAlign: 'right' }}>
                from ↓ / to →
              </th>
              {targets.map((n) => (
                <th key={n} scope="col">
                  {n}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sources.map((from) => (
              <tr key={from}>
                <th scope="row" className="row-head">
                  {from}
                </th>
                {targets.map((to) => {
                  const c = counts.get(`${from}\u0000${to}`) ?? 0;
                  // capped so the count in --text keeps ≥ 4.5:1 on the strongest tint in both themes
                  const alpha = c ? 0.08 + 0.52 * Math.sqrt(c / max) : 0;
                  return (
                    <td
                      key={to}
                      title={`${from} → ${to}: ${formatInt(c)} events`}
                      style={{
                        background: c ? `color-mix(in srgb, var(--chart-1) ${Math.round(alpha * 100)}%, transparent)` : 'var(--panel-2)',
                        color: c ? 'var(--text)' : 'var(--text-2)',
                      }}
                    >
                      {c ? formatCompact(c) : '·'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

/**
 * The process as a flow: states in definition order, links for moves to a later state. Moves
 * back (loops such as escalated → in_progress, backward anomalies) and stuck events would make
 * the graph cyclic, which a Sankey cannot draw; they are counted in the matrix instead.
 */
function Flow({ data }: { data: Data }) {
  const rank = new Map(data.states.map((s, i) => [s.name, i]));
  const forward = data.transitions.filter((t) => rank.get(t.from)! < rank.get(t.to)!);
  const used = data.states.filter((s) => forward.some((t) => t.from === s.name || t.to === s.name));
  const index = new Map(used.map((s, i) => [s.name, i]));
  const left = data.transitions.filter((t) => !forward.includes(t)).reduce((a, t) => a + t.count, 0);
  const sankey = {
    nodes: used.map((s) => ({ name: s.name, terminal: s.terminal })),
    links: forward.map((t) => ({ source: index.get(t.from)!, target: index.get(t.to)!, value: t.count })),
  };
  const subtitle = `Events moving to a later state, in the process's order; band width is the event count (hover for numbers).${
    left ? ` ${formatInt(left)} events that loop back or get stuck are in the matrix below.` : ''
  }`;
  return (
    <ChartCard
      title="Process flow"
      subtitle={subtitle}
      wide
      height={320}
      table={{ columns: ['From → to', 'Events'], rows: forward.map((t) => [`${t.from} → ${t.to}`, formatInt(t.count)]) }}
      summary={topSummary(forward.map((t) => [`${t.from} → ${t.to}`, t.count]), 'events')}
    >
      {sankey.links.length ? (
        <ResponsiveContainer>
          <Sankey
            data={sankey}
            nodeWidth={12}
            nodePadding={28}
            iterations={64}
            margin={{ left: 8, right: 120, top: 8, bottom: 8 }}
            link={{ stroke: 'var(--chart-1)', strokeOpacity: 0.25 }}
            node={FlowNode}
          >
            <Tooltip
              content={({ active, payload }) => {
                const p = payload?.[0]?.payload as { source?: { name: string }; target?: { name: string }; value?: number; name?: string } | undefined;
                if (!p) return null;
                const label = p.source && p.target ? `${p.source.name} → ${p.target.name}` : p.name;
                return <ChartTooltip active={active} label={label} rows={[{ name: 'Events', value: formatInt(Number(p.value ?? 0)) }]} />;
              }}
            />
          </Sankey>
        </ResponsiveContainer>
      ) : (
        <p className="chart-sub">No entity moved to a later state.</p>
      )}
    </ChartCard>
  );
}

function FlowNode({ x, y, width, height, payload }: NodeProps) {
  const terminal = (payload as unknown as { terminal: boolean }).terminal;
  return (
    <Layer>
      <Rectangle x={x} y={y} width={width} height={Math.max(1, height)} fill={terminal ? 'var(--chart-1)' : 'var(--chart-2)'} radius={2} />
      {/* the name only (counts are in the tooltip), with a halo so it reads over the bands */}
      <text x={x + width + 5} y={y + height / 2} dy="0.35em" fontSize={12} fill="var(--text)" stroke="var(--panel)" strokeWidth={3} paintOrder="stroke">
        {payload.name}
      </text>
    </Layer>
  );
}

function Dwell({ data }: { data: Data }) {
  const rows = data.dwell.map((b) => ({ label: binLabel(b.lo, b.hi), count: b.count }));
  return (
    <ChartCard
      title="Dwell time per transition"
      subtitle="Time spent in a state before moving on, hours (stuck events excluded)."
      table={{ columns: ['Dwell time', 'Events'], rows: rows.map((r) => [r.label, formatInt(r.count)]) }}
      summary={topSummary(rows.map((r) => [r.label, r.count]), 'events')}
    >
      <ResponsiveContainer>
        <BarChart data={rows} margin={{ left: 4, right: 12, top: 4, bottom: 24 }}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="label" {...AXIS_PROPS} angle={-35} textAnchor="end" interval={0} height={48} />
          <YAxis {...AXIS_PROPS} width={48} {...countAxis(stackedMax(rows, 'count'))} />
          <Tooltip
            cursor={{ fill: 'var(--panel-2)' }}
            content={({ active, payload, label }) => (
              <ChartTooltip active={active} label={label} rows={[{ name: 'Events', value: formatInt(Number(payload?.[0]?.value ?? 0)) }]} />
            )}
          />
          <Bar dataKey="count" name="Events" fill="var(--chart-2)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function Completion({ data }: { data: Data }) {
  const rows = data.completion.bins.map((b) => ({ mid: Number.isFinite(b.hi) ? (b.lo + b.hi) / 2 : b.lo, label: binLabel(b.lo, b.hi), count: b.count }));
  const { p50, p90 } = data.completion;
  return (
    <ChartCard
      title="Time to complete"
      subtitle={rows.length ? `Creation to terminal state, complete entities, hours. Median ${formatHours(p50)}, 90th percentile ${formatHours(p90)}.` : 'Creation to terminal state, complete entities, hours. No entity completed.'}
      table={{ columns: ['Time to complete', 'Entities'], rows: rows.map((r) => [r.label, formatInt(r.count)]) }}
      summary={topSummary(rows.map((r) => [r.label, r.count]), 'entities')}
    >
      <ResponsiveContainer>
        <BarChart data={rows} margin={{ left: 4, right: 12, top: 16, bottom: 4 }} barCategoryGap={1}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="mid" type="number" domain={['dataMin', 'dataMax']} {...AXIS_PROPS} tickFormatter={(v: number) => `${formatCompact(v)} h`} />
          <YAxis {...AXIS_PROPS} width={48} {...countAxis(stackedMax(rows, 'count'))} />
          <Tooltip
            cursor={{ fill: 'var(--panel-2)' }}
            content={({ active, payload }) => {
              const p = payload?.[0]?.payload as { label: string; count: number } | undefined;
              return p ? <ChartTooltip active={active} label={p.label} rows={[{ name: 'Entities', value: formatInt(p.count) }]} /> : null;
            }}
          />
          <Bar dataKey="count" name="Entities" fill="var(--chart-4)" isAnimationActive={false} />
          <ReferenceLine x={p50} stroke="var(--text-2)" strokeDasharray="4 3" label={{ value: 'p50', position: 'top', fill: 'var(--text-2)', fontSize: 11 }} />
          <ReferenceLine x={p90} stroke="var(--chart-5)" strokeDasharray="4 3" label={{ value: 'p90', position: 'top', fill: 'var(--chart-5)', fontSize: 11 }} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function Anomalies({ data, events }: { data: Data; events: number }) {
  return (
    <ChartCard
      title="Injected anomalies by type"
      subtitle="Events flagged is_anomaly, each listed in the answer key."
      table={{ columns: ['Anomaly', 'Events', 'Share of events'], rows: data.anomalies.map((a) => [a.type, formatInt(a.count), formatPercent(a.count / Math.max(1, events), 2)]) }}
      summary={topSummary(data.anomalies.map((a) => [a.type, a.count]), 'events')}
    >
      <ResponsiveContainer>
        <BarChart data={data.anomalies} margin={{ left: 4, right: 12, top: 4, bottom: 4 }}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="type" {...AXIS_PROPS} />
          <YAxis {...AXIS_PROPS} width={48} {...countAxis(stackedMax(data.anomalies, 'count'))} />
          <Tooltip
            cursor={{ fill: 'var(--panel-2)' }}
            content={({ active, payload, label }) => {
              const c = Number(payload?.[0]?.value ?? 0);
              return (
                <ChartTooltip
                  active={active}
                  label={label}
                  rows={[
                    { name: 'Events', value: formatInt(c) },
                    { name: 'Share of events', value: formatPercent(c / Math.max(1, events), 2) },
                  ]}
                />
              );
            }}
          />
          <Bar dataKey="count" name="Events" radius={[4, 4, 0, 0]} isAnimationActive={false}>
            {data.anomalies.map((a) => (
              <Cell key={a.type} fill={ANOMALY_COLORS[a.type]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function WorkflowCharts({ run }: { run: RunOf<typeof workflowView> }) {
  const data = run.charts;
  const total = run.stats.total_entities;
  const events = run.stats.total_events;
  return (
    <div className="chart-grid" aria-label="Charts">
      <FinalStates data={data} total={total} />
      <Anomalies data={data} events={events} />
      <Flow data={data} />
      <TransitionMatrix data={data} />
      <Dwell data={data} />
      <Completion data={data} />
    </div>
  );
}
