/** What the IoT telemetry page reads of a run: its stats and chart data, shapes checked when they arrive (view/shape.ts). */
import { defineView } from '../../view/result-view';
import { arr, bool, nullable, num, obj, oneOf, rec, str, type Infer, type Shape } from '../../view/shape';
import type { IotCharts } from './iot-telemetry.charts';

/** The spec's stats (§4) and the TS additions. */
export const iotStatsShape = obj({
  total_readings: num,
  missing_readings_injected: num,
  missing_rate: num,
  drifting_sensors: num,
  total_alerts: num,
  alert_types: rec(num),
  fleet_online: num,
  fleet_degraded: num,
  fleet_offline: num,
  avg_battery_level: num,
  config_seed: num,
  config_duration_hours: num,
  alert_storms: num,
  fleet_size: num,
  readings_outside_window: num,
  battery_low_alerts: num,
  mode: oneOf('generated', 'supplied'),
  window_start: str,
  window_end: str,
});
export type IotStats = Infer<typeof iotStatsShape>;

const nums = arr(num);
const gaps = arr(nullable(num));
const at = nullable(str);

export const iotChartsShape: Shape<IotCharts> = obj({
  mode: oneOf('generated', 'supplied'),
  window: obj({ start: str, end: str }),
  readings: obj({
    bucketMinutes: num,
    bucketStarts: arr(str),
    devices: arr(obj({ deviceId: str, reason: oneOf('drift', 'gaps', 'storm', 'battery', 'fleet'), mean: gaps, min: gaps, max: gaps, missing: nums, driftOffset: gaps })),
  }),
  alertsOverTime: obj({ bucketMinutes: num, bucketStarts: arr(str), storm: nums, baseline: nums, battery: nums }),
  storms: arr(obj({ id: str, type: str, start: str, end: str, devices: num, alerts: num })),
  fleetStatus: obj({ online: num, degraded: num, offline: num }),
  battery: obj({ bins: arr(obj({ from: num, to: num, start: num, end: num })), none: num }),
  alertTypes: arr(obj({ type: str, severity: str, count: num })),
  deviceDetails: arr(
    obj({
      deviceId: str,
      status: str,
      batteryStart: nullable(num),
      batteryEnd: nullable(num),
      drainPerHour: num,
      batteryLowAt: at,
      depletedAt: at,
      readings: num,
      missingRate: num,
      lastReadingAt: at,
      driftDetected: bool,
      alerts: arr(obj({ at: str, type: str, severity: str, stormId: nullable(str) })),
      alertCount: num,
      battery: arr(obj({ at: str, level: num })),
    }),
  ),
});

export const iotView = defineView(iotStatsShape, iotChartsShape);
