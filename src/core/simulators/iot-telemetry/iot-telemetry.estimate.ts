/**
 * The expected size of an IoT telemetry run from its config and the mapped tables' shapes:
 * readings (the supplied table's rows, else fleet × ticks, each device stopping when its battery
 * runs out), alerts (storms: hours × probability × storm devices × alerts per device; baseline:
 * one per device per 8 h while its battery lasts; battery_low: devices crossing 15 % in the
 * window) and fleet_status (one row per device). Batteries are averaged over a grid of initial
 * levels and drain factors, as the fleet draws them.
 */
import type { RunEstimate, TableEstimate } from '../../estimate';
import { columnBytesPerRow } from '../../estimate-shapes';
import type { ColumnShape, RoleMapping, TableShape } from '../../inputs/contract';
import { textRowBytes } from '../../landing/estimate';
import { US_PER_HOUR } from '../../time';
import { alertsPerStormDevice, hoursToUs, secondsToUs, tickCount, type IotTelemetryConfig } from './iot-telemetry.config';
import { BATTERY_LOW_LEVEL } from './iot-telemetry.constants';

/**
 * Share of devices whose status takes them offline when a status column is mapped: shapes hold
 * no value counts, so this is the IoT domain's weight (Inactive 0.10 + Decommissioned 0.08).
 */
export const OFFLINE_SHARE = 0.18;

/** Grid points per axis (initial battery × drain factor). */
const GRID = 24;

/** Hours until each grid device's battery is empty and until it crosses 15 % (+∞ when never). */
interface Batteries {
  readonly empty: Float64Array;
  readonly low: Float64Array;
}

/** The fleet's batteries on a grid: initial levels uniform in [lo, hi] (a share `mains` never drains), drain rate × U(0.7, 1.3). */
function batteries(lo: number, hi: number, mains: number, rate: number): Batteries {
  const empty: number[] = [];
  const low: number[] = [];
  const mainsPoints = Math.round(mains * GRID);
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++) {
      if (i < mainsPoints) {
        empty.push(Number.POSITIVE_INFINITY);
        low.push(Number.POSITIVE_INFINITY);
        continue;
      }
      const b0 = lo + ((hi - lo) * (i - mainsPoints + 0.5)) / (GRID - mainsPoints);
      const r = rate * (0.7 + (0.6 * (j + 0.5)) / GRID);
      empty.push(b0 <= 0 ? 0 : r > 0 ? b0 / r : Number.POSITIVE_INFINITY);
      low.push(b0 >= BATTERY_LOW_LEVEL && r > 0 ? (b0 - BATTERY_LOW_LEVEL) / r : Number.POSITIVE_INFINITY);
    }
  }
  return { empty: Float64Array.from(empty).sort(), low: Float64Array.from(low) };
}

const mean = (a: Float64Array, f: (x: number) => number) => a.reduce((s, x) => s + f(x), 0) / a.length;

interface FleetShape {
  readonly size: number;
  /** The device id column's shape (text ids cost their bytes), null for generated ids 1…n. */
  readonly id: ColumnShape | null;
  readonly batteries: Batteries;
  /** Share of the devices that are online (offline ones send nothing and raise no alert). */
  readonly online: number;
}

/** Distinct values of a key column: its rows, or fewer when an int range is narrower. */
function distinct(c: ColumnShape | undefined, rows: number): number {
  const present = rows - (c?.nulls ?? 0);
  if (c?.type === 'int' && c.min !== null && c.min !== undefined && c.max !== null && c.max !== undefined) return Math.min(present, c.max - c.min + 1);
  return present;
}

function fleetOf(c: IotTelemetryConfig, inputs: readonly TableShape[]): FleetShape {
  const mapping = (c.inputs ?? {}) as RoleMapping;
  const bound = (role: string) => {
    const table = inputs.find((t) => t.name === mapping[role]?.table);
    return { table, col: (name: string) => table?.columns.find((x) => x.name === mapping[role]?.columns?.[name]) };
  };
  const rate = c.batteryDrainEnabled ? c.batteryDrainRate : 0;
  const fresh = batteries(60, 100, 0, rate);
  const devices = bound('devices');
  if (devices.table) {
    const battery = devices.col('batteryLevel');
    const rows = devices.table.rows;
    const b = battery ? batteries(battery.min ?? 0, battery.max ?? 0, rows > 0 ? (battery.nulls ?? 0) / rows : 0, rate) : fresh;
    return { size: distinct(devices.col('deviceId'), rows), id: devices.col('deviceId') ?? null, batteries: b, online: devices.col('status') ? 1 - OFFLINE_SHARE : 1 };
  }
  const readings = bound('readings');
  if (readings.table) {
    // the distinct devices of the readings: their own ids, else those the sensors table maps them to
    const own = readings.col('deviceId');
    const sensors = bound('sensors');
    const id = own ?? sensors.col('deviceId');
    return { size: distinct(id, own ? readings.table.rows : (sensors.table?.rows ?? 0)), id: id ?? null, batteries: fresh, online: 1 };
  }
  return { size: c.fleetSize, id: null, batteries: fresh, online: 1 };
}

