import { memo, useMemo } from 'react';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { StreamEmitCharts } from '../../../core/simulators/stream-emit/stream-emit.charts';
import { AXIS_PROPS, ChartCard, ChartTooltip, stackedBand } from '../../components/ChartCard';
import { countAxis, niceAxis, stackedMax } from '../../components/niceAxis';
import { formatCompact, formatInt, formatNumber } from '../../format';
import { isoMicros } from './player';
import type { PlayState } from './playStore';
import { timeLabel, timeTicks } from './timeAxis';

/** The three kinds of event, in the batch's kind order, with their colours. */
export const KINDS = [
  { key: 'normal', label: 'In order', color: 'var(--chart-1)' },
  { key: 'outOfOrder', label: 'Out of order', color: 'var(--chart-3)' },
  { key: 'replay', label: 'Replayed', color: 'var(--chart-5)' },
] as const;

const BURST_COLOR = 'var(--chart-4)';

function fmtSeconds(s: number): string {
  return s >= 1 ? `${formatNumber(s)}-second` : `${formatNumber(s * 1000)}-ms`;
}

/** A rate's tick: up to 2 decimals (a sparse stream sends 0.25 events/s), compact from 10,000. */
const rateTick = (v: number) => (v < 10_000 ? formatNumber(v, 2) : formatCompact(v));

