/** The alerts and fleet_status tables (spec §4), and the end-of-window fleet health (§3.6 with D10–D12). */
import { roundTo } from '../../domains/sort';
import type { IdStream } from '../../ids';
import { argsortBy, gather } from '../../sort';
import { floatColumnOf, uuidColumn } from '../../table/combine';
import { boolColumn, dictColumn, makeTable, numberColumn, takeColumn, type Table } from '../../table/column';
import type { RawAlerts, Storms } from './iot-telemetry.alerts';
import { ALERT_MESSAGES, ALERT_SEVERITY, ALERT_TYPES, BATTERY_LOW_LEVEL, DEGRADED, FLEET_STATUSES, OFFLINE, ONLINE, SEVERITIES } from './iot-telemetry.constants';
import { batteryAt, type Fleet } from './iot-telemetry.fleet';
import type { Readings } from './iot-telemetry.readings';

export interface FleetHealth {
  readonly status: Uint8Array;
  /** battery(end) to 2 dp, NaN for none. */
  readonly battery: Float64Array;
  /** Latest reading time, NaN when the device has none. */
  readonly lastReading: Float64Array;
  readonly drift: Uint8Array;
  readonly missingRate: Float64Array;
  readonly readings: Float64Array;
}

/**
 * Fleet health in one pass over the readings (D12): each device's latest reading, null share
 * and drift (any of its series drifted), then its status: offline when its status says so or
 * its battery is empty, degraded below 15 % or with more than half its readings missing.
 */
export function fleetHealth(fleet: Fleet, r: Readings, driftOffset: Float64Array | null, startUs: number, endUs: number): FleetHealth {
  const m = fleet.size;
  const count = new Float64Array(m);
  const nulls = new Float64Array(m);
  const last = new Float64Array(m).fill(Number.NaN);
  const drift = new Uint8Array(m);
  for (let i = 0; i < r.n; i++) {
    const d = r.device[i];
    if (d < 0) continue;
    count[d]++;
    if (r.value[i] !== r.value[i]) nulls[d]++;
    const t = r.time[i];
    if (t === t && !(last[d] >= t)) last[d] = t;
    if (driftOffset && driftOffset[i] === driftOffset[i]) drift[d] = 1;
  }
  const status = new Uint8Array(m);
  const battery = new Float64Array(m);
  const missingRate = new Float64Array(m);
  for (let d = 0; d < m; d++) {
    const b = batteryAt(fleet, d, startUs, endUs);
    battery[d] = b === b ? roundTo(b, 2) : Number.NaN;
    missingRate[d] = count[d] ? nulls[d] / count[d] : 0;
    status[d] = fleet.offline[d] || battery[d] <= 0 ? OFFLINE : battery[d] < BATTERY_LOW_LEVEL || missingRate[d] > 0.5 ? DEGRADED : ONLINE;
  }
  return { status, battery, lastReading: last, drift, missingRate, readings: count };
}

/**
 * One row per device in fleet order: the spec's columns, plus the initial battery and drain
 * rate (so battery over time can be drawn and checked: battery(t) = max(0, b0 − rate·h)) and
 * the share of missing readings behind a `degraded` status.
 */
export function fleetStatusTable(fleet: Fleet, h: FleetHealth): Table {
  return makeTable('fleet_status', [
    { ...fleet.ids, name: 'device_id' },
    dictColumn('status', FLEET_STATUSES, Int32Array.from(h.status)),
    floatColumnOf('battery_level', h.battery),
    floatColumnOf('initial_battery_level', fleet.b0),
    numberColumn('drain_rate_per_hour', 'float', Float64Array.from(fleet.rate)),
    floatColumnOf('last_reading_at', h.lastReading, 'timestamp'),
    boolColumn('drift_detected', h.drift),
    numberColumn('missing_rate', 'float', Float64Array.from(h.missingRate, (x) => roundTo(x, 4))),
  ]);
}

/** The alert order: by triggered_at, ties in generation order. */
export function alertOrder(raw: RawAlerts, startUs: number): Int32Array {
  const keys = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) keys[i] = raw.at.data[i] - startUs;
  return argsortBy(keys);
}

/** The alerts table in `order`: ids from (seed, `iot:alerts`), storm ids from (seed, `iot:storms`). */
export function alertsTable(raw: RawAlerts, order: Int32Array, fleet: Fleet, storms: Storms, ids: { alerts: IdStream; storms: IdStream }): Table {
  const n = raw.length;
  const type = new Int32Array(n);
  const storm = gather(raw.storm.data.subarray(0, n), order, new Int32Array(n));
  const severity = new Int32Array(n);
  const stormCode = new Int32Array(n);
  const isStorm = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    type[i] = raw.type.data[order[i]];
    severity[i] = ALERT_SEVERITY[type[i]];
    isStorm[i] = storm[i] >= 0 ? 1 : 0;
    stormCode[i] = isStorm[i] ? storm[i] : 0;
  }
  const stormIds = Array.from(storms.hour, (h) => ids.storms.uuid(h));
  return makeTable('alerts', [
    uuidColumn('alert_id', ids.alerts, gather(raw.k0.data.subarray(0, n), order, new Float64Array(n)), gather(raw.k1.data.subarray(0, n), order, new Float64Array(n))),
    { ...takeColumn(fleet.ids, gather(raw.device.data.subarray(0, n), order, new Int32Array(n))), name: 'device_id' },
    dictColumn('alert_type', ALERT_TYPES, type),
    dictColumn('severity', SEVERITIES, severity),
    numberColumn('triggered_at', 'timestamp', gather(raw.at.data.subarray(0, n), order, new Float64Array(n))),
    dictColumn('message', ALERT_MESSAGES, Int32Array.from(type)),
    dictColumn('storm_id', stormIds, stormCode, isStorm),
    boolColumn('is_storm', Uint8Array.from(isStorm)),
  ]);
}
