import { useMemo, useState } from 'react';
import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ALERT_SEVERITY, ALERT_TYPES, SEVERITIES } from '../../../core/simulators/iot-telemetry/iot-telemetry.constants';
import type { DeviceSlice } from '../../../core/simulators/iot-telemetry/iot-telemetry.device';
import { AXIS_PROPS, ChartCard } from '../../components/ChartCard';
import { ChartEmpty, rowTooltip } from '../../components/rowTooltip';
import { formatCount, formatInt, formatNumber, formatPercent } from '../../format';
import { timeLabel, timeTicks } from '../stream-emit/timeAxis';
import { AlertTable, BatteryChart, FactList, utcMinute } from './DeviceParts';
import { deviceCharts, type DeviceCharts, type SeriesChart } from './deviceSeries';
import { DEVICE_COLORS, deviceName, MISSING_AXIS, MISSING_COLOR, STATUS, STORM_SHADE } from './iotFormat';

/** Sensors drawn at first (a device may have many); the rest on request. */
const FIRST_SENSORS = 6;
/** Alerts listed (the download has them all). */
const LISTED_ALERTS = 500;
const MARK_COLOR = 'var(--chart-3)';
/** Buckets with a value at most this many: each value is also drawn as a dot. */
const SPARSE_BUCKETS = 100;

const utcSecond = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const pct = (x: number | null) => (x === null ? 'mains power' : `${formatNumber(x, 1)} %`);

function Facts({ d, c }: { d: DeviceSlice; c: DeviceCharts }) {
  const readings = d.readings.time.length;
  const nulls = d.readings.value.reduce((a, v) => a + (v !== v ? 1 : 0), 0);
  const drifting = c.series.filter((s) => s.drifting);
  const sensors = d.seriesColumn === 'device_id' ? '' : ` from ${formatCount(d.series.length, 'sensor')}`;
  const facts: [string, string][] = [
    ['Status', STATUS.find((s) => s.key === d.status)?.label ?? d.status],
    ['Battery', d.batteryStart === null ? 'mains power' : `${pct(d.batteryStart)} → ${pct(d.batteryEnd)}`],
    ['Drain', d.batteryStart === null ? '—' : `${formatNumber(d.drainPerHour, 3)} % per hour`],
    ['Readings', `${formatInt(readings)}${sensors}`],
    ['Missing', `${formatInt(nulls)} (${formatPercent(readings ? nulls / readings : 0)})`],
    ['Drift', drifting.length ? (d.seriesColumn === 'device_id' ? 'drifting' : `${drifting.map((s) => `sensor ${s.key}`).join(', ')}`) : 'none'],
    ['Last reading', d.lastReadingUs === null ? 'none' : utcMinute(d.lastReadingUs / 1000)],
    ['Alerts', `${formatInt(d.alerts.time.length)}${d.storms.length ? ` (${formatCount(d.storms.length, 'storm')})` : ''}`],
  ];
  return <FactList facts={facts} />;
}

