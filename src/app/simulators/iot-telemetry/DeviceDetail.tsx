import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DeviceDetail as Detail, IotCharts } from '../../../core/simulators/iot-telemetry/iot-telemetry.charts';
import { AXIS_PROPS, ChartCard } from '../../components/ChartCard';
import { rowTooltip } from '../../components/rowTooltip';
import { formatInt, formatNumber, formatPercent, formatUtcMinute } from '../../format';
import { timeLabel, timeTicks } from '../stream-emit/timeAxis';
import { AlertTable, BatteryChart, FactList } from './DeviceParts';
import { DEVICE_COLORS, deviceName, STATUS } from './iotFormat';

const pct = (x: number | null) => (x === null ? 'mains power' : `${formatNumber(x, 1)} %`);

function Facts({ d }: { d: Detail }) {
  const status = STATUS.find((s) => s.key === d.status);
  const facts: [string, string][] = [
    ['Status', status?.label ?? d.status],
    ['Battery', d.batteryStart === null ? 'mains power' : `${pct(d.batteryStart)} → ${pct(d.batteryEnd)}`],
    ['Drain', d.batteryStart === null ? '—' : `${formatNumber(d.drainPerHour, 3)} % per hour`],
    ['Readings', formatInt(d.readings)],
    ['Missing', formatPercent(d.missingRate)],
    ['Drift', d.driftDetected ? 'drifting' : 'none'],
    ['Last reading', d.lastReadingAt ? formatUtcMinute(d.lastReadingAt) : 'none'],
    ['Alerts', formatInt(d.alertCount)],
  ];
  return <FactList facts={facts} />;
}

/** The device's readings: mean per bucket with its min–max band. */
function DeviceReadings({ data, deviceId, color }: { data: IotCharts; deviceId: string; color: string }) {
  const r = data.readings;
  const s = r.devices.find((x) => x.deviceId === deviceId);
  if (!s) return null;
  const widthMs = r.bucketMinutes * 60_000;
  const rows = r.bucketStarts.map((iso, i) => ({ t: Date.parse(iso) + widthMs / 2, iso, mean: s.mean[i], band: s.min[i] === null ? null : [s.min[i], s.max[i]], missing: s.missing[i] }));
  const startMs = r.bucketStarts.length ? Date.parse(r.bucketStarts[0]) : 0;
  const endMs = startMs + r.bucketStarts.length * widthMs;
  return (
    <ChartCard
      title={`Readings of ${deviceName(deviceId)}`}
      subtitle="Mean value per bucket (line) and its min–max band (UTC); breaks where a bucket has no value."
      height={200}
      table={{ columns: ['Bucket start (UTC)', 'Mean', 'Min', 'Max', 'Missing'], rows: rows.map((x, i) => [formatUtcMinute(x.iso), x.mean === null ? 'no value' : formatNumber(x.mean, 3), s.min[i] === null ? '—' : formatNumber(s.min[i]!, 3), s.max[i] === null ? '—' : formatNumber(s.max[i]!, 3), formatInt(x.missing)]) }}
    >
      <ResponsiveContainer>
        <ComposedChart data={rows} margin={{ left: 4, right: 12, top: 8, bottom: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="t" type="number" domain={[startMs, endMs]} ticks={timeTicks(startMs, endMs, 5)} tickFormatter={(x: number) => timeLabel(x, endMs - startMs)} {...AXIS_PROPS} />
          <YAxis {...AXIS_PROPS} width={48} domain={['auto', 'auto']} tickFormatter={(x: number) => formatNumber(x, 1)} />
          <Tooltip
            content={rowTooltip((p: (typeof rows)[number]) => formatUtcMinute(p.iso), (p) => [{ name: 'Mean', value: p.mean === null ? 'no value' : formatNumber(p.mean, 3), color }, { name: 'Missing readings', value: formatInt(p.missing) }])}
          />
          <Area dataKey="band" name="Min–max" stroke="none" fill={color} fillOpacity={0.2} connectNulls={false} isAnimationActive={false} />
          <Line dataKey="mean" name="Mean" stroke={color} strokeWidth={1.5} dot={false} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Battery over the window: linear drain between the start, the 15 % crossing, depletion and the end. */
function DeviceBattery({ d, window }: { d: Detail; window: IotCharts['window'] }) {
  return (
    <BatteryChart
      deviceId={d.deviceId}
      points={d.battery.map((b) => ({ ms: Date.parse(b.at), level: b.level }))}
      startMs={Date.parse(window.start)}
      endMs={Date.parse(window.end)}
      lowAtMs={d.batteryLowAt ? Date.parse(d.batteryLowAt) : null}
    />
  );
}

function DeviceAlerts({ d }: { d: Detail }) {
  return <AlertTable deviceId={d.deviceId} rows={d.alerts.map((a) => ({ ...a, at: a.at.slice(0, 19).replace('T', ' ') }))} />;
}

/**
 * A charted device's detail from the run's chart summary (when the run is no longer held in
 * the worker, these are the devices that still have one): facts, readings, battery, alerts.
 */
export function ChartedDetail({ data, d }: { data: IotCharts; d: Detail }) {
  const k = Math.max(0, data.readings.devices.findIndex((x) => x.deviceId === d.deviceId));
  return (
    <>
      <Facts d={d} />
      <div className="chart-grid">
        <DeviceReadings data={data} deviceId={d.deviceId} color={DEVICE_COLORS[k % DEVICE_COLORS.length]} />
        <DeviceBattery d={d} window={data.window} />
      </div>
      <h4 className="iot-detail-sub">
        Alerts ({formatInt(d.alertCount)}
        {d.alertCount > d.alerts.length ? `, the first ${formatInt(d.alerts.length)}` : ''})
      </h4>
      <DeviceAlerts d={d} />
    </>
  );
}