export function estimateIotTelemetry(c: IotTelemetryConfig, inputs: readonly TableShape[] = []): RunEstimate {
  const mapping = (c.inputs ?? {}) as RoleMapping;
  const supplied = inputs.find((t) => t.name === mapping.readings?.table);
  const fleet = fleetOf(c, inputs);
  const { empty, low } = fleet.batteries;
  const windowH = hoursToUs(c.durationHours) / US_PER_HOUR;
  const stepUs = secondsToUs(c.readingIntervalSeconds);
  const ticks = tickCount(c);
  // a generated device sends ticks until its battery is empty
  const online = fleet.size * fleet.online;
  const readings = supplied ? supplied.rows : online * mean(empty, (h) => Math.min(ticks, Math.max(0, Math.ceil((h * US_PER_HOUR) / stepUs))));
  let storms = 0;
  if (c.alertStormEnabled) {
    // each whole hour: a storm with probability p over min(want, devices still powered) devices.
    // Storms are few and large (1,500 alerts each by default), so the typical run has the median
    // number of them, round(hours · p), not the mean: a day at p = 0.02 has none more often than not
    const want = Math.max(1, Math.floor(c.alertStormDeviceFraction * fleet.size));
    const hours = Math.ceil(windowH);
    let dead = 0;
    let devices = 0;
    for (let h = 0; h < hours; h++) {
      while (dead < empty.length && empty[dead] <= h) dead++;
      devices += Math.min(want, (online * (empty.length - dead)) / empty.length);
    }
    storms = hours > 0 ? Math.round(hours * c.alertStormProbability) * (devices / hours) * alertsPerStormDevice(c) : 0;
  }
  const baseline = c.baselineAlertsEnabled ? (online * mean(empty, (h) => Math.min(windowH, h))) / 8 : 0;
  const batteryLow = c.batteryDrainEnabled ? online * mean(low, (h) => (h < windowH ? 1 : 0)) : 0;
  const idBytes = fleet.id ? columnBytesPerRow(fleet.id, fleet.size, false) : 8;
  const valueName = mapping.readings?.columns?.value;
  // supplied readings keep their columns (the value column becomes doubles with a null mask)
  const suppliedBytes = supplied ? supplied.columns.reduce((a, x) => a + (x.name === valueName ? 9 : columnBytesPerRow(x, supplied.rows)), 0) : 0;
  const suppliedCsv = supplied ? textRowBytes(supplied.columns, supplied.rows, 'csv') : 0;
  // file bytes per row measured on the default config (generated readings); supplied readings from their columns' widths
  const tables: TableEstimate[] = [
    supplied
      ? { name: 'readings', rows: readings, memoryBytesPerRow: suppliedBytes, textBytesPerRow: 0, fileBytesPerRow: { parquet: 0.5 * suppliedCsv, csv: suppliedCsv, jsonl: textRowBytes(supplied.columns, supplied.rows, 'jsonl') } }
      : { name: 'readings', rows: readings, memoryBytesPerRow: 16 + idBytes + 9, textBytesPerRow: 0, fileBytesPerRow: { parquet: 11.3, csv: 41.3, jsonl: 93.5 } },
    { name: 'alerts', rows: storms + baseline + batteryLow, memoryBytesPerRow: 66 + idBytes, textBytesPerRow: 36, fileBytesPerRow: { parquet: 60, csv: 138, jsonl: 247 } },
    { name: 'fleet_status', rows: fleet.size, memoryBytesPerRow: 45 + idBytes, textBytesPerRow: 0, fileBytesPerRow: { parquet: 40, csv: 81, jsonl: 217 } },
  ];
  const drivers = supplied ? ['inputs.readings.table', 'durationHours', 'alertStormRateMultiplier'] : ['fleetSize', 'durationHours', 'alertStormRateMultiplier'];
  return { tables, drivers };
}
