import { useMemo, useState } from 'react';
import { Area, AreaChart, CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_PROPS, ChartTooltip } from '../../components/ChartCard';
import { countAxis } from '../../components/niceAxis';
import { topSummary } from '../../components/chartSummary';
import { formatInt, formatPercent } from '../../format';
import { Card } from './Card';
import { bucketLabel, serviceColor, timeTickLabel, timeTicks, WINDOW_KINDS, type OplogData } from './shared';

/** The time axis shared by both charts: bucket instants in epoch ms, and the windows to shade. */
interface Timeline {
  readonly starts: number[];
  readonly widthMs: number;
  readonly from: number;
  readonly to: number;
  readonly ticks: number[];
  readonly windows: { kind: string; id: string; start: number; end: number }[];
}

function useTimeline(data: OplogData): Timeline {
  return useMemo(() => {
    const starts = data.bucketStarts.map((s) => Date.parse(s));
    const widthMs = data.bucketMinutes * 60_000;
    const from = starts[0] ?? 0;
    const to = (starts[starts.length - 1] ?? 0) + widthMs;
    const windows = data.windows.map((w) => ({ kind: w.kind, id: w.id, start: Date.parse(w.start), end: Date.parse(w.end) }));
    return { starts, widthMs, from, to, ticks: timeTicks(from, to), windows };
  }, [data]);
}

/** Shaded injected windows, drawn over the series so they tint them: one ReferenceArea each (a function call, so recharts sees direct children). */
function windowAreas(t: Timeline) {
  return t.windows.map((w) => {
    const kind = WINDOW_KINDS.find((k) => k.kind === w.kind);
    // a 5-minute burst on a two-day axis is under a pixel wide: draw it at least ~3 px (the tooltip keeps the true times)
    const end = Math.max(w.end, w.start + (t.to - t.from) * 0.005);
    return <ReferenceArea key={w.id} x1={w.start} x2={end} fill={kind?.color} fillOpacity={0.22} stroke="none" ifOverflow="hidden" />;
  });
}

function windowsAt(t: Timeline, from: number, to: number): string[] {
  return t.windows.filter((w) => w.start < to && w.end > from).map((w) => `${WINDOW_KINDS.find((k) => k.kind === w.kind)?.label ?? w.kind} ${w.id}`);
}

/** Service toggles (buttons, so the keyboard reaches them) and the shading key. */
function Legend({ data, hidden, toggle, timeline, extra }: { data: OplogData; hidden: ReadonlySet<number>; toggle(i: number): void; timeline: Timeline; extra?: React.ReactNode }) {
  return (
    <div className="oplog-legend">
      <div className="oplog-legend-items" role="group" aria-label="Services shown">
        {extra}
        {data.series.map((s, i) => (
          <button key={s.service} type="button" className="oplog-legend-item" aria-pressed={!hidden.has(i)} onClick={() => toggle(i)} title={hidden.has(i) ? 'Show' : 'Hide'}>
            <span className="swatch" style={{ background: serviceColor(i) }} />
            {s.service}
          </button>
        ))}
      </div>
      <WindowKey timeline={timeline} />
    </div>
  );
}

export function WindowKey({ timeline }: { timeline: Timeline }) {
  const counts = WINDOW_KINDS.map((k) => timeline.windows.filter((w) => w.kind === k.kind).length);
  return (
    <div className="oplog-legend-items oplog-window-key" aria-label="Shaded windows">
      <span className="field-hint">Shaded:</span>
      {WINDOW_KINDS.map((k, i) => (
        <span key={k.kind} className="oplog-window-chip">
          <span className="swatch" style={{ background: k.color, opacity: 0.45 }} />
          {k.label} ({counts[i]})
        </span>
      ))}
    </div>
  );
}

function useHidden(): [Set<number>, (i: number) => void] {
  const [hidden, setHidden] = useState<Set<number>>(() => new Set());
  const toggle = (i: number) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });
  return [hidden, toggle];
}

const xAxis = (t: Timeline) => (
  <XAxis dataKey="t" type="number" domain={[t.from, t.to]} ticks={t.ticks} tickFormatter={(v: number) => timeTickLabel(v, t.to - t.from)} {...AXIS_PROPS} />
);

/** Buckets merged so a chart holds at most MAX_POINTS points: 288 five-minute steps in 600 px read as noise. */
const MAX_POINTS = 96;

/** Per merged bucket: start, and each service's requests and errors. */
function mergeBuckets(data: OplogData, t: Timeline, f: number): { start: number; requests: number[]; errors: number[] }[] {
  const out = [];
  for (let b = 0; b < t.starts.length; b += f) {
    const end = Math.min(t.starts.length, b + f);
    const sum = (xs: number[]) => {
      let a = 0;
      for (let k = b; k < end; k++) a += xs[k];
      return a;
    };
    out.push({ start: t.starts[b], requests: data.series.map((s) => sum(s.requests)), errors: data.series.map((s) => sum(s.errors)) });
  }
  return out;
}

