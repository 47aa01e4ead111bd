/**
 * The readings a run works on, as typed arrays: value and time (NaN for null), the series each
 * reading belongs to (its sensor, else its device, D4) and its device in the fleet. Either read
 * from a supplied table, or generated for the fleet (spec §3, generation mode).
 */
import type { Rng } from '../../rng';
import { ConfigError } from '../../schema/config';
import { cellAt, makeTable, numberColumn, takeColumn, type Table } from '../../table/column';
import { floatColumnOf } from '../../table/combine';
import { depletionAt, type Fleet } from './iot-telemetry.fleet';

export interface Readings {
  readonly n: number;
  /** Values (NaN null); drift and missing readings change them in place. */
  readonly value: Float64Array;
  readonly time: Float64Array;
  /** Series index of each reading, −1 when its key is null. */
  readonly series: Int32Array;
  /** Series keys in first-appearance order, and the column they come from. */
  readonly seriesKeys: readonly (number | string)[];
  readonly seriesColumn: string;
  /** Fleet index of each reading, −1 when its device is unknown or null. */
  readonly device: Int32Array;
}

/** Ticks a generated device emits: those before its battery runs out; none when its status is offline. */
export function ticksOf(fleet: Fleet, d: number, startUs: number, stepUs: number, ticks: number): number {
  if (fleet.offline[d]) return 0;
  const dep = depletionAt(fleet, d, startUs);
  return dep === Number.POSITIVE_INFINITY ? ticks : Math.min(ticks, Math.max(0, Math.ceil((dep - startUs) / stepUs)));
}

/** Readings per chunk of ticks: each chunk draws from its own stream, so cancel points never change the output. */
export const TICKS_PER_CHUNK = 64;

/**
 * Generate the fleet's readings: for each tick t_k = start + k·Δ, for each device in fleet
 * order that is online and not yet depleted, value = round(μ_d + N(0, 1), 3) with
 * μ_d = clip(N(25, 15), −50, 500).
 */
export async function generateReadings(
  fleet: Fleet,
  startUs: number,
  stepUs: number,
  ticks: number,
  maxReadings: number,
  rng: Rng,
  checkpoint: (done: number, total: number) => Promise<void>,
): Promise<Readings> {
  const levels = rng.fork('levels');
  const mean = Float64Array.from({ length: fleet.size }, () => Math.min(500, Math.max(-50, levels.normal(25, 15))));
  const last = Int32Array.from({ length: fleet.size }, (_, d) => ticksOf(fleet, d, startUs, stepUs, ticks));
  const n = last.reduce((a, k) => a + k, 0);
  checkGeneratedSize(n, maxReadings);
  const value = new Float64Array(n);
  const time = new Float64Array(n);
  const device = new Int32Array(n);
  const series = new Int32Array(n);
  // series are the devices that send readings, in fleet order (their first readings share tick 0)
  const seriesOf = new Int32Array(fleet.size).fill(-1);
  const seriesKeys: (number | string)[] = [];
  for (let d = 0; d < fleet.size; d++) {
    if (last[d] === 0) continue;
    seriesOf[d] = seriesKeys.length;
    seriesKeys.push(cellAt(fleet.ids, d) as number | string);
  }
  const chunks = Math.ceil(ticks / TICKS_PER_CHUNK);
  let i = 0;
  for (let c = 0; c < chunks; c++) {
    const r = rng.fork(`readings:${c}`);
    const end = Math.min(ticks, (c + 1) * TICKS_PER_CHUNK);
    for (let k = c * TICKS_PER_CHUNK; k < end; k++) {
      const t = startUs + k * stepUs;
      for (let d = 0; d < fleet.size; d++) {
        if (k >= last[d]) continue;
        value[i] = Math.round((mean[d] + r.standardNormal()) * 1000) / 1000;
        time[i] = t;
        series[i] = seriesOf[d];
        device[i++] = d;
      }
    }
    await checkpoint(c + 1, chunks);
  }
  return { n, value, time, series, seriesKeys, seriesColumn: 'device_id', device };
}

/** The generated readings table: reading_id (1.., emission order), device_id, reading_time, value. */
export function generatedTable(r: Readings, fleet: Fleet): Table {
  const readingId = new Float64Array(r.n);
  for (let i = 0; i < r.n; i++) readingId[i] = i + 1;
  return makeTable('readings', [
    numberColumn('reading_id', 'int', readingId),
    { ...takeColumn(fleet.ids, r.device), name: 'device_id' },
    numberColumn('reading_time', 'timestamp', r.time),
    floatColumnOf('value', r.value),
  ]);
}

/** A supplied table with its value column replaced by the changed values (a double column of the same name). */
export function suppliedTable(table: Table, valueName: string, r: Readings): Table {
  return makeTable('readings', table.columns.map((c) => (c.name === valueName ? floatColumnOf(valueName, r.value) : c)));
}

/** Generated readings are refused past this many, naming the settings that make them. */
export function checkGeneratedSize(n: number, max: number): void {
  if (n > max)
    throw new ConfigError([
      {
        path: 'readingIntervalSeconds',
        message: `the fleet would send ${n.toLocaleString('en-US')} readings in the window; allowed: at most ${max.toLocaleString('en-US')} (raise the interval, or shorten the window or the fleet)`,
      },
    ]);
}
