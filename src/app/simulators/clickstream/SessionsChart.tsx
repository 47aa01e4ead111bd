import { useId, useState } from 'react';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ClickstreamCharts } from '../../../core/simulators/clickstream/clickstream.charts';
import { AXIS_PROPS, ChartCard, ChartTooltip } from '../../components/ChartCard';
import { countAxis, stackedMax } from '../../components/niceAxis';
import { topSummary } from '../../components/chartSummary';
import { formatInt, formatPercent } from '../../format';
import { BOT_COLOR, clockHm, fullDate, HOUR_MS, HUMAN_COLOR, tickStepHours, timeTick } from './clickstreamFormat';

type View = 'window' | 'hour';
type Point = { key: number; humans: number; bots: number };

function SeriesTooltip({ active, payload, title }: { active?: boolean; payload?: readonly { payload?: Point }[]; title: (p: Point) => string }) {
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  const total = p.humans + p.bots;
  return (
    <ChartTooltip
      active
      label={title(p)}
      rows={[
        { name: 'Humans', value: formatInt(p.humans), color: HUMAN_COLOR },
        { name: 'Bots', value: `${formatInt(p.bots)}${total ? ` (${formatPercent(p.bots / total)})` : ''}`, color: BOT_COLOR },
        { name: 'All sessions', value: formatInt(total) },
      ]}
    />
  );
}

/** Every `step` hours, starting at the first bucket on a whole multiple of the step (midnight for days) when there is one. */
function windowTicks(series: readonly Point[], step: number, bucketHours: number): number[] {
  const stride = Math.max(1, Math.round(step / bucketHours));
  let first = 0;
  for (let i = 0; i < Math.min(stride, series.length); i++) {
    if (Math.floor(series[i].key / HOUR_MS) % step === 0) {
      first = i;
      break;
    }
  }
  const ticks: number[] = [];
  for (let i = first; i < series.length; i += stride) ticks.push(series[i].key);
  return ticks;
}

/**
 * Session starts over the window (the diurnal curve as it happened) or folded onto the hour
 * of the day; humans and bots stacked as two series, so both shapes and the total read.
 */
export function SessionsChart({ data }: { data: ClickstreamCharts }) {
  const [view, setView] = useState<View>('window');
  const name = useId();
  const { bucketHours, buckets } = data.sessionsOverTime;
  const bucketMs = bucketHours * HOUR_MS;
  const series: Point[] =
    view === 'window' ? buckets.map((b) => ({ key: Date.parse(b.start), humans: b.humans, bots: b.bots })) : data.hourOfDay.map((h) => ({ key: h.hour, humans: h.humans, bots: h.bots }));
  const step = tickStepHours(buckets.length * bucketHours);
  const ticks = view === 'window' ? windowTicks(series, step, bucketHours) : [0, 3, 6, 9, 12, 15, 18, 21];
  const per = bucketHours === 1 ? 'hour' : `${bucketHours} hours`;
  const title = (p: Point) =>
    view === 'window' ? `${fullDate(p.key)}, ${clockHm(p.key)}–${clockHm(p.key + bucketMs)} UTC` : `${String(p.key).padStart(2, '0')}:00–${String(p.key + 1).padStart(2, '0')}:00 UTC, all days`;
  // shared by the bar and the area form; recharts reads its children, so these are elements, not a component
  const axes = [
    <CartesianGrid key="grid" vertical={false} stroke="var(--chart-grid)" />,
    <XAxis
      key="x"
      dataKey="key"
      {...AXIS_PROPS}
      ticks={ticks}
      interval={0}
      tickFormatter={(k: number) => (view === 'window' ? timeTick(k, step) : `${String(k).padStart(2, '0')}:00`)}
    />,
    <YAxis key="y" {...AXIS_PROPS} width={48} {...countAxis(stackedMax(series, 'humans', 'bots'))} />,
    <Tooltip key="tip" cursor={{ fill: 'var(--panel-2)' }} content={({ active, payload }) => <SeriesTooltip active={active} payload={payload as readonly { payload?: Point }[]} title={title} />} />,
    <Legend key="legend" verticalAlign="top" align="right" height={24} iconType="square" iconSize={10} itemSorter={null} />,
  ];
  return (
    <ChartCard
      wide
      title="Sessions per hour"
      subtitle={
        view === 'window'
          ? `Session starts per ${per} over the window, UTC. Humans follow the working day (peak at 12:00, floor around midnight); crawlers arrive at any hour.`
          : 'Session starts by hour of the day (UTC), every day of the window added together: the diurnal curve.'
      }
      height={256}
      table={{
        columns: [view === 'window' ? 'Hours (UTC)' : 'Hour of day (UTC)', 'Humans', 'Bots', 'All sessions'],
        rows: series.map((p) => [title(p), formatInt(p.humans), formatInt(p.bots), formatInt(p.humans + p.bots)]),
      }}
      summary={topSummary(series.map((p) => [title(p), p.humans + p.bots]), 'sessions')}
      actions={
        <div className="segmented" role="radiogroup" aria-label="Sessions axis">
          {(
            [
              ['window', 'Over the window'],
              ['hour', 'By hour of day'],
            ] as const
          ).map(([v, label]) => (
            <label key={v}>
              <input type="radio" name={name} value={v} checked={view === v} onChange={() => setView(v)} />
              {label}
            </label>
          ))}
        </div>
      }
    >
      <ResponsiveContainer height={256}>
        {/* past a week of hourly bars, bars turn into hairlines: stacked areas read better */}
        {series.length > 168 ? (
          <AreaChart data={series} margin={{ left: 4, right: 12, top: 4, bottom: 0 }}>
            {axes}
            <Area type="linear" dataKey="humans" name="Humans" stackId="s" stroke="none" fill={HUMAN_COLOR} fillOpacity={0.85} isAnimationActive={false} />
            <Area type="linear" dataKey="bots" name="Bots (crawlers)" stackId="s" stroke="none" fill={BOT_COLOR} fillOpacity={0.85} isAnimationActive={false} />
          </AreaChart>
        ) : (
          <BarChart data={series} margin={{ left: 4, right: 12, top: 4, bottom: 0 }} barCategoryGap={series.length > 96 ? 0 : 1}>
            {axes}
            <Bar dataKey="humans" name="Humans" stackId="s" fill={HUMAN_COLOR} isAnimationActive={false} />
            <Bar dataKey="bots" name="Bots (crawlers)" stackId="s" fill={BOT_COLOR} radius={[2, 2, 0, 0]} isAnimationActive={false} />
          </BarChart>
        )}
      </ResponsiveContainer>
    </ChartCard>
  );
}
