/**
 * The fleet (spec §3 generation mode, D2, D10, D11): one entry per distinct device with its id,
 * initial battery b0 (NaN: mains power, never drained), drain rate r_d = rate·U(0.7, 1.3) per
 * hour, and whether its status takes it offline. battery(t) = max(0, b0 − r_d · hours since start).
 */
import { roundTo } from '../../domains/sort';
import type { Rng } from '../../rng';
import { columnFromValues, numberColumn, takeColumn, type Column, type StringColumn } from '../../table/column';
import { numbersOf, textIn } from '../../table/values';
import { US_PER_HOUR } from '../../time';
import { OFFLINE_STATUSES } from './iot-telemetry.constants';
import { KeyIndex } from './iot-telemetry.keys';

export interface Fleet {
  readonly size: number;
  /** Device ids, one row per device in fleet order. */
  readonly ids: Column;
  /** Device id → fleet index. */
  readonly index: KeyIndex;
  /** Initial battery in percent, NaN for none. */
  readonly b0: Float64Array;
  /** Drain in percent per hour (0 when drain is off). */
  readonly rate: Float64Array;
  /** 1 when the device's status is Decommissioned or Inactive. */
  readonly offline: Uint8Array;
  /** Where the fleet came from. */
  readonly source: 'generated' | 'devices' | 'readings';
}

export interface DrainParams {
  readonly enabled: boolean;
  readonly rate: number;
}

/** U(60, 100) to 0.1 %: the battery of a device whose battery is unknown. */
const freshBattery = (rng: Rng) => roundTo(rng.between(60, 100), 1);

function drainRates(n: number, drain: DrainParams, rng: Rng): Float64Array {
  const out = new Float64Array(n);
  if (drain.enabled) for (let d = 0; d < n; d++) out[d] = drain.rate * rng.between(0.7, 1.3);
  return out;
}

/** `fleetSize` devices with ids 1..n and fresh batteries (generation mode without devices). */
export function generatedFleet(size: number, drain: DrainParams, rng: Rng): Fleet {
  const index = new KeyIndex(false);
  const ids = numberColumn('device_id', 'int', Float64Array.from({ length: size }, (_, d) => d + 1));
  index.keys(ids, true);
  const battery = rng.fork('battery');
  return {
    size,
    ids,
    index,
    b0: Float64Array.from({ length: size }, () => freshBattery(battery)),
    rate: drainRates(size, drain, rng.fork('drain')),
    offline: new Uint8Array(size),
    source: 'generated',
  };
}

/** The devices table as the fleet: its first row per distinct id; no battery column means fresh batteries. */
export function suppliedFleet(id: Column, battery: Column | null, status: StringColumn | null, asText: boolean, drain: DrainParams, rng: Rng): Fleet {
  const index = new KeyIndex(asText);
  const before = () => index.size;
  const keys = index.keys(id, true);
  const first: number[] = [];
  // the first row of each id defines the device (spec §3.6)
  const seen = new Uint8Array(before());
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k >= 0 && !seen[k]) {
      seen[k] = 1;
      first.push(i);
    }
  }
  const rows = Int32Array.from(first);
  const size = rows.length;
  const fresh = rng.fork('battery');
  const levels = battery ? numbersOf(battery) : null;
  const offlineRows = status ? textIn(status, OFFLINE_STATUSES) : null;
  return {
    size,
    ids: { ...takeColumn(id, rows), name: 'device_id' },
    index,
    b0: Float64Array.from(rows, (i) => (levels ? levels[i] : freshBattery(fresh))),
    rate: drainRates(size, drain, rng.fork('drain')),
    offline: offlineRows ? Uint8Array.from(rows, (i) => offlineRows[i]) : new Uint8Array(size),
    source: 'devices',
  };
}

/** The distinct devices of supplied readings (no devices table), in first-appearance order, with fresh batteries. */
export function fleetFromKeys(index: KeyIndex, idType: 'int' | 'string', drain: DrainParams, rng: Rng): Fleet {
  const size = index.size;
  const fresh = rng.fork('battery');
  return {
    size,
    ids: columnFromValues('device_id', idType, index.values),
    index,
    b0: Float64Array.from({ length: size }, () => freshBattery(fresh)),
    rate: drainRates(size, drain, rng.fork('drain')),
    offline: new Uint8Array(size),
    source: 'readings',
  };
}

/** battery(t) of device d, NaN when it has none. */
export function batteryAt(fleet: Fleet, d: number, startUs: number, t: number): number {
  const b0 = fleet.b0[d];
  if (b0 !== b0) return Number.NaN;
  return Math.max(0, b0 - (fleet.rate[d] * (t - startUs)) / US_PER_HOUR);
}

/** When device d's battery reaches 0 (epoch µs), +∞ when it never does. */
export function depletionAt(fleet: Fleet, d: number, startUs: number): number {
  const b0 = fleet.b0[d];
  if (b0 !== b0) return Number.POSITIVE_INFINITY;
  if (b0 <= 0) return startUs;
  const r = fleet.rate[d];
  return r > 0 ? startUs + (b0 / r) * US_PER_HOUR : Number.POSITIVE_INFINITY;
}
