/** Generated fleets, readings and configs for the IoT telemetry tests, and helpers to read a run back. */
import fc from 'fast-check';
import { answerKeyRows, type KeyRow } from '../../../../test/answer-key-rows';
import { runSimulator, type RunOutput } from '../../run';
import { columnFromValues, makeTable, tableRows, type CellValue, type Column, type Table } from '../../table/column';
import { formatIso, parseInstant, US_PER_DAY, US_PER_MS } from '../../time';
import type { IotTelemetryOutput } from './iot-telemetry';
import { iotTelemetrySimulator } from './index';

export type Row = Record<string, CellValue>;

/** Every row of a (small) table as a plain object. */
export const rows = (t: Table): Row[] => tableRows(t);

export const BASE_US = parseInstant('2024-06-01T00:00:00Z');

/** A supplied device: battery (null = mains) and status. */
export interface DeviceRow {
  readonly battery: number | null;
  readonly status: string;
}

/** The devices table of a case, when there is one. */
export interface DevicesCase {
  readonly idKind: 'int' | 'string';
  readonly hasBattery: boolean;
  readonly hasStatus: boolean;
  readonly rows: readonly DeviceRow[];
}

/** A supplied reading: its sensor (index), value, time offset. */
export interface ReadingRow {
  readonly sensor: number;
  readonly value: number | null;
  readonly offsetMs: number | null;
}

export interface ReadingsCase {
  /** Readings carry sensor ids (mapped to devices by the sensors table), device ids, or both. */
  readonly keys: 'sensor' | 'device' | 'both';
  readonly timeKind: 'timestamp' | 'date' | 'string';
  readonly valueKind: 'float' | 'int';
  /** Device (index into the devices or derived fleet) of each sensor. */
  readonly sensorDevice: readonly number[];
  readonly rows: readonly ReadingRow[];
}

export interface IotCase {
  readonly devices: DevicesCase | null;
  readonly readings: ReadingsCase | null;
}

const STATUSES = ['Active', 'active', 'Maintenance', 'Inactive', 'DECOMMISSIONED', 'Decommissioned'];

export const devicesArb: fc.Arbitrary<DevicesCase> = fc.record({
  idKind: fc.constantFrom<DevicesCase['idKind']>('int', 'string'),
  hasBattery: fc.boolean(),
  hasStatus: fc.boolean(),
  rows: fc.array(
    fc.record({
      battery: fc.option(fc.oneof(fc.integer({ min: 0, max: 1000 }).map((x) => x / 10), fc.constantFrom(0, 14.9, 15, 15.1, 100)), { nil: null, freq: 5 }),
      status: fc.constantFrom(...STATUSES, 'Active', 'Active'),
    }),
    { minLength: 1, maxLength: 10 },
  ),
});

export const readingsArb = (devices: number): fc.Arbitrary<ReadingsCase> =>
  fc.integer({ min: 1, max: 8 }).chain((sensors) =>
    fc.record({
      keys: fc.constantFrom<ReadingsCase['keys']>('sensor', 'device', 'both'),
      timeKind: fc.constantFrom<ReadingsCase['timeKind']>('timestamp', 'timestamp', 'date', 'string'),
      valueKind: fc.constantFrom<ReadingsCase['valueKind']>('float', 'int'),
      sensorDevice: fc.array(fc.nat(devices - 1), { minLength: sensors, maxLength: sensors }),
      rows: fc.array(
        fc.record({
          sensor: fc.nat(sensors - 1),
          value: fc.option(fc.integer({ min: -5000, max: 50_000 }).map((x) => x / 100), { nil: null, freq: 8 }),
          offsetMs: fc.option(fc.integer({ min: -2 * 3_600_000, max: 30 * 3_600_000 }), { nil: null, freq: 15 }),
        }),
        { maxLength: 80 },
      ),
    }),
  );

export const iotCaseArb: fc.Arbitrary<IotCase> = fc.option(devicesArb, { nil: null, freq: 2 }).chain((devices) =>
  fc.record({ devices: fc.constant(devices), readings: fc.option(readingsArb(devices ? devices.rows.length : 6), { nil: null, freq: 2 }) }),
);

export const deviceValue = (kind: 'int' | 'string', d: number): number | string => (kind === 'int' ? 10 + d : `D-${10 + d}`);
/** A reading's device id when there is no devices table. */
export const derivedDevice = (d: number) => 500 + d;