function bucketName(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}-hour` : `${minutes}-minute`;
}

export function RequestsOverTime({ data }: { data: OplogData }) {
  const t = useTimeline(data);
  const [hidden, toggle] = useHidden();
  const f = Math.max(1, Math.ceil(t.starts.length / MAX_POINTS));
  const widthMs = t.widthMs * f;
  const rows = useMemo(() => {
    const out = mergeBuckets(data, t, f).map((m) => Object.fromEntries([['t', m.start], ...m.requests.map((r, i) => [`s${i}`, r])]) as Record<string, number>);
    // a closing point so the last bucket's step has its full width
    if (out.length) out.push({ ...out[out.length - 1], t: t.to });
    return out;
  }, [data, t, f]);
  const yAxis = countAxis(Math.max(4, ...rows.map((r) => data.series.reduce((a, _, i) => a + (hidden.has(i) ? 0 : r[`s${i}`]), 0))));
  return (
    <Card
      title="Requests per service over time"
      subtitle={`Log lines per ${bucketName(data.bucketMinutes * f)} bucket, stacked by service, UTC. Click a service to hide or show it.`}
      wide
      height={280}
      footer={<Legend data={data} hidden={hidden} toggle={toggle} timeline={t} />}
      table={{
        columns: ['Bucket', ...data.series.map((x) => x.service), 'Injected windows'],
        rows: rows.slice(0, -1).map((r) => [bucketLabel(r.t, widthMs), ...data.series.map((_, i) => formatInt(r[`s${i}`])), windowsAt(t, r.t, r.t + widthMs).join(', ') || '—']),
      }}
      summary={topSummary(
        data.series.map((x) => [x.service, x.requests.reduce((a, v) => a + v, 0)]),
        'log lines',
      )}
    >
      <ResponsiveContainer>
        <AreaChart data={rows} margin={{ left: 4, right: 16, top: 8, bottom: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          {xAxis(t)}
          <YAxis {...AXIS_PROPS} width={52} {...yAxis} />
          <Tooltip
            cursor={{ stroke: 'var(--border-strong)' }}
            content={({ active, payload }) => {
              const p = payload?.[0]?.payload as Record<string, number> | undefined;
              if (!p || p.t >= t.to) return null;
              const shown = data.series.map((s, i) => ({ s, i })).filter(({ i }) => !hidden.has(i));
              const total = shown.reduce((a, { i }) => a + (p[`s${i}`] ?? 0), 0);
              const inside = windowsAt(t, p.t, p.t + widthMs);
              return (
                <ChartTooltip
                  active={active}
                  label={bucketLabel(p.t, widthMs)}
                  rows={[
                    ...shown.map(({ s, i }) => ({ name: s.service, value: formatInt(p[`s${i}`] ?? 0), color: serviceColor(i) })),
                    { name: 'Total', value: formatInt(total) },
                    ...inside.map((w) => ({ name: 'Window', value: w })),
                  ]}
                />
              );
            }}
          />
          {data.series.map((s, i) => (
            <Area
              key={s.service}
              dataKey={`s${i}`}
              name={s.service}
              type="stepAfter"
              stackId="requests"
              // no outlines: a band's outline also runs along the band below where the band is zero
              // (a service in an outage), and every service is a band of equal standing
              stroke="none"
              fill={serviceColor(i)}
              fillOpacity={0.8}
              hide={hidden.has(i)}
              isAnimationActive={false}
            />
          ))}
          {windowAreas(t)}
        </AreaChart>
      </ResponsiveContainer>
    </Card>
  );
}

/** Buckets merged for the error rate so each holds ~20 requests per service (a rate of 1 of 3 says little), keeping ≥ 24 points. */
function mergeFactor(data: OplogData): number {
  const nb = data.bucketStarts.length;
  const total = data.series.reduce((a, s) => a + s.requests.reduce((x, y) => x + y, 0), 0);
  const perBucket = total / Math.max(1, nb * data.series.length);
  const forCounts = Math.min(Math.ceil(20 / Math.max(perBucket, 1e-9)), Math.floor(nb / 24));
  return Math.max(1, Math.ceil(nb / MAX_POINTS), forCounts);
}

/** "Highest error rate 12.5 % in 2024-01-01 03:00–04:00 UTC." for screen readers. */
function peakRate(rows: readonly Record<string, number | null>[], widthMs: number): string {
  const peak = rows.reduce<Record<string, number | null> | undefined>((best, r) => ((r.all ?? -1) > (best?.all ?? -1) ? r : best), undefined);
  if (!peak || peak.all == null) return 'No requests.';
  return `Highest error rate of all services: ${formatPercent(peak.all, 2)} in ${bucketLabel(peak.start ?? 0, widthMs)}. The data is in the table view.`;
}

/** A y-axis top for rates with four round intervals (1 %, 2 %, 2.5 % … 25 % steps). */
const RATE_TOPS = [0.04, 0.08, 0.1, 0.2, 0.4, 0.6, 0.8, 1];
function rateTop(max: number): number {
  return RATE_TOPS.find((top) => max <= top) ?? 1;
}

export function ErrorRateOverTime({ data }: { data: OplogData }) {
  const t = useTimeline(data);
  const [hidden, toggle] = useHidden();
  const f = mergeFactor(data);
  const widthMs = t.widthMs * f;
  const rows = useMemo(
    () =>
      mergeBuckets(data, t, f).map((m) => {
        const row: Record<string, number | null> = { t: Math.min(m.start + widthMs / 2, t.to), start: m.start };
        m.requests.forEach((r, i) => (row[`s${i}`] = r ? m.errors[i] / r : null));
        const req = m.requests.reduce((a, x) => a + x, 0);
        row.all = req ? m.errors.reduce((a, x) => a + x, 0) / req : null;
        row.requests = req;
        return row;
      }),
    [data, t, f, widthMs],
  );
  const top = rateTop(Math.max(0, ...rows.flatMap((r) => data.series.map((_, i) => (hidden.has(i) ? 0 : (r[`s${i}`] ?? 0)))), ...rows.map((r) => r.all ?? 0)));
  const bucket = bucketName(data.bucketMinutes * f);
  return (
    <Card
      title="Error rate per service over time"
      subtitle={`Share of requests answered with a status ≥ 500 per ${bucket} bucket, UTC; the bold line is all services together.`}
      wide
      height={260}
      table={{
        columns: ['Bucket', ...data.series.map((x) => x.service), 'All services'],
        rows: rows.map((r) => [
          bucketLabel(r.start ?? 0, widthMs),
          ...data.series.map((_, i) => (r[`s${i}`] == null ? '—' : formatPercent(r[`s${i}`] ?? 0, 2))),
          r.all == null ? '—' : formatPercent(r.all, 2),
        ]),
      }}
      summary={peakRate(rows, widthMs)}
      footer={
        <Legend
          data={data}
          hidden={hidden}
          toggle={toggle}
          timeline={t}
          extra={
            <span className="oplog-legend-item oplog-legend-static">
              <span className="swatch oplog-swatch-line" style={{ background: 'var(--text)' }} />
              All services
            </span>
          }
        />
      }
    >
      <ResponsiveContainer>
        <LineChart data={rows} margin={{ left: 4, right: 16, top: 8, bottom: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          {xAxis(t)}
          <YAxis {...AXIS_PROPS} tickFormatter={(v: number) => formatPercent(v, 1)} width={52} domain={[0, top]} ticks={[0, 1, 2, 3, 4].map((k) => (k * top) / 4)} />
          <Tooltip
            cursor={{ stroke: 'var(--border-strong)' }}
            content={({ active, payload }) => {
              const p = payload?.[0]?.payload as Record<string, number | null> | undefined;
              if (!p) return null;
              const rate = (v: number | null | undefined) => (v === null || v === undefined ? 'no requests' : formatPercent(v, 1));
              return (
                <ChartTooltip
                  active={active}
                  label={bucketLabel(p.start ?? 0, widthMs)}
                  rows={[
                    { name: 'All services', value: `${rate(p.all)} of ${formatInt(p.requests ?? 0)}` },
                    ...data.series.flatMap((s, i) => (hidden.has(i) ? [] : [{ name: s.service, value: rate(p[`s${i}`]), color: serviceColor(i) }])),
                    ...windowsAt(t, p.start ?? 0, (p.start ?? 0) + widthMs).map((w) => ({ name: 'Window', value: w })),
                  ]}
                />
              );
            }}
          />
          {data.series.map((s, i) => (
            <Line key={s.service} dataKey={`s${i}`} name={s.service} type="linear" stroke={serviceColor(i)} strokeWidth={1.25} strokeOpacity={0.7} dot={false} hide={hidden.has(i)} isAnimationActive={false} connectNulls />
          ))}
          <Line dataKey="all" name="All services" type="linear" stroke="var(--text)" strokeWidth={2.25} dot={false} isAnimationActive={false} connectNulls />
          {windowAreas(t)}
        </LineChart>
      </ResponsiveContainer>
    </Card>
  );
}
