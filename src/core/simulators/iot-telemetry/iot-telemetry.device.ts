/**
 * One device of a held run, sliced out of its result tables for the page's device detail: every
 * reading of the device (all its sensors, in time order, with null and drift visible), its alerts
 * with their storms, its fleet_status row and its battery over the window. The tables alone
 * cannot say which device a reading belongs to when readings carry only sensor ids (the sensors
 * table joined them), nor how far a reading drifted, so the run keeps those two per-reading
 * arrays beside its tables. Answers are typed arrays (transferable) and a few small rows.
 */
import { roundTo } from '../../domains/sort';
import type { SimResult } from '../../simulator';
import { cellAt, getColumn, type Column, type Table } from '../../table/column';
import { US_PER_HOUR } from '../../time';
import { batteryLowAt, type Storms, type Window } from './iot-telemetry.alerts';
import { ALERT_TYPES, FLEET_STATUSES } from './iot-telemetry.constants';
import { depletionAt, type Fleet } from './iot-telemetry.fleet';
import type { Readings } from './iot-telemetry.readings';

export type AlertType = (typeof ALERT_TYPES)[number];
export type FleetStatus = (typeof FLEET_STATUSES)[number];

/** The device's readings in time order (ties by row, untimed last); one entry per reading. */
export interface DeviceReadings {
  /** Row of the reading in the readings table (0-based). */
  readonly row: Int32Array;
  /** Epoch µs, NaN when the reading has no time. */
  readonly time: Float64Array;
  /** The value as written (drift included), NaN for null (a gap). */
  readonly value: Float64Array;
  /** Index into {@link DeviceSlice.series}, −1 when the reading's series key is null. */
  readonly series: Int32Array;
  /** The drift added to the value (the walk so far), NaN outside drifting series; null when the run drifted nothing. */
  readonly drift: Float64Array | null;
}

/** The device's alerts in the alerts table's order (triggered_at). */
export interface DeviceAlerts {
  readonly time: Float64Array;
  /** Index into ALERT_TYPES (severity: ALERT_SEVERITY). */
  readonly type: Uint8Array;
  /** Index into {@link DeviceSlice.storms}, −1 outside storms. */
  readonly storm: Int32Array;
}

export interface DeviceStorm {
  readonly id: string;
  readonly type: AlertType;
  readonly startUs: number;
  readonly endUs: number;
}

export interface DeviceSlice {
  readonly deviceId: string;
  readonly window: Window;
  /** From the fleet_status row. */
  readonly status: FleetStatus;
  readonly batteryStart: number | null;
  readonly batteryEnd: number | null;
  readonly drainPerHour: number;
  readonly lastReadingUs: number | null;
  readonly driftDetected: boolean;
  readonly missingRate: number;
  /** The column series come from (sensor_id, or device_id when readings have no sensors) and the device's series keys. */
  readonly seriesColumn: string;
  readonly series: readonly string[];
  readonly readings: DeviceReadings;
  readonly alerts: DeviceAlerts;
  readonly storms: readonly DeviceStorm[];
  /** Battery level (%) at the start, the 15 % crossing, depletion and the end (linear between); empty on mains power. */
  readonly battery: readonly { readonly atUs: number; readonly level: number }[];
}

export interface DeviceMatch {
  readonly deviceId: string;
  readonly status: FleetStatus;
  readonly batteryEnd: number | null;
}

export interface DeviceMatches {
  /** Devices whose id contains the query (all of the fleet for an empty query). */
  readonly total: number;
  /** The first `limit` of them: exact match, then ids starting with the query, then the rest, each in fleet order. */
  readonly devices: readonly DeviceMatch[];
  readonly fleetSize: number;
}

/** What a run keeps for device lookups. */
export interface IotExplorer {
  detail(deviceId: string): DeviceSlice | null;
  search(query: string, limit: number): DeviceMatches;
}