/** The input tables and mapping of a case. */
export function buildInputs(c: IotCase): { tables: Map<string, Table>; mapping: Record<string, unknown> } {
  const tables = new Map<string, Table>();
  const mapping: Record<string, unknown> = {};
  const dv = c.devices;
  if (dv) {
    const cols: Column[] = [columnFromValues('device_id', dv.idKind, dv.rows.map((_, d) => deviceValue(dv.idKind, d)))];
    if (dv.hasBattery) cols.push(columnFromValues('battery_level', 'float', dv.rows.map((r) => r.battery)));
    if (dv.hasStatus) cols.push(columnFromValues('status', 'string', dv.rows.map((r) => r.status)));
    tables.set('device', makeTable('device', cols));
  }
  const rd = c.readings;
  if (rd) {
    const devOf = (d: number) => (dv ? deviceValue(dv.idKind, d) : derivedDevice(d));
    const devType = dv ? dv.idKind : 'int';
    const cols: Column[] = [columnFromValues('reading_id', 'int', rd.rows.map((_, i) => i + 1))];
    if (rd.keys !== 'device') cols.push(columnFromValues('sensor_id', 'int', rd.rows.map((r) => 100 + r.sensor)));
    if (rd.keys !== 'sensor') cols.push(columnFromValues('device_id', devType, rd.rows.map((r) => devOf(rd.sensorDevice[r.sensor]))));
    cols.push(columnFromValues('reading_value', rd.valueKind, rd.rows.map((r) => (r.value === null ? null : rd.valueKind === 'int' ? Math.round(r.value) : r.value))));
    const us = rd.rows.map((r) => (r.offsetMs === null ? null : BASE_US + r.offsetMs * US_PER_MS));
    if (rd.timeKind === 'timestamp') cols.push(columnFromValues('reading_timestamp', 'timestamp', us));
    else if (rd.timeKind === 'date') cols.push(columnFromValues('reading_timestamp', 'date', us.map((t) => (t === null ? null : Math.floor(t / US_PER_DAY)))));
    else cols.push(columnFromValues('reading_timestamp', 'string', us.map((t) => (t === null ? null : formatIso(t)))));
    cols.push(columnFromValues('quality_flag', 'string', rd.rows.map((_, i) => (i % 4 ? 'Good' : 'Bad'))));
    tables.set('reading', makeTable('reading', cols));
    if (rd.keys === 'sensor')
      tables.set('sensor', makeTable('sensor', [columnFromValues('sensor_id', 'int', rd.sensorDevice.map((_, s) => 100 + s)), columnFromValues('device_id', devType, rd.sensorDevice.map(devOf))]));
  } else if (dv) mapping.readings = { table: null };
  return { tables, mapping };
}

/** The time (epoch µs) of reading i as the simulator reads it. */
export function readingTime(rd: ReadingsCase, i: number): number | null {
  const off = rd.rows[i].offsetMs;
  if (off === null) return null;
  const us = BASE_US + off * US_PER_MS;
  return rd.timeKind === 'date' ? Math.floor(us / US_PER_DAY) * US_PER_DAY : us;
}

export const configArb = fc.record({
  fleetSize: fc.integer({ min: 1, max: 8 }),
  durationHours: fc.oneof(fc.double({ min: 0.05, max: 6, noNaN: true }), fc.constantFrom(1, 2.5, 24)),
  startTime: fc.constantFrom(null, '2024-06-01T00:00:00Z', '2024-05-31T22:30:00Z', '2024-06-01T03:00:00+02:00'),
  readingIntervalSeconds: fc.constantFrom(60, 90.5, 600, 3600),
  driftEnabled: fc.boolean(),
  driftRate: fc.constantFrom(0, 0.001, 0.5),
  driftProbability: fc.constantFrom(0, 0.1, 0.5, 1),
  missingEnabled: fc.boolean(),
  missingProbability: fc.constantFrom(0, 0.2, 1),
  alertStormEnabled: fc.boolean(),
  alertStormProbability: fc.constantFrom(0, 0.3, 1),
  alertStormDurationMinutes: fc.constantFrom(1, 15, 75),
  alertStormRateMultiplier: fc.constantFrom(0.5, 2, 5),
  alertStormDeviceFraction: fc.constantFrom(0.01, 0.2, 1),
  baselineAlertsEnabled: fc.boolean(),
  batteryDrainEnabled: fc.boolean(),
  batteryDrainRate: fc.constantFrom(0, 0.1, 5, 40),
  seed: fc.integer({ min: 0, max: 10_000 }),
});

export type IotConfig = typeof configArb extends fc.Arbitrary<infer T> ? T : never;

export interface IotRun {
  readonly run: RunOutput;
  readonly result: IotTelemetryOutput;
  readonly readings: Table;
  readonly alerts: Table;
  readonly fleet: Table;
}

export async function runIot(config: Record<string, unknown>, c: IotCase): Promise<IotRun> {
  const { tables, mapping } = buildInputs(c);
  const run = await runSimulator(iotTelemetrySimulator, { ...config, inputs: mapping }, { inputs: tables });
  const result = run.result as IotTelemetryOutput;
  const [readings, alerts, fleet] = result.tables;
  return { run, result, readings, alerts, fleet };
}

export const keyRows = (result: IotTelemetryOutput): KeyRow[] => answerKeyRows(result.answerKey);

/** The same run with drift and missing readings off: the values before the anomalies. */
export const withoutAnomalies = (config: Record<string, unknown>) => ({ ...config, driftEnabled: false, missingEnabled: false });
