import { Area, CartesianGrid, ComposedChart, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DeviceDetail as Detail, IotCharts } from '../../../core/simulators/iot-telemetry/iot-telemetry.charts';
import { AXIS_PROPS, ChartCard } from '../../components/ChartCard';
import { ChartEmpty, rowTooltip } from '../../components/rowTooltip';
import { rovingKeyDown } from '../../components/roving';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatInt, formatNumber, formatPercent, formatUtcMinute } from '../../format';
import { timeLabel, timeTicks } from '../stream-emit/timeAxis';
import { DEVICE_COLORS, deviceName, REASON, STATUS } from './iotFormat';

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
  return (
    <dl className="iot-facts">
      {facts.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
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
  const rows = d.battery.map((b) => ({ t: Date.parse(b.at), at: b.at, level: b.level }));
  const startMs = Date.parse(window.start);
  const endMs = Date.parse(window.end);
  return (
    <ChartCard
      title={`Battery of ${deviceName(d.deviceId)}`}
      subtitle={d.batteryStart === null ? 'Mains powered: never drained.' : `Battery level (%) over the window; dashed: the 15 % low mark${d.batteryLowAt ? `, crossed at ${formatUtcMinute(d.batteryLowAt)}` : ''}.`}
      height={200}
      table={{ columns: ['Time (UTC)', 'Battery (%)'], rows: rows.map((r) => [formatUtcMinute(r.at), formatNumber(r.level, 2)]) }}
    >
      {rows.length ? (
        <ResponsiveContainer>
          <LineChart data={rows} margin={{ left: 4, right: 12, top: 8, bottom: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
            <XAxis dataKey="t" type="number" domain={[startMs, endMs]} ticks={timeTicks(startMs, endMs, 5)} tickFormatter={(x: number) => timeLabel(x, endMs - startMs)} {...AXIS_PROPS} />
            <YAxis {...AXIS_PROPS} width={40} domain={[0, 100]} tickFormatter={(x: number) => `${x}`} label={{ value: '%', angle: -90, position: 'insideLeft', fill: 'var(--text-2)', fontSize: 11 }} />
            <ReferenceLine y={15} stroke="var(--chart-3)" strokeDasharray="4 3" />
            <Tooltip content={rowTooltip((p: (typeof rows)[number]) => formatUtcMinute(p.at), (p) => [{ name: 'Battery', value: `${formatNumber(p.level, 2)} %`, color: 'var(--chart-4)' }])} />
            <Line dataKey="level" name="Battery" stroke="var(--chart-4)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      ) : (
        <ChartEmpty>No battery: this device runs on mains power.</ChartEmpty>
      )}
    </ChartCard>
  );
}

function DeviceAlerts({ d }: { d: Detail }) {
  if (!d.alerts.length) return <p className="field-hint">No alerts for this device in the window.</p>;
  return (
    <ScrollRegion className="iot-alerts-scroll" label={`Alerts of ${deviceName(d.deviceId)}, scrollable`}>
      <table className="chart-data iot-alerts">
        <caption className="sr-only">Alerts of {deviceName(d.deviceId)}</caption>
        <thead>
          <tr>
            <th scope="col">Triggered (UTC)</th>
            <th scope="col">Type</th>
            <th scope="col">Severity</th>
            <th scope="col">Storm</th>
          </tr>
        </thead>
        <tbody>
          {d.alerts.map((a, i) => (
            <tr key={i}>
              <td>{a.at.slice(0, 19).replace('T', ' ')}</td>
              <td>{a.type.replace(/_/g, ' ')}</td>
              <td>{a.severity}</td>
              <td>{a.stormId ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/**
 * One device's detail — its facts, readings, battery and alerts — for the devices the run
 * charted (the interesting ones first). The list is one tab stop; arrows move and choose.
 */
export function DeviceExplorer({ data, selected, onSelect }: { data: IotCharts; selected: string; onSelect(id: string): void }) {
  const details = data.deviceDetails;
  const d = details.find((x) => x.deviceId === selected) ?? details[0];
  if (!d) return null;
  const k = Math.max(0, data.readings.devices.findIndex((x) => x.deviceId === d.deviceId));
  return (
    <section className="panel iot-explorer" aria-label="Device detail">
      <div className="panel-header">
        <h2>Device detail</h2>
        <span className="field-hint">The {formatInt(details.length)} charted devices: drifting, gappy, in a storm or low on battery first.</span>
      </div>
      <div className="iot-explorer-body">
        <ul className="iot-device-list" aria-label="Devices" onKeyDown={(e) => rovingKeyDown(e, 'vertical', (i) => onSelect(details[i].deviceId))}>
          {details.map((x, i) => (
            <li key={x.deviceId}>
              <button type="button" data-roving className="iot-device-button" aria-pressed={x.deviceId === d.deviceId} tabIndex={x.deviceId === d.deviceId ? 0 : -1} onClick={() => onSelect(x.deviceId)}>
                <span className="swatch" style={{ background: DEVICE_COLORS[i % DEVICE_COLORS.length] }} aria-hidden />
                <span className="iot-device-name">{deviceName(x.deviceId)}</span>
                <span className="field-hint">{REASON[data.readings.devices[i]?.reason ?? 'fleet']} · {x.status}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="iot-detail">
          <h3 className="iot-detail-title">{deviceName(d.deviceId)}</h3>
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
        </div>
      </div>
    </section>
  );
}
