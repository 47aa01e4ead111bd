import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Legend, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IotCharts } from '../../../core/simulators/iot-telemetry/iot-telemetry.charts';
import { AXIS_PROPS, ChartCard, stackedBand } from '../../components/ChartCard';
import { countAxis, stackedMax } from '../../components/niceAxis';
import { rowTooltip } from '../../components/rowTooltip';
import { topSummary } from '../../components/chartSummary';
import { formatCount, formatInt, formatPercent, formatUtcMinute } from '../../format';
import { timeLabel, timeTicks } from '../stream-emit/timeAxis';
import { ALERT_KINDS, STORM_SHADE } from './iotFormat';

const SEVERITY_COLOR: Record<string, string> = { critical: 'var(--chart-5)', warning: 'var(--chart-3)', info: 'var(--chart-2)' };

/** Alerts per hour (at least) over the window, stacked by kind, storms shaded. */
export function AlertsOverTime({ data }: { data: IotCharts }) {
  const a = data.alertsOverTime;
  const widthMs = a.bucketMinutes * 60_000;
  const startMs = Date.parse(data.window.start);
  const endMs = startMs + a.bucketStarts.length * widthMs;
  const rows = a.bucketStarts.map((iso, i) => ({ t: Date.parse(iso), iso, storm: a.storm[i], baseline: a.baseline[i], battery: a.battery[i] }));
  if (rows.length) rows.push({ ...rows[rows.length - 1], t: endMs });
  const storms = data.storms.map((s) => ({ ...s, from: Date.parse(s.start), to: Date.parse(s.end) }));
  const span = endMs - startMs;
  const per = a.bucketMinutes === 60 ? 'hour' : a.bucketMinutes > 60 ? `${formatInt(a.bucketMinutes / 60)} hours` : `${formatInt(a.bucketMinutes)} minutes`;
  const total = (k: 'storm' | 'baseline' | 'battery') => a[k].reduce((x, y) => x + y, 0);
  return (
    <ChartCard
      title="Alerts per hour"
      subtitle={`Alerts per ${per} (UTC), stacked by kind. Shaded: ${formatCount(data.storms.length, 'alert storm')}, each one alert type from a share of the fleet.`}
      wide
      height={260}
      table={{ columns: ['Hour (UTC)', ...ALERT_KINDS.map((k) => k.label)], rows: rows.slice(0, -1).map((r) => [formatUtcMinute(r.iso), formatInt(r.storm), formatInt(r.baseline), formatInt(r.battery)]) }}
      summary={`${ALERT_KINDS.map((k) => `${formatInt(total(k.key))} ${k.label.toLowerCase()}`).join(', ')}; ${formatInt(data.storms.length)} storms${storms.length ? ` (${storms.map((s) => `${s.type.replace(/_/g, ' ')} at ${formatUtcMinute(s.start)}`).join('; ')})` : ''}.`}
    >
      <ResponsiveContainer>
        <AreaChart data={rows} margin={{ left: 4, right: 16, top: 8, bottom: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="t" type="number" domain={[startMs, endMs]} ticks={timeTicks(startMs, endMs)} tickFormatter={(x: number) => timeLabel(x, span)} {...AXIS_PROPS} />
          <YAxis {...AXIS_PROPS} width={52} {...countAxis(stackedMax(rows, 'storm', 'baseline', 'battery'))} label={{ value: 'alerts', angle: -90, position: 'insideLeft', fill: 'var(--text-2)', fontSize: 11 }} />
          <Tooltip
            content={rowTooltip((p: (typeof rows)[number]) => formatUtcMinute(p.iso), (p) => ALERT_KINDS.map((k) => ({ name: k.label, value: formatInt(p[k.key]), color: k.color })))}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {ALERT_KINDS.map((k, i) => (
            <Area key={k.key} type="stepAfter" dataKey={k.key} name={k.label} stackId="a" {...stackedBand(i, k.color)} isAnimationActive={false} />
          ))}
          {storms.map((s) => (
            <ReferenceArea
              key={s.id}
              x1={s.from}
              x2={Math.max(s.to, s.from + span * 0.006)}
              fill={STORM_SHADE}
              fillOpacity={0.18}
              stroke={STORM_SHADE}
              strokeOpacity={0.5}
              ifOverflow="hidden"
              label={{ value: s.type.replace(/_/g, ' '), position: 'insideTopLeft', fill: 'var(--text-2)', fontSize: 11 }}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Alerts per type, coloured by severity. */
export function AlertTypes({ data }: { data: IotCharts }) {
  const rows = [...data.alertTypes].sort((x, y) => y.count - x.count).map((t) => ({ ...t, label: t.type.replace(/_/g, ' ') }));
  const total = rows.reduce((x, r) => x + r.count, 0);
  return (
    <ChartCard
      title="Alerts by type"
      subtitle="Alerts of each type in the run; colour: critical red, warning amber, info blue."
      height={Math.max(200, 40 + rows.length * 26)}
      table={{ columns: ['Type', 'Severity', 'Alerts', 'Share'], rows: rows.map((r) => [r.label, r.severity, formatInt(r.count), formatPercent(r.count / Math.max(1, total))]) }}
      summary={topSummary(rows.map((r) => [r.label, r.count]), 'alerts')}
    >
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" margin={{ left: 4, right: 24, top: 4, bottom: 0 }}>
          <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
          <XAxis type="number" {...AXIS_PROPS} {...countAxis(stackedMax(rows, 'count'))} />
          <YAxis type="category" dataKey="label" width={132} interval={0} {...AXIS_PROPS} />
          <Tooltip
            cursor={{ fill: 'var(--panel-2)' }}
            content={rowTooltip((p: (typeof rows)[number]) => p.label, (p) => [{ name: `Alerts (${p.severity})`, value: formatInt(p.count), color: SEVERITY_COLOR[p.severity] }])}
          />
          <Bar dataKey="count" name="Alerts" radius={[0, 3, 3, 0]} isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.type} fill={SEVERITY_COLOR[r.severity] ?? 'var(--chart-1)'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