/** The run's tables and the per-reading joins the tables cannot carry. */
export interface IotExploreSource {
  readonly readings: Table;
  readonly alerts: Table;
  readonly fleetStatus: Table;
  /** The readings table's value column. */
  readonly valueName: string;
  readonly r: Readings;
  readonly driftOffset: Float64Array | null;
  readonly fleet: Fleet;
  readonly window: Window;
  readonly storms: Storms;
  readonly stormIds: readonly string[];
}

/** Battery over the window: start, the 15 % crossing, depletion, end (the drain is linear between). */
export function batteryCurve(fleet: Fleet, d: number, w: Window): { atUs: number; level: number }[] {
  const b0 = fleet.b0[d];
  if (b0 !== b0) return [];
  const level = (t: number) => roundTo(Math.max(0, b0 - (fleet.rate[d] * (t - w.startUs)) / US_PER_HOUR), 2) + 0;
  const times = [w.startUs];
  const low = batteryLowAt(fleet, d, w);
  if (low !== null) times.push(low);
  const dep = depletionAt(fleet, d, w.startUs);
  if (dep > w.startUs && dep < w.endUs) times.push(dep);
  times.push(w.endUs);
  return times.map((t) => ({ atUs: t, level: level(t) }));
}

const numberAt = (c: Column, i: number): number | null => {
  const v = cellAt(c, i);
  return typeof v === 'number' ? v : null;
};

/** Values of a number column as read (NaN null) without copying the column. */
function valueReader(c: Column): (i: number) => number {
  if (c.type !== 'int' && c.type !== 'float') throw new Error(`readings.${c.name} is a ${c.type} column, not a number column`);
  return (i) => (c.valid && c.valid[i] === 0 ? Number.NaN : c.values[i]);
}

/** Dictionary codes of a dict column (−1 null); the alerts table writes type and storm id so. */
function codesOf(c: Column): (i: number) => number {
  if (c.type !== 'string' || c.encoding !== 'dict') throw new Error(`alerts.${c.name} is not a dictionary column`);
  return (i) => (c.valid && c.valid[i] === 0 ? -1 : c.codes[i]);
}

