/**
 * IoT telemetry's stats (spec §4) and answer key: one row per drifting series, per series with
 * nulled readings (a count and time range rather than one row per reading, which could be
 * millions; the readings table itself shows which), per storm and per battery crossing.
 */
import { AnswerKeyBuilder } from '../../answer-key';
import { roundTo } from '../../domains/sort';
import type { IdStream } from '../../ids';
import { cellAt } from '../../table/column';
import { formatIso } from '../../time';
import type { Drift, Missing } from './iot-telemetry.anomalies';
import { BATTERY_KEY, batteryLowAt, type Storms, type Window } from './iot-telemetry.alerts';
import { ALERT_SEVERITY, ALERT_TYPES, DEGRADED, OFFLINE, ONLINE, SEVERITIES } from './iot-telemetry.constants';
import { batteryAt, type Fleet } from './iot-telemetry.fleet';
import type { Readings } from './iot-telemetry.readings';
import type { FleetHealth } from './iot-telemetry.tables';
import type { IotStats } from './view';

/** A storm's device ids are listed in its answer-key row up to this many. */
export const MAX_LISTED_DEVICES = 1_000;

const iso = (t: number) => (t === t ? formatIso(t) : null);

/** The device of each series: the device of its first reading. */
export function seriesDevices(r: Readings): Int32Array {
  const out = new Int32Array(r.seriesKeys.length).fill(-1);
  const seen = new Uint8Array(r.seriesKeys.length);
  for (let i = 0; i < r.n; i++) {
    const s = r.series[i];
    if (s >= 0 && !seen[s]) {
      seen[s] = 1;
      out[s] = r.device[i];
    }
  }
  return out;
}

export interface IotKeyInput {
  readonly fleet: Fleet;
  readonly readings: Readings;
  readonly drift: Drift;
  readonly driftRate: number;
  readonly missing: Missing;
  readonly storms: Storms;
  readonly window: Window;
  readonly batteryLow: boolean;
  readonly alertIds: IdStream;
  readonly stormIds: IdStream;
}

export function iotAnswerKey(x: IotKeyInput): AnswerKeyBuilder {
  const key = new AnswerKeyBuilder();
  const { fleet, readings: r } = x;
  const deviceOfSeries = seriesDevices(r);
  const deviceId = (d: number) => (d >= 0 ? cellAt(fleet.ids, d) : null);
  x.drift.chosen.forEach((s, j) => {
    key.add('sensor_drift', 'readings', String(r.seriesKeys[s]), x.drift.first[j] === x.drift.first[j] ? x.drift.first[j] : null, {
      series_column: r.seriesColumn,
      device_id: deviceId(deviceOfSeries[s]),
      readings: x.drift.rows[j],
      drift_rate: x.driftRate,
      first: iso(x.drift.first[j]),
      last: iso(x.drift.last[j]),
      final_offset: x.drift.finalOffset[j],
      max_abs_offset: x.drift.maxAbs[j],
    });
  });
  const S = r.seriesKeys.length;
  for (let s = 0; s <= S; s++) {
    const n = x.missing.count[s];
    if (!n) continue;
    key.add('missing_readings', 'readings', s < S ? String(r.seriesKeys[s]) : '', x.missing.first[s] === x.missing.first[s] ? x.missing.first[s] : null, {
      series_column: r.seriesColumn,
      device_id: s < S ? deviceId(deviceOfSeries[s]) : null,
      nulled: n,
      first: iso(x.missing.first[s]),
      last: iso(x.missing.last[s]),
    });
  }
  const st = x.storms;
  st.hour.forEach((h, b) => {
    const devices = st.devices[b];
    key.add('alert_storm', 'alerts', x.stormIds.uuid(h), st.start[b], {
      start: formatIso(st.start[b]),
      end: formatIso(st.end[b]),
      alert_type: ALERT_TYPES[st.type[b]],
      severity: SEVERITIES[ALERT_SEVERITY[st.type[b]]],
      devices: devices.length,
      alerts_per_device: st.perDevice,
      alerts: devices.length * st.perDevice,
      ...(devices.length <= MAX_LISTED_DEVICES ? { device_ids: Array.from(devices, deviceId) } : {}),
    });
  });
  if (x.batteryLow) {
    for (let d = 0; d < fleet.size; d++) {
      const t = batteryLowAt(fleet, d, x.window);
      if (t === null) continue;
      key.add('battery_low', 'alerts', x.alertIds.uuid(4 * d + BATTERY_KEY, 0), t, {
        device_id: deviceId(d),
        initial_battery: fleet.b0[d],
        drain_per_hour: fleet.rate[d],
        battery_at_end: roundTo(batteryAt(fleet, d, x.window.startUs, x.window.endUs), 2),
      });
    }
  }
  return key;
}

/** The stats' type is the page's view of them (view.ts), so engine and page cannot drift apart. */
export type { IotStats } from './view';

/** The spec's stats (§4) and the TS additions, keys in a fixed order. */
export function iotStats(x: {
  readings: Readings;
  missing: Missing;
  drift: Drift;
  alertTypes: Uint8Array;
  storms: Storms;
  health: FleetHealth;
  fleet: Fleet;
  window: Window;
  seed: number;
  durationHours: number;
  mode: 'generated' | 'supplied';
}): IotStats {
  const r = x.readings;
  const counts = new Array<number>(ALERT_TYPES.length).fill(0);
  for (let i = 0; i < x.alertTypes.length; i++) counts[x.alertTypes[i]]++;
  const byType = new Map<string, number>(ALERT_TYPES.map((t, i) => [t, counts[i]] as const).filter(([, c]) => c > 0));
  const fleetCount = (s: number) => x.health.status.reduce((a, v) => a + (v === s ? 1 : 0), 0);
  let batterySum = 0;
  let batteries = 0;
  for (const b of x.health.battery)
    if (b === b) {
      batterySum += b;
      batteries++;
    }
  let outside = 0;
  for (let i = 0; i < r.n; i++) {
    const t = r.time[i];
    if (t === t && (t < x.window.startUs || t >= x.window.endUs)) outside++;
  }
  return {
    total_readings: r.n,
    missing_readings_injected: x.missing.injected,
    missing_rate: roundTo(x.missing.injected / Math.max(1, r.n), 4),
    drifting_sensors: x.drift.chosen.length,
    total_alerts: x.alertTypes.length,
    alert_types: Object.fromEntries([...byType].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))),
    fleet_online: fleetCount(ONLINE),
    fleet_degraded: fleetCount(DEGRADED),
    fleet_offline: fleetCount(OFFLINE),
    avg_battery_level: batteries ? roundTo(batterySum / batteries, 2) : 0,
    config_seed: x.seed,
    config_duration_hours: x.durationHours,
    alert_storms: x.storms.hour.length,
    fleet_size: x.fleet.size,
    readings_outside_window: outside,
    battery_low_alerts: byType.get('battery_low') ?? 0,
    mode: x.mode,
    window_start: formatIso(x.window.startUs),
    window_end: formatIso(x.window.endUs),
  };
}
