import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ClickstreamCharts as Data } from '../../../core/simulators/clickstream/clickstream.charts';
import { DWELL_MAX_SECONDS, DWELL_MIN_SECONDS } from '../../../core/simulators/clickstream/clickstream.generate';
import { AXIS_PROPS, CHART_COLORS, ChartCard, ChartTooltip } from '../../components/ChartCard';
import { countAxis, stackedMax } from '../../components/niceAxis';
import { topSummary } from '../../components/chartSummary';
import { formatInt, formatNumber, formatPercent } from '../../format';
import type { clickstreamView } from '../../../core/simulators/clickstream/view';
import type { RunOf } from '../types';
import { BOT_COLOR, HUMAN_COLOR } from './clickstreamFormat';
import { FunnelChart } from './FunnelChart';
import { SessionsChart } from './SessionsChart';

type Counted = { label: string; count: number };
const sum = (xs: readonly Counted[]) => xs.reduce((a, x) => a + x.count, 0);

/** A bar chart tooltip: the bin's label, its count and its share of the whole. */
function shareTooltip(unit: string, total: number) {
  function ShareTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: Counted & { title?: string } }[] }) {
    const p = payload?.[0]?.payload;
    if (!active || !p) return null;
    return <ChartTooltip active label={p.title ?? p.label} rows={[{ name: unit, value: `${formatInt(p.count)} (${formatPercent(p.count / Math.max(1, total))})` }]} />;
  }
  return ShareTooltip;
}

