import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IotCharts } from '../../../core/simulators/iot-telemetry/iot-telemetry.charts';
import { AXIS_PROPS, ChartCard, ChartTooltip } from '../../components/ChartCard';
import { countAxis, stackedMax } from '../../components/niceAxis';
import { rowTooltip } from '../../components/rowTooltip';
import { topSummary } from '../../components/chartSummary';
import { formatInt, formatPercent } from '../../format';
import { STATUS } from './iotFormat';

/** The end-of-window fleet health snapshot: devices per status. */
export function FleetStatusChart({ data }: { data: IotCharts }) {
  const rows = STATUS.map((s) => ({ ...s, count: data.fleetStatus[s.key] }));
  const total = rows.reduce((a, r) => a + r.count, 0);
  return (
    <ChartCard
      title="Fleet status"
      subtitle="Devices by status at the window’s end: offline when the battery is empty or the device is retired, degraded below 15 % battery or with over half its readings missing."
      height={200}
      table={{ columns: ['Status', 'Devices', 'Share'], rows: rows.map((r) => [r.label, formatInt(r.count), formatPercent(r.count / Math.max(1, total))]) }}
      summary={topSummary(rows.map((r) => [r.label, r.count]), 'devices')}
    >
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" margin={{ left: 4, right: 24, top: 4, bottom: 0 }}>
          <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
          <XAxis type="number" {...AXIS_PROPS} {...countAxis(stackedMax(rows, 'count'))} />
          <YAxis type="category" dataKey="label" width={80} interval={0} {...AXIS_PROPS} />
          <Tooltip
            cursor={{ fill: 'var(--panel-2)' }}
            content={rowTooltip((p: (typeof rows)[number]) => p.label, (p) => [{ name: 'Devices', value: `${formatInt(p.count)} (${formatPercent(p.count / Math.max(1, total))})`, color: p.color }])}
          />
          <Bar dataKey="count" name="Devices" radius={[0, 3, 3, 0]} isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.key} fill={r.color} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Battery levels at the window's start and end in 10 % bins. */
export function BatteryChart({ data }: { data: IotCharts }) {
  const rows = data.battery.bins.map((b) => ({ label: `${b.from}–${b.to}`, start: b.start, end: b.end }));
  return (
    <ChartCard
      title="Battery distribution"
      subtitle={`Devices per 10 % battery band at the window’s start and end.${data.battery.none ? ` ${formatInt(data.battery.none)} mains-powered devices (no battery) are not counted.` : ''}`}
      height={220}
      table={{ columns: ['Battery (%)', 'Devices at start', 'Devices at end'], rows: rows.map((r) => [r.label, formatInt(r.start), formatInt(r.end)]) }}
      summary={topSummary(rows.map((r) => [`${r.label} %`, r.end]), 'devices at the end')}
    >
      <ResponsiveContainer>
        <BarChart data={rows} margin={{ left: 4, right: 12, top: 4, bottom: 16 }}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="label" {...AXIS_PROPS} interval="preserveStartEnd" label={{ value: 'battery (%)', position: 'insideBottom', offset: -10, fill: 'var(--text-2)', fontSize: 11 }} />
          <YAxis {...AXIS_PROPS} width={40} {...countAxis(Math.max(stackedMax(rows, 'start'), stackedMax(rows, 'end')))} />
          <Tooltip
            cursor={{ fill: 'var(--panel-2)' }}
            content={({ active, payload, label }) => (
              <ChartTooltip active={active} label={`${String(label)} %`} rows={(payload ?? []).map((p) => ({ name: String(p.name), value: formatInt(Number(p.value)), color: String(p.color) }))} />
            )}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="start" name="At start" fill="var(--chart-2)" isAnimationActive={false} />
          <Bar dataKey="end" name="At end" fill="var(--chart-1)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