/** Events per second over simulated time, stacked by kind, burst windows shaded; live while playing (up to the playhead). */
export function RateChart({ charts, live }: { charts: StreamEmitCharts; live?: PlayState }) {
  const startMs = isoMicros(charts.bucketStarts[0]) / 1000;
  const widthMs = charts.bucketSeconds * 1000;
  const n = charts.bucketStarts.length;
  const endMs = startMs + n * widthMs;
  const version = live?.chartVersion;
  const rows = useMemo(() => {
    const last = live ? Math.floor((live.playheadUs / 1000 - startMs) / widthMs) : n - 1;
    const out = Array.from({ length: n }, (_, i) => {
      const t = startMs + i * widthMs;
      if (i > last) return { t };
      if (!live) return { t, normal: charts.rate.normal[i], outOfOrder: charts.rate.outOfOrder[i], replay: charts.rate.replay[i] };
      const [a, b, c] = live.series.counts;
      return { t, normal: a[i] / charts.bucketSeconds, outOfOrder: b[i] / charts.bucketSeconds, replay: c[i] / charts.bucketSeconds };
    });
    // a closing point so the last step has its full width
    out.push({ ...out[n - 1], t: endMs });
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` bumps when the live series (mutated in place) changes
  }, [charts, live, version, startMs, widthMs, n, endMs]);
  const windows = charts.burstWindows.map((w) => ({ ...w, from: isoMicros(w.start) / 1000, to: isoMicros(w.end) / 1000 }));
  const ticks = timeTicks(startMs, endMs);
  const playhead = live && live.speed !== null && live.status !== 'done' ? live.playheadUs / 1000 : undefined;
  return (
    <ChartCard
      title="Events per second"
      subtitle={`Events sent per second of simulated time, averaged over ${fmtSeconds(charts.bucketSeconds)} buckets and stacked by kind (UTC).${windows.length ? ' Shaded: burst windows.' : ''}${live ? ' Live: filled up to the playhead.' : ''}`}
      wide
    >
      <ResponsiveContainer>
        <AreaChart data={rows} margin={{ left: 4, right: 16, top: 8, bottom: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="t" type="number" domain={[startMs, endMs]} ticks={ticks} tickFormatter={(v: number) => timeLabel(v, endMs - startMs)} {...AXIS_PROPS} />
          <YAxis {...AXIS_PROPS} tickFormatter={rateTick} width={52} {...niceAxis(stackedMax(rows, 'normal', 'outOfOrder', 'replay'), { decimals: 2 })} label={{ value: 'events/s', angle: -90, position: 'insideLeft', fill: 'var(--text-2)', fontSize: 11 }} />
          <Tooltip
            content={({ active, payload, label }) => (
              <ChartTooltip
                active={active}
                label={typeof label === 'number' ? new Date(label).toISOString().replace('T', ' ').slice(0, 23) : undefined}
                rows={(payload ?? []).map((p) => ({ name: String(p.name), value: `${formatNumber(Number(p.value), 2)}/s`, color: String(p.color) }))}
              />
            )}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {KINDS.map((k, i) => (
            <Area key={k.key} type="stepAfter" dataKey={k.key} name={k.label} stackId="rate" {...stackedBand(i, k.color)} isAnimationActive={false} connectNulls={false} />
          ))}
          {windows.map((w) => (
            <ReferenceArea key={w.id} x1={w.from} x2={Math.max(w.to, w.from + (endMs - startMs) * 0.004)} fill={BURST_COLOR} fillOpacity={0.18} stroke="none" ifOverflow="hidden" label={{ value: `×${formatNumber(w.multiplier)}`, position: 'insideTop', fill: 'var(--text-2)', fontSize: 11 }} />
          ))}
          {playhead !== undefined && <ReferenceLine x={playhead} stroke="var(--text-2)" strokeDasharray="4 3" ifOverflow="hidden" />}
        </AreaChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Event time against emission time: in-order events lie on a rising band; late and replayed ones stand out. */
export function TimelineChart({ charts, live }: { charts: StreamEmitCharts; live?: PlayState }) {
  const version = live?.chartVersion;
  const series = useMemo(() => {
    const pts = live ? live.series.points.map((p) => ({ x: p.emittedMs, y: p.eventMs, kind: p.kind })) : charts.timeline.map((p) => ({ x: p.emittedMs, y: p.eventMs, kind: p.kind === 'normal' ? 0 : p.kind === 'out_of_order' ? 1 : 2 }));
    return KINDS.map((_, k) => pts.filter((p) => p.kind === k));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` bumps when the live points change
  }, [charts, live, version]);
  const all = series.flat();
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const [x0, x1] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  const [y0, y1] = ys.length ? [Math.min(...ys), Math.max(...ys)] : [0, 1];
  return (
    <ChartCard
      title="Event time vs emission time"
      subtitle={
        `Each dot is an event: when it was sent (x) and its event time (y), UTC. Out-of-order and replayed events are marked${live ? '; live: the events sent so far (a sample)' : `; a sample of ${formatInt(all.length)} events`}.` +
        (charts.untimedEvents > 0 ? ` The ${formatInt(charts.untimedEvents)} events from rows without an event time carry their send time as their event time.` : '')
      }
    >
      <ResponsiveContainer>
        <ScatterChart margin={{ left: 4, right: 16, top: 8, bottom: 0 }}>
          <CartesianGrid stroke="var(--chart-grid)" />
          <XAxis dataKey="x" type="number" name="Sent" domain={[x0, Math.max(x1, x0 + 1)]} ticks={timeTicks(x0, x1, 5)} tickFormatter={(v: number) => timeLabel(v, x1 - x0)} {...AXIS_PROPS} />
          <YAxis dataKey="y" type="number" name="Event time" domain={[y0, Math.max(y1, y0 + 1)]} ticks={timeTicks(y0, y1, 5)} tickFormatter={(v: number) => timeLabel(v, y1 - y0)} width={64} {...AXIS_PROPS} />
          <ZAxis range={[18, 18]} />
          <Tooltip
            content={({ active, payload }) => {
              const p = payload?.[0]?.payload as { x: number; y: number; kind: number } | undefined;
              return (
                <ChartTooltip
                  active={active && !!p}
                  label={p ? KINDS[p.kind].label : undefined}
                  rows={p ? [{ name: 'Sent', value: new Date(p.x).toISOString() }, { name: 'Event time', value: new Date(p.y).toISOString() }] : []}
                />
              );
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {KINDS.map((k, i) => (
            <Scatter key={k.key} name={k.label} data={series[i]} fill={k.color} shape={i === 0 ? 'circle' : i === 1 ? 'triangle' : 'diamond'} isAnimationActive={false} />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Events per topic (replays stacked on top); live counts while playing. */
export function TopicsChart({ charts, live }: { charts: StreamEmitCharts; live?: PlayState }) {
  const version = live?.chartVersion;
  const rows = useMemo(() => {
    if (!live) return charts.topics.map((t) => ({ topic: t.topic, events: t.events, replays: t.replays }));
    // every topic with events in the run, so bars grow in place
    return charts.topics.map((t) => {
      const i = live.topics.indexOf(t.topic);
      const replays = i < 0 ? 0 : (live.series.perTopicReplays[i] ?? 0);
      return { topic: t.topic, events: i < 0 ? 0 : (live.series.perTopic[i] ?? 0) - replays, replays };
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` bumps when the live counts change
  }, [charts, live, version]);
  const height = Math.max(160, 36 + rows.length * 28);
  return (
    <ChartCard title="Events per topic" subtitle={`Events sent to each topic${live ? ' so far' : ''}, replays stacked on top.`} height={height}>
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" margin={{ left: 4, right: 24, top: 4, bottom: 0 }}>
          <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
          <XAxis type="number" {...AXIS_PROPS} {...countAxis(stackedMax(rows, 'events', 'replays'))} />
          <YAxis type="category" dataKey="topic" width={120} interval={0} {...AXIS_PROPS} />
          <Tooltip content={({ active, payload, label }) => <ChartTooltip active={active} label={label} rows={(payload ?? []).map((p) => ({ name: String(p.name), value: formatInt(Number(p.value)), color: String(p.color) }))} />} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="events" name="Events" stackId="t" fill="var(--chart-1)" isAnimationActive={false} />
          <Bar dataKey="replays" name="Replays" stackId="t" fill="var(--chart-5)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Chart versions between redraws of the timeline while playing (its hundreds of dots cost the most to draw). */
const TIMELINE_EVERY = 4;
/** Playing: every TIMELINE_EVERY-th chart version (about every 2 s); paused or ended: every version. */
const timelineEpoch = (live?: PlayState) => (!live ? '' : live.status === 'playing' ? `p${Math.floor(live.chartVersion / TIMELINE_EVERY)}` : `${live.status}${live.chartVersion}`);
const LiveTimelineChart = memo(TimelineChart, (a, b) => a.charts === b.charts && a.live?.playId === b.live?.playId && timelineEpoch(a.live) === timelineEpoch(b.live));

/** The stream's three charts (live while its run is playing; redrawn on `chartVersion`, not on every tick). */
export const StreamChartGrid = memo(ChartGrid, (a, b) => a.charts === b.charts && a.live?.playId === b.live?.playId && a.live?.chartVersion === b.live?.chartVersion);

function ChartGrid({ charts, live }: { charts: StreamEmitCharts; live?: PlayState }) {
  if (!charts.bucketStarts.length || !charts.topics.length) {
    return (
      <div className="callout" role="status">
        This stream has no events (no rows, or max events 0), so there is nothing to chart.
      </div>
    );
  }
  return (
    <div className="chart-grid" aria-label="Stream charts">
      <RateChart charts={charts} live={live} />
      <LiveTimelineChart charts={charts} live={live} />
      <TopicsChart charts={charts} live={live} />
    </div>
  );
}