function PagesPerSession({ data, mean }: { data: Data; mean: number }) {
  // the tail past the last non-empty bin is all zeros; keep at least 1–10 so short runs still read as a histogram
  const lastFilled = data.pagesPerSession.reduce((a, b, i) => (b.count > 0 ? i : a), 0);
  const rows = data.pagesPerSession.slice(0, Math.max(10, lastFilled + 1)).map((b) => {
    const label = Number.isFinite(b.hi) ? String(b.lo) : `${b.lo}+`;
    return { label, count: b.count, title: `${label} page${b.lo === 1 ? ' (a bounce)' : 's'}` };
  });
  const total = sum(rows);
  return (
    <ChartCard
      title="Pages per session"
      subtitle={`Page views per human session; one page is a bounce.${total ? ` Mean ${formatNumber(mean, 2)} pages.` : ' No human sessions in this run.'}`}
      table={{ columns: ['Pages', 'Sessions', 'Share'], rows: rows.map((r) => [r.label, formatInt(r.count), formatPercent(r.count / Math.max(1, total))]) }}
      summary={topSummary(rows.map((r) => [`${r.label} pages`, r.count]), 'sessions')}
    >
      <ResponsiveContainer>
        <BarChart data={rows} margin={{ left: 4, right: 12, top: 4, bottom: 16 }} barCategoryGap={2}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="label" {...AXIS_PROPS} interval="preserveStartEnd" label={{ value: 'page views in the session', position: 'insideBottom', offset: -10 }} />
          <YAxis {...AXIS_PROPS} width={48} {...countAxis(stackedMax(rows, 'count'))} />
          <Tooltip cursor={{ fill: 'var(--panel-2)' }} content={shareTooltip('Sessions', total)} />
          <Bar dataKey="count" name="Sessions" radius={[3, 3, 0, 0]} isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.label} fill={r.label === '1' ? 'var(--chart-3)' : HUMAN_COLOR} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function DwellTime({ data }: { data: Data }) {
  const rows = data.dwellSeconds.map((b) => {
    const capped = !Number.isFinite(b.hi);
    return { label: String(b.lo), count: b.count, capped, title: capped ? `${b.lo} s (the cap)` : `${b.lo}–${b.hi} s` };
  });
  const total = sum(rows);
  return (
    <ChartCard
      title="Time on page"
      table={{ columns: ['Seconds', 'Page views', 'Share'], rows: rows.map((r) => [r.title, formatInt(r.count), formatPercent(r.count / Math.max(1, total))]) }}
      summary={topSummary(rows.map((r) => [r.title, r.count]), 'page views')}
      subtitle={`Human dwell per page view, seconds, 5 s bins: lognormal (median ≈ 15 s) clipped to ${DWELL_MIN_SECONDS}–${DWELL_MAX_SECONDS} s; the last bar is the ${DWELL_MAX_SECONDS} s cap. Bots stay 0.1–0.5 s.`}
    >
      <ResponsiveContainer>
        <BarChart data={rows} margin={{ left: 4, right: 12, top: 4, bottom: 16 }} barCategoryGap={1}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="label" {...AXIS_PROPS} interval={1} label={{ value: 'seconds on the page', position: 'insideBottom', offset: -10 }} />
          <YAxis {...AXIS_PROPS} width={48} {...countAxis(stackedMax(rows, 'count'))} />
          <Tooltip cursor={{ fill: 'var(--panel-2)' }} content={shareTooltip('Page views', total)} />
          <Bar dataKey="count" name="Page views" isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.label} fill={r.capped ? 'var(--chart-5)' : 'var(--chart-2)'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function DeviceMix({ data }: { data: Data }) {
  const rows = data.deviceMix;
  const total = sum(rows);
  let colour = 0;
  const fills = rows.map((r) => (r.label === 'bot' ? BOT_COLOR : CHART_COLORS[[0, 1, 3, 5, 4][colour++ % 5]]));
  return (
    <ChartCard
      title="Device mix"
      subtitle="Sessions by device type; crawler sessions are “bot”."
      table={{ columns: ['Device', 'Sessions', 'Share'], rows: rows.map((r) => [r.label, formatInt(r.count), formatPercent(r.count / Math.max(1, total))]) }}
      summary={topSummary(rows.map((r) => [r.label, r.count]), 'sessions')}
    >
      <div className="clickstream-donut">
        <ResponsiveContainer width="55%" height="100%">
          <PieChart>
            <Pie data={rows} dataKey="count" nameKey="label" innerRadius="58%" outerRadius="88%" paddingAngle={1} stroke="var(--panel)" isAnimationActive={false}>
              {rows.map((r, i) => (
                <Cell key={r.label} fill={fills[i]} />
              ))}
            </Pie>
            <Tooltip content={shareTooltip('Sessions', total)} />
          </PieChart>
        </ResponsiveContainer>
        <ul className="clickstream-legend" aria-label="Device types">
          {rows.map((r, i) => (
            <li key={r.label}>
              <span className="swatch" style={{ background: fills[i] }} />
              <span className="clickstream-legend-label">{r.label}</span>
              <span className="clickstream-legend-value">{formatPercent(r.count / Math.max(1, total))}</span>
              <span className="clickstream-legend-count">{formatInt(r.count)}</span>
            </li>
          ))}
        </ul>
      </div>
    </ChartCard>
  );
}

function ReferrerMix({ data }: { data: Data }) {
  const rows = data.referrerMix;
  const total = rows.reduce((a, r) => a + r.humans + r.bots, 0);
  return (
    <ChartCard
      title="Referrer mix"
      subtitle="Sessions by traffic source; crawlers count as “direct”."
      height={Math.max(280, 48 + rows.length * 30)}
      table={{ columns: ['Source', 'Humans', 'Bots', 'Share'], rows: rows.map((r) => [r.label, formatInt(r.humans), formatInt(r.bots), formatPercent((r.humans + r.bots) / Math.max(1, total))]) }}
      summary={topSummary(rows.map((r) => [r.label, r.humans + r.bots]), 'sessions')}
    >
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }} barCategoryGap={5}>
          <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
          <XAxis type="number" {...AXIS_PROPS} {...countAxis(stackedMax(rows, 'humans', 'bots'))} />
          <YAxis type="category" dataKey="label" width={96} {...AXIS_PROPS} interval={0} />
          <Tooltip
            cursor={{ fill: 'var(--panel-2)' }}
            content={({ active, payload }) => {
              const p = payload?.[0]?.payload as Data['referrerMix'][number] | undefined;
              if (!active || !p) return null;
              const n = p.humans + p.bots;
              return (
                <ChartTooltip
                  active
                  label={`${p.label}: ${formatInt(n)} sessions (${formatPercent(n / Math.max(1, total))})`}
                  rows={[
                    { name: 'Humans', value: formatInt(p.humans), color: HUMAN_COLOR },
                    { name: 'Bots', value: formatInt(p.bots), color: BOT_COLOR },
                  ]}
                />
              );
            }}
          />
          <Legend verticalAlign="top" align="right" height={24} iconType="square" iconSize={10} itemSorter={null} />
          <Bar dataKey="humans" name="Humans" stackId="s" fill={HUMAN_COLOR} isAnimationActive={false} />
          <Bar dataKey="bots" name="Bots" stackId="s" fill={BOT_COLOR} radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** The Clickstream page's charts: traffic over time, the funnel, session depth, dwell, and the mixes. */
export function ClickstreamCharts({ run }: { run: RunOf<typeof clickstreamView> }) {
  const data = run.charts;
  return (
    <div className="chart-grid" aria-label="Charts">
      <SessionsChart data={data} />
      <FunnelChart data={data} funnelEnabled={run.config.funnelEnabled !== false} />
      <PagesPerSession data={data} mean={run.stats.avg_pages_per_session} />
      <DwellTime data={data} />
      <DeviceMix data={data} />
      <ReferrerMix data={data} />
    </div>
  );
}
