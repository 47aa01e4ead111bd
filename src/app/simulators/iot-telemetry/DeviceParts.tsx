/** Pieces both device details share (the worker's slice and the run summary's): the facts list and the alert table. */
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { BATTERY_LOW_LEVEL } from '../../../core/simulators/iot-telemetry/iot-telemetry.constants';
import { AXIS_PROPS, ChartCard } from '../../components/ChartCard';
import { ChartEmpty, rowTooltip } from '../../components/rowTooltip';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatNumber, formatUtcMinute } from '../../format';
import { timeLabel, timeTicks } from '../stream-emit/timeAxis';
import { deviceName } from './iotFormat';

export const utcMinute = (ms: number) => formatUtcMinute(new Date(ms).toISOString());

/** Battery over the window (linear between the points: start, the low crossing, depletion, end), the low mark dashed. */
export function BatteryChart({ deviceId, points, startMs, endMs, lowAtMs }: { deviceId: string; points: readonly { ms: number; level: number }[]; startMs: number; endMs: number; lowAtMs: number | null }) {
  return (
    <ChartCard
      title={`Battery of ${deviceName(deviceId)}`}
      subtitle={points.length ? `Battery level (%) over the window (UTC); dashed: the ${BATTERY_LOW_LEVEL} % low mark${lowAtMs !== null ? `, crossed at ${utcMinute(lowAtMs)} (a battery low alert)` : ''}.` : 'Mains powered: never drained.'}
      height={200}
      table={{ columns: ['Time (UTC)', 'Battery (%)'], rows: points.map((r) => [utcMinute(r.ms), formatNumber(r.level, 2)]) }}
    >
      {points.length ? (
        <ResponsiveContainer>
          <LineChart data={points} margin={{ left: 4, right: 12, top: 8, bottom: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
            <XAxis dataKey="ms" type="number" domain={[startMs, endMs]} ticks={timeTicks(startMs, endMs, 5)} tickFormatter={(x: number) => timeLabel(x, endMs - startMs)} {...AXIS_PROPS} />
            <YAxis {...AXIS_PROPS} width={40} domain={[0, 100]} label={{ value: '%', angle: -90, position: 'insideLeft', fill: 'var(--text-2)', fontSize: 11 }} />
            <ReferenceLine y={BATTERY_LOW_LEVEL} stroke="var(--chart-3)" strokeDasharray="4 3" label={{ value: `low ${BATTERY_LOW_LEVEL} %`, position: 'insideBottomRight', fill: 'var(--text-2)', fontSize: 11 }} />
            <Tooltip content={rowTooltip((p: (typeof points)[number]) => utcMinute(p.ms), (p) => [{ name: 'Battery', value: `${formatNumber(p.level, 2)} %`, color: 'var(--chart-4)' }])} />
            <Line dataKey="level" name="Battery" stroke="var(--chart-4)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      ) : (
        <ChartEmpty>No battery: this device runs on mains power.</ChartEmpty>
      )}
    </ChartCard>
  );
}

export function FactList({ facts }: { facts: readonly (readonly [string, string])[] }) {
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

export interface AlertRow {
  /** Triggered, as shown (UTC). */
  readonly at: string;
  readonly type: string;
  readonly severity: string;
  readonly stormId: string | null;
}

export function AlertTable({ deviceId, rows }: { deviceId: string; rows: readonly AlertRow[] }) {
  if (!rows.length) return <p className="field-hint">No alerts for this device in the window.</p>;
  return (
    <ScrollRegion className="iot-alerts-scroll" label={`Alerts of ${deviceName(deviceId)}, scrollable`}>
      <table className="chart-data iot-alerts">
        <caption className="sr-only">Alerts of {deviceName(deviceId)}</caption>
        <thead>
          <tr>
            <th scope="col">Triggered (UTC)</th>
            <th scope="col">Type</th>
            <th scope="col">Severity</th>
            <th scope="col">Storm</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a, i) => (
            <tr key={i}>
              <td>{a.at}</td>
              <td>{a.type.replace(/_/g, ' ')}</td>
              <td>{a.severity}</td>
              <td className="iot-storm-id">{a.stormId ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
