import { describe, expect, it } from 'vitest';
import { runSimulator } from '../../../core/run';
import { iotTelemetrySimulator } from '../../../core/simulators/iot-telemetry';
import { iotExplorerOf, type DeviceSlice } from '../../../core/simulators/iot-telemetry/iot-telemetry.device';
import { ALERT_TYPES } from '../../../core/simulators/iot-telemetry/iot-telemetry.constants';
import { parseInstant } from '../../../core/time';
import { deviceCharts } from './deviceSeries';

const T0 = parseInstant('2024-06-01T00:00:00Z');
const MIN = 60_000_000;
const type = (t: (typeof ALERT_TYPES)[number]) => ALERT_TYPES.indexOf(t);

/** Two sensors over one hour (one-minute buckets): s0 drifts and has a null, s1 has a gap; a storm and a baseline alert. */
function slice(): DeviceSlice {
  // reading j: [minute, value, sensor, drift]
  const rows: [number, number, number, number][] = [
    [0, 10, 0, 0.5],
    [0, 11, 0, 0.7],
    [1, Number.NaN, 0, 0.9],
    [2, 20, 1, Number.NaN],
    [5, 21, 1, Number.NaN],
    [70, 30, 1, Number.NaN], // after the window: the axis stretches to it
    [Number.NaN, 40, 0, 1], // untimed: not drawn
  ];
  const time = Float64Array.from(rows, (r) => (r[0] === r[0] ? T0 + r[0] * MIN : Number.NaN));
  return {
    deviceId: '7',
    window: { startUs: T0, endUs: T0 + 60 * MIN },
    status: 'online',
    batteryStart: 80,
    batteryEnd: 70,
    drainPerHour: 10,
    lastReadingUs: T0 + 70 * MIN,
    driftDetected: true,
    missingRate: 1 / 7,
    seriesColumn: 'sensor_id',
    series: ['100', '101'],
    readings: {
      row: Int32Array.from(rows, (_, j) => j),
      time,
      value: Float64Array.from(rows, (r) => r[1]),
      series: Int32Array.from(rows, (r) => r[2]),
      drift: Float64Array.from(rows, (r) => r[3]),
    },
    alerts: { time: Float64Array.of(T0 + 10 * MIN, T0 + 30 * MIN), type: Uint8Array.of(type('firmware_error'), type('threshold_exceeded')), storm: Int32Array.of(0, -1) },
    storms: [{ id: 'storm-a', type: 'firmware_error', startUs: T0 + 10 * MIN, endUs: T0 + 25 * MIN }],
    battery: [],
  };
}

describe('a device’s readings shaped for its charts', () => {
  it('buckets each sensor: mean and band of present values, nulls as missing, gaps as null, drift as the value without it', () => {
    const c = deviceCharts(slice());
    expect(c.bucketMinutes).toBe(1);
    expect(c.startMs).toBe(T0 / 1000);
    expect(c.endMs).toBe((T0 + 71 * MIN) / 1000);
    const [s0, s1] = c.series;
    expect(s0).toMatchObject({ key: '100', readings: 4, missing: 1, drifting: true, maxDrift: 1 });
    expect(s0.rows[0]).toMatchObject({ mean: 10.5, band: [10, 11], base: 10.5 - 0.6, missing: 0 });
    expect(s0.rows[1]).toMatchObject({ mean: null, band: null, base: null, missing: 1 });
    expect(s1).toMatchObject({ key: '101', readings: 3, missing: 0, drifting: false });
    expect(s1.rows.map((r) => r.mean).filter((m) => m !== null)).toEqual([20, 21, 30]);
    expect(s1.rows[3].mean).toBeNull(); // the gap between minute 2 and 5 breaks the line
    expect(s1.rows.every((r) => r.base === null)).toBe(true);
    expect(c.untimed).toBe(1);
    // the storm's alert is in the storm span, the other is a mark
    expect(c.storms).toEqual([{ id: 'storm-a', type: 'firmware_error', fromMs: (T0 + 10 * MIN) / 1000, toMs: (T0 + 25 * MIN) / 1000 }]);
    expect(c.marks).toEqual([{ ms: (T0 + 30 * MIN) / 1000, type: 'threshold_exceeded', severity: 'critical' }]);
  });

  it('keeps every reading of a real run’s device: present ones in the buckets, nulls in missing', async () => {
    const run = await runSimulator(iotTelemetrySimulator, { fleetSize: 12, durationHours: 30, readingIntervalSeconds: 60, missingProbability: 0.2, driftProbability: 0.5, seed: 9 });
    const explorer = iotExplorerOf(run.result)!;
    for (const id of ['3', '11']) {
      const d = explorer.detail(id)!;
      const c = deviceCharts(d);
      expect(c.series).toHaveLength(1);
      expect(c.series[0].rows.length).toBeLessThanOrEqual(300);
      const nulls = d.readings.value.filter((v) => v !== v).length;
      expect(c.series[0].missing).toBe(nulls);
      expect(c.series[0].readings).toBe(d.readings.time.length);
    }
  });
});