/** One series' readings: mean per bucket (breaks at gaps), its min–max band, the value without drift, missing readings, storms and alerts. */
function SeriesReadings({ s, c, title, color }: { s: SeriesChart; c: DeviceCharts; title: string; color: string }) {
  const span = c.endMs - c.startMs;
  const bucket = c.bucketMinutes >= 1440 ? `${formatNumber(c.bucketMinutes / 1440)}-day` : c.bucketMinutes >= 60 ? `${formatNumber(c.bucketMinutes / 60)}-hour` : `${formatInt(c.bucketMinutes)}-minute`;
  const minSpan = span * 0.006;
  const gaps = s.rows.filter((r) => r.mean === null).length;
  // sparse readings (a few a week over years) leave lone buckets a line cannot draw: mark each value
  const dots = s.rows.length - gaps <= SPARSE_BUCKETS ? { r: 2.5, strokeWidth: 0, fill: color } : false;
  return (
    <ChartCard
      title={title}
      subtitle={`Mean value per ${bucket} bucket (UTC) with its min–max band; the line breaks where a bucket has no value. Grey bars: missing (null) readings.${s.drifting ? ' Dashed: the value without its drift.' : ''}${c.storms.length ? ' Shaded: storms.' : ''}${c.marks.length ? ' Amber lines: other alerts.' : ''}`}
      wide
      height={220}
      table={{
        columns: ['Bucket start (UTC)', 'Mean', 'Min', 'Max', ...(s.drifting ? ['Without drift'] : []), 'Missing'],
        rows: s.rows
          .filter((r) => r.mean !== null || r.missing > 0)
          .map((r) => [utcMinute(r.startMs), r.mean === null ? 'no value' : formatNumber(r.mean, 3), r.band ? formatNumber(r.band[0], 3) : '—', r.band ? formatNumber(r.band[1], 3) : '—', ...(s.drifting ? [r.base === null ? '—' : formatNumber(r.base, 3)] : []), formatInt(r.missing)]),
      }}
      summary={`${formatInt(s.readings)} readings, ${formatInt(s.missing)} missing, ${formatInt(gaps)} of ${formatInt(s.rows.length)} buckets without a value${s.drifting ? `; drifting by up to ${formatNumber(s.maxDrift, 3)}` : ''}; ${formatInt(c.storms.length)} storms and ${formatInt(c.marks.length)} other alerts on this device. The data is in the table view.`}
    >
      <ResponsiveContainer>
        <ComposedChart data={s.rows} margin={{ left: 4, right: 8, top: 8, bottom: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="t" type="number" domain={[c.startMs, c.endMs]} ticks={timeTicks(c.startMs, c.endMs, 6)} tickFormatter={(x: number) => timeLabel(x, span)} {...AXIS_PROPS} />
          <YAxis yAxisId="v" {...AXIS_PROPS} width={56} domain={['auto', 'auto']} tickFormatter={(x: number) => formatNumber(x, 1)} label={{ value: 'value', angle: -90, position: 'insideLeft', fill: 'var(--text-2)', fontSize: 11 }} />
          {/* missing-reading bars keep to the lower quarter, under the line */}
          <YAxis {...AXIS_PROPS} {...MISSING_AXIS} />
          <Tooltip
            content={rowTooltip(
              (p: SeriesChart['rows'][number]) => utcMinute(p.startMs),
              (p) => [
                { name: 'Mean', value: p.mean === null ? 'no value' : formatNumber(p.mean, 3), color },
                ...(p.band ? [{ name: 'Min – max', value: `${formatNumber(p.band[0], 3)} – ${formatNumber(p.band[1], 3)}` }] : []),
                ...(s.drifting ? [{ name: 'Without drift', value: p.base === null ? '—' : formatNumber(p.base, 3) }] : []),
                { name: 'Missing readings', value: formatInt(p.missing) },
              ],
            )}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {c.storms.map((st) => (
            <ReferenceArea key={st.id} yAxisId="v" x1={st.fromMs} x2={Math.max(st.toMs, st.fromMs + minSpan)} fill={STORM_SHADE} fillOpacity={0.16} stroke={STORM_SHADE} strokeOpacity={0.5} ifOverflow="hidden" />
          ))}
          {c.marks.map((m, i) => (
            <ReferenceLine key={i} yAxisId="v" x={m.ms} stroke={MARK_COLOR} strokeDasharray="2 3" ifOverflow="hidden" />
          ))}
          <Bar yAxisId="m" dataKey="missing" name="Missing readings" fill={MISSING_COLOR} fillOpacity={0.35} isAnimationActive={false} />
          <Area yAxisId="v" dataKey="band" name="Min–max" stroke="none" fill={color} fillOpacity={0.2} connectNulls={false} isAnimationActive={false} />
          {s.drifting && <Line yAxisId="v" dataKey="base" name="Without drift" stroke="var(--text-2)" strokeDasharray="5 4" strokeWidth={1.5} dot={false} connectNulls={false} isAnimationActive={false} />}
          <Line yAxisId="v" dataKey="mean" name="Mean" stroke={color} strokeWidth={1.75} dot={dots} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function BatteryLine({ d }: { d: DeviceSlice }) {
  const low = d.alerts.type.findIndex((t) => ALERT_TYPES[t] === 'battery_low');
  return (
    <BatteryChart
      deviceId={d.deviceId}
      points={d.battery.map((b) => ({ ms: b.atUs / 1000, level: b.level }))}
      startMs={d.window.startUs / 1000}
      endMs={d.window.endUs / 1000}
      lowAtMs={low >= 0 ? d.alerts.time[low] / 1000 : null}
    />
  );
}

function AlertList({ d }: { d: DeviceSlice }) {
  const rows = Array.from({ length: Math.min(d.alerts.time.length, LISTED_ALERTS) }, (_, j) => {
    const t = d.alerts.type[j];
    const k = d.alerts.storm[j];
    return { at: utcSecond(d.alerts.time[j] / 1000), type: ALERT_TYPES[t], severity: SEVERITIES[ALERT_SEVERITY[t]], stormId: k < 0 ? null : d.storms[k].id };
  });
  return <AlertTable deviceId={d.deviceId} rows={rows} />;
}

/** A device's detail read from the held run: its facts, each sensor's readings, its battery and its alerts. */
export function DeviceView({ d, colorIndex }: { d: DeviceSlice; colorIndex: number }) {
  const c = useMemo(() => deviceCharts(d), [d]);
  const [all, setAll] = useState(false);
  const series = all ? c.series : c.series.slice(0, FIRST_SENSORS);
  const single = d.seriesColumn === 'device_id';
  const n = d.alerts.time.length;
  return (
    <>
      <Facts d={d} c={c} />
      <div className="chart-grid">
        {series.length === 0 ? (
          <ChartCard title={`Readings of ${deviceName(d.deviceId)}`} subtitle="Readings of the device over time." height={120}>
            <ChartEmpty>This device sent no readings{d.status === 'offline' ? ': it is offline' : ''}.</ChartEmpty>
          </ChartCard>
        ) : (
          series.map((s, i) => (
            <SeriesReadings key={s.key} s={s} c={c} title={single ? `Readings of ${deviceName(d.deviceId)}` : `Sensor ${s.key} of ${deviceName(d.deviceId)}`} color={DEVICE_COLORS[(colorIndex + i) % DEVICE_COLORS.length]} />
          ))
        )}
        <BatteryLine d={d} />
      </div>
      {c.series.length > FIRST_SENSORS && (
        <button type="button" className="btn btn-small iot-more-sensors" onClick={() => setAll((x) => !x)} aria-expanded={all}>
          {all ? `Show the first ${FIRST_SENSORS} sensors` : `Show all ${formatInt(c.series.length)} sensors`}
        </button>
      )}
      {(c.untimed > 0 || c.unkeyed > 0) && (
        <p className="field-hint">
          Not drawn: {[c.untimed && `${formatInt(c.untimed)} readings without a time`, c.unkeyed && `${formatInt(c.unkeyed)} readings without a ${d.seriesColumn}`].filter(Boolean).join(', ')}.
        </p>
      )}
      <h4 className="iot-detail-sub">
        Alerts ({formatInt(n)}
        {n > LISTED_ALERTS ? `, the first ${formatInt(LISTED_ALERTS)}` : ''})
      </h4>
      <AlertList d={d} />
    </>
  );
}
