import { useMemo, useState } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IotCharts } from '../../../core/simulators/iot-telemetry/iot-telemetry.charts';
import { AXIS_PROPS, ChartCard, ChartTooltip } from '../../components/ChartCard';
import { ChartEmpty } from '../../components/rowTooltip';
import { Segmented } from '../../components/Segmented';
import { formatInt, formatNumber, formatUtcMinute } from '../../format';
import { timeLabel, timeTicks } from '../stream-emit/timeAxis';
import { DEVICE_COLORS, deviceName, MISSING_AXIS, MISSING_COLOR, REASON } from './iotFormat';

type View = 'values' | 'drift';

/**
 * The readings of the charted devices (the interesting ones first: drifting, gappy, in a storm,
 * battery low): mean value per bucket as lines that break where a bucket has no value, the
 * missing readings per bucket as bars; or each drifting device's accumulated drift offset.
 */
export function ReadingsChart({ data, shown, onToggle }: { data: IotCharts; shown: readonly string[]; onToggle(id: string): void }) {
  const [view, setView] = useState<View>('values');
  const r = data.readings;
  const devices = r.devices.map((d, k) => ({ ...d, color: DEVICE_COLORS[k % DEVICE_COLORS.length], on: shown.includes(d.deviceId) }));
  const on = devices.filter((d) => d.on);
  const drifting = devices.filter((d) => d.driftOffset.some((x) => x !== null));
  const widthMs = r.bucketMinutes * 60_000;
  const startMs = r.bucketStarts.length ? Date.parse(r.bucketStarts[0]) : 0;
  const endMs = startMs + r.bucketStarts.length * widthMs;
  const rows = useMemo(
    () =>
      r.bucketStarts.map((iso, i) => {
        const row: Record<string, number | string | null> = { t: Date.parse(iso) + widthMs / 2, iso, missing: 0 };
        let missing = 0;
        for (const d of r.devices) {
          row[`v${d.deviceId}`] = d.mean[i];
          row[`d${d.deviceId}`] = d.driftOffset[i];
          if (shown.includes(d.deviceId)) missing += d.missing[i];
        }
        row.missing = missing;
        return row;
      }),
    [r, shown, widthMs],
  );
  const missingTotal = on.reduce((a, d) => a + d.missing.reduce((x, y) => x + y, 0), 0);
  const drawn = view === 'values' ? on : drifting.filter((d) => d.on);
  const span = endMs - startMs;
  const bucket = r.bucketMinutes >= 60 ? `${formatNumber(r.bucketMinutes / 60)}-hour` : `${formatInt(r.bucketMinutes)}-minute`;
  return (
    <ChartCard
      title="Readings of chosen devices"
      subtitle={
        view === 'values'
          ? `Mean value per ${bucket} bucket (UTC); a line breaks where a bucket has no value. Grey bars: missing readings of the devices shown (${formatInt(missingTotal)}).`
          : `Accumulated drift added to the values (mean per ${bucket} bucket, value units) of the drifting devices shown.`
      }
      wide
      height={300}
      actions={<Segmented<View> label="Readings view" value={view} options={[['values', 'Values'], ['drift', 'Drift offset']]} onChange={setView} />}
      table={{
        columns: ['Bucket start (UTC)', ...on.map((d) => `${deviceName(d.deviceId)} mean`), 'Missing readings'],
        rows: rows.map((row) => [formatUtcMinute(String(row.iso)), ...on.map((d) => (row[`v${d.deviceId}`] === null ? 'no value' : formatNumber(Number(row[`v${d.deviceId}`]), 3))), formatInt(Number(row.missing))]),
      }}
      summary={`${formatInt(on.length)} devices shown (${on.map((d) => `${deviceName(d.deviceId)}, ${REASON[d.reason]}`).join('; ')}), ${formatInt(missingTotal)} missing readings among them. The data is in the table view.`}
      footer={
        <div className="iot-device-toggles" role="group" aria-label="Devices shown">
          {devices.map((d) => (
            <label key={d.deviceId} className="iot-device-toggle">
              <input type="checkbox" checked={d.on} onChange={() => onToggle(d.deviceId)} disabled={d.on && on.length === 1} />
              <span className="swatch" style={{ background: d.color }} aria-hidden />
              {deviceName(d.deviceId)} <span className="field-hint">({REASON[d.reason]})</span>
            </label>
          ))}
        </div>
      }
    >
      {view === 'drift' && !drawn.length ? (
        <ChartEmpty>No drifting device is shown. Drift is {drifting.length ? `on ${drifting.map((d) => deviceName(d.deviceId)).join(', ')}` : 'off or on no charted device'}.</ChartEmpty>
      ) : (
        <ResponsiveContainer>
          <ComposedChart data={rows} margin={{ left: 4, right: 8, top: 8, bottom: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
            <XAxis dataKey="t" type="number" domain={[startMs, endMs]} ticks={timeTicks(startMs, endMs)} tickFormatter={(x: number) => timeLabel(x, span)} {...AXIS_PROPS} />
            <YAxis
              yAxisId="v"
              {...AXIS_PROPS}
              width={56}
              domain={['auto', 'auto']}
              tickFormatter={(x: number) => formatNumber(x, view === 'drift' ? 4 : 1)}
              label={{ value: view === 'values' ? 'value' : 'drift', angle: -90, position: 'insideLeft', fill: 'var(--text-2)', fontSize: 11 }}
            />
            {/* the missing-reading bars keep to the lower quarter, under the lines */}
            {view === 'values' && (
              <YAxis {...AXIS_PROPS} {...MISSING_AXIS} />
            )}
            <Tooltip
              content={({ active, payload }) => {
                const p = payload?.[0]?.payload as Record<string, number | string | null> | undefined;
                if (!p) return null;
                const value = (d: (typeof drawn)[number]) => p[`${view === 'values' ? 'v' : 'd'}${d.deviceId}`];
                return (
                  <ChartTooltip
                    active={active}
                    label={formatUtcMinute(String(p.iso))}
                    rows={[
                      ...drawn.map((d) => ({ name: deviceName(d.deviceId), value: value(d) === null ? 'no value' : formatNumber(Number(value(d)), view === 'drift' ? 5 : 3), color: d.color })),
                      ...(view === 'values' ? [{ name: 'Missing readings', value: formatInt(Number(p.missing)) }] : []),
                    ]}
                  />
                );
              }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {view === 'values' && <Bar yAxisId="m" dataKey="missing" name="Missing readings" fill={MISSING_COLOR} fillOpacity={0.35} isAnimationActive={false} />}
            {drawn.map((d) => (
              <Line
                key={d.deviceId}
                yAxisId="v"
                type="linear"
                dataKey={`${view === 'values' ? 'v' : 'd'}${d.deviceId}`}
                name={deviceName(d.deviceId)}
                stroke={d.color}
                strokeWidth={1.5}
                dot={false}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
}