export function createIotExplorer(src: IotExploreSource): IotExplorer {
  const { fleet, r } = src;
  let idText: string[] | undefined;
  let alertDevice: Int32Array | undefined;
  const texts = () => (idText ??= Array.from({ length: fleet.size }, (_, d) => String(cellAt(fleet.ids, d))));
  const status = getColumn(src.fleetStatus, 'status');
  const statusAt = (d: number): FleetStatus => FLEET_STATUSES.find((s) => s === cellAt(status, d)) ?? 'online';
  const endBattery = getColumn(src.fleetStatus, 'battery_level');

  /** The fleet index of a device id typed as text (ids may be numbers). */
  function indexOf(deviceId: string): number {
    const asText = fleet.index.keyOf1(deviceId, false);
    if (asText >= 0) return asText;
    const n = Number(deviceId);
    return deviceId.trim() !== '' && Number.isFinite(n) ? Math.max(-1, fleet.index.keyOf1(n, false)) : -1;
  }

  function readingsOf(d: number): { slice: DeviceReadings; series: string[] } {
    let k = 0;
    for (let i = 0; i < r.n; i++) if (r.device[i] === d) k++;
    const rows = new Int32Array(k);
    for (let i = 0, j = 0; i < r.n; i++) if (r.device[i] === d) rows[j++] = i;
    // time order, ties by row, untimed last
    const order = Array.from(rows).sort((a, b) => {
      const ta = r.time[a];
      const tb = r.time[b];
      if (ta === tb) return a - b;
      if (ta !== ta) return 1;
      if (tb !== tb) return -1;
      return ta - tb;
    });
    const value = valueReader(getColumn(src.readings, src.valueName));
    const local = new Map<number, number>();
    const series: string[] = [];
    const out: DeviceReadings = {
      row: Int32Array.from(order),
      time: Float64Array.from(order, (i) => r.time[i]),
      value: Float64Array.from(order, value),
      series: Int32Array.from(order, (i) => {
        const s = r.series[i];
        if (s < 0) return -1;
        let at = local.get(s);
        if (at === undefined) {
          local.set(s, (at = series.length));
          series.push(String(r.seriesKeys[s]));
        }
        return at;
      }),
      drift: src.driftOffset ? Float64Array.from(order, (i) => src.driftOffset![i]) : null,
    };
    return { slice: out, series };
  }

  function alertsOf(d: number): { alerts: DeviceAlerts; storms: DeviceStorm[] } {
    const a = src.alerts;
    alertDevice ??= fleet.index.keys(getColumn(a, 'device_id'), false);
    const type = codesOf(getColumn(a, 'alert_type'));
    const storm = codesOf(getColumn(a, 'storm_id'));
    const at = getColumn(a, 'triggered_at');
    const rows: number[] = [];
    for (let i = 0; i < a.length; i++) if (alertDevice[i] === d) rows.push(i);
    const local = new Map<number, number>();
    const storms: DeviceStorm[] = [];
    const stormOf = (i: number) => {
      const b = storm(i);
      if (b < 0) return -1;
      let k = local.get(b);
      if (k === undefined) {
        local.set(b, (k = storms.length));
        storms.push({ id: src.stormIds[b], type: ALERT_TYPES[src.storms.type[b]], startUs: src.storms.start[b], endUs: src.storms.end[b] });
      }
      return k;
    };
    return {
      alerts: {
        time: Float64Array.from(rows, (i) => numberAt(at, i) ?? Number.NaN),
        type: Uint8Array.from(rows, type),
        storm: Int32Array.from(rows, stormOf),
      },
      storms,
    };
  }

  return {
    detail(deviceId) {
      const d = indexOf(deviceId);
      if (d < 0) return null;
      const f = src.fleetStatus;
      const { slice, series } = readingsOf(d);
      const { alerts, storms } = alertsOf(d);
      return {
        deviceId: texts()[d],
        window: { startUs: src.window.startUs, endUs: src.window.endUs },
        status: statusAt(d),
        batteryStart: numberAt(getColumn(f, 'initial_battery_level'), d),
        batteryEnd: numberAt(endBattery, d),
        drainPerHour: numberAt(getColumn(f, 'drain_rate_per_hour'), d) ?? 0,
        lastReadingUs: numberAt(getColumn(f, 'last_reading_at'), d),
        driftDetected: cellAt(getColumn(f, 'drift_detected'), d) === true,
        missingRate: numberAt(getColumn(f, 'missing_rate'), d) ?? 0,
        seriesColumn: r.seriesColumn,
        series,
        readings: slice,
        alerts,
        storms,
        battery: batteryCurve(fleet, d, src.window),
      };
    },
    search(query, limit) {
      const q = query.trim().toLowerCase();
      const ids = texts();
      const exact: number[] = [];
      const prefix: number[] = [];
      const rest: number[] = [];
      for (let d = 0; d < ids.length; d++) {
        const t = ids[d].toLowerCase();
        if (t === q) exact.push(d);
        else if (t.startsWith(q)) prefix.push(d);
        else if (t.includes(q)) rest.push(d);
      }
      const hits = [...exact, ...prefix, ...rest];
      return {
        total: hits.length,
        fleetSize: fleet.size,
        devices: hits.slice(0, Math.max(0, limit)).map((d) => ({ deviceId: ids[d], status: statusAt(d), batteryEnd: numberAt(endBattery, d) })),
      };
    },
  };
}

/** Each run's explorer, by its result (kept only as long as the result is: the worker drops runs it no longer holds). */
const explorers = new WeakMap<SimResult, IotExplorer>();

export function keepExplorer(result: SimResult, explorer: IotExplorer): void {
  explorers.set(result, explorer);
}

/** The device explorer of an IoT telemetry run's result, if it is one. */
export function iotExplorerOf(result: SimResult): IotExplorer | undefined {
  return explorers.get(result);
}
