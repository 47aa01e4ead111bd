/**
 * The IoT domain (spec/domains.md §3.3): device types and locations, devices with sensors
 * and their readings, alerts, maintenance logs and commands.
 */
import { col, anchor, zipColumns, fixed, perParent, table } from './declare';
import type { DomainDef } from './model';
import { clip } from './sort';
import type { Rng } from '../rng';
import { DEVICE_TYPES } from './reference/catalogs';
import { SENSOR_SPECS } from './reference/sensors';
import { COMPANIES, SENTENCES } from './reference/words';
import { composed, flag, inOrder, pick, sequencePattern, uniform, weighted } from './strategies/basic';
import { formula, mapValue } from './strategies/derive';
import { fkBalanced, fkCatalog, fkCoverage, fkUniform, fkZipf } from './strategies/fk';
import { personName } from './strategies/people';
import { afterDuration, uniformDate, uniformInstant } from './strategies/time';

/** Every sensor type's unit (Ref draws them independently: 11.5 % matched, D11). */
const UNITS = Object.fromEntries(SENSOR_SPECS.map((s) => [s.type, s.unit]));
const SENSOR_WEIGHTS = Object.fromEntries(SENSOR_SPECS.map((s) => [s.type, s.weight]));

/** A value of the sensor's type, truncated to its range within the physical bounds (redrawn; after 64 tries the nearest bound). */
function reading(rng: Rng, typeCode: number, lo: number, hi: number): number {
  const spec = SENSOR_SPECS[typeCode];
  const min = Math.max(lo, spec.physical[0]);
  const max = Math.min(hi, spec.physical[1]);
  for (let k = 0; k < 64; k++) {
    const x = spec.draw(rng);
    if (x >= min && x <= max) return x;
  }
  return clip(spec.draw(rng), min, max);
}

/** Activity after install: from 2024 (2023 for maintenance) to the model range end, never before the device's install date. */
const afterInstall = (path: string) => ({ start: '2024-01-01', end: '2025-12-31', marked: true, after: path });

export const iot: DomainDef = {
  id: 'iot',
  title: 'IoT',
  summary: 'Device types, locations, devices with sensors and readings, alerts, maintenance logs and commands.',
  range: { start: '2022-01-01', end: '2025-12-31' },
  scales: {
    fixture: { device: 25 },
    fabric_demo: { device: 50 },
    small: { device: 500 },
    medium: { device: 5_000 },
    large: { device: 50_000 },
    xlarge: { device: 500_000 },
    warehouse: { device: 5_000_000 },
    xxl: { device: 20_000_000 },
    xxxl: { device: 100_000_000 },
  },
  tables: [
    table({
      name: 'device_type',
      pk: 'type_id',
      count: fixed(DEVICE_TYPES.length),
      columns: [
        col('type_name', 'string', inOrder(DEVICE_TYPES.map((d) => d.name))),
        col('manufacturer', 'string', pick(COMPANIES)),
        col('category', 'string', weighted('device_type.category', { Industrial: 0.3, Consumer: 0.25, Automotive: 0.15, Medical: 0.15, 'Smart Home': 0.15 })),
        col('protocol', 'string', weighted('device_type.protocol', { MQTT: 0.35, HTTP: 0.25, CoAP: 0.15, AMQP: 0.15, Modbus: 0.1 })),
      ],
    }),
    table({
      name: 'location',
      pk: 'location_id',
      count: fixed(100),
      columns: [
        col('location_name', 'string', sequencePattern('LOC-', 4)),
        col('facility_type', 'string', weighted('location.facility_type', { Factory: 0.25, Warehouse: 0.25, Office: 0.2, Field: 0.15, Residential: 0.15 })),
        ...zipColumns(['city', 'state', 'zip_code', 'lat', 'lng']),
      ],
    }),
    table({
      name: 'device',
      pk: 'device_id',
      count: anchor(),
      eventTime: 'install_date',
      sortByTime: true,
      columns: [
        col('serial_number', 'string', sequencePattern('DEV-', 6)),
        col('device_type_id', 'int', fkCatalog('device_type', DEVICE_TYPES.map((d) => d.weight))),
        col('location_id', 'int', fkZipf('location', { default: 0.8, reference: 1.1 })),
        col('firmware_version', 'string', composed(['v', [1, 5], '.', [0, 9], '.', [0, 19]])),
        col('install_date', 'date', uniformDate({ start: '2020-01-01', end: '2025-06-30' })),
        col('status', 'string', weighted('device.status', { Active: 0.72, Inactive: 0.1, Maintenance: 0.1, Decommissioned: 0.08 })),
        col('battery_level', 'float', uniform(0, 100), { dp: 1 }),
      ],
    }),
    table({
      name: 'sensor',
      pk: 'sensor_id',
      count: perParent('sensor', 'device', 2.5),
      columns: [
        col('device_id', 'int', fkCoverage('device')),
        col('sensor_type', 'string', weighted('sensor.sensor_type', SENSOR_WEIGHTS)),
        col('unit_of_measure', 'string', mapValue('sensor_type', UNITS)),
        // a model of the sensor's type: its measuring range
        col('min_range', 'float', formula('float', ['sensor_type'], (rng, t) => SENSOR_SPECS[t].models[rng.index(SENSOR_SPECS[t].models.length)][0]), { dp: 2 }),
        col('max_range', 'float', formula('float', ['sensor_type', 'min_range'], (_, t, lo) => SENSOR_SPECS[t].models.find((m) => m[0] === lo)![1]), { dp: 2 }),
      ],
    }),
    table({
      name: 'reading',
      pk: 'reading_id',
      count: perParent('reading', 'sensor', 20),
      eventTime: 'reading_timestamp',
      sortByTime: true,
      columns: [
        col('sensor_id', 'int', fkBalanced('sensor')),
        col('reading_value', 'float', formula('float', ['sensor_id.sensor_type', 'sensor_id.min_range', 'sensor_id.max_range'], (rng, t, lo, hi) => reading(rng, t, lo, hi)), { dp: 3 }),
        col('reading_timestamp', 'timestamp', uniformInstant(afterInstall('sensor_id.device_id.install_date'))),
        col('quality_flag', 'string', weighted('reading.quality_flag', { Good: 0.9, Suspect: 0.07, Bad: 0.03 })),
      ],
    }),
    table({
      name: 'alert',
      pk: 'alert_id',
      count: perParent('alert', 'device', 0.5),
      eventTime: 'triggered_at',
      sortByTime: true,
      columns: [
        col('device_id', 'int', fkZipf('device', 1.3)),
        col('alert_type', 'string', weighted('alert.alert_type', { Threshold: 0.3, Anomaly: 0.25, Connectivity: 0.2, Battery: 0.15, Maintenance: 0.1 })),
        col('severity', 'string', weighted('alert.severity', { Critical: 0.1, High: 0.2, Medium: 0.4, Low: 0.3 })),
        col('triggered_at', 'timestamp', uniformInstant(afterInstall('device_id.install_date'))),
        // resolution after a continuous, skewed duration (median 3 h, at most 7 d), inside the range; open alerts are null
        col('resolved_at', 'timestamp', afterDuration('triggered_at', { medianHours: 3, sigma: 1.2, minMinutes: 1, maxDays: 7 }), { nullRate: 0.25 }),
        col('acknowledged', 'bool', flag(0.7)),
      ],
    }),
    table({
      name: 'maintenance_log',
      pk: 'log_id',
      count: perParent('maintenance_log', 'device', 1.5),
      eventTime: 'performed_date',
      sortByTime: true,
      columns: [
        col('device_id', 'int', fkUniform('device')),
        col('maintenance_type', 'string', weighted('maintenance_log.maintenance_type', { Preventive: 0.35, Corrective: 0.25, Calibration: 0.2, 'Firmware Update': 0.2 })),
        col('performed_date', 'date', uniformDate({ start: '2023-01-01', end: '2025-12-31', after: 'device_id.install_date' })),
        col('performed_by', 'string', personName()),
        col('notes', 'string', pick(SENTENCES), { nullRate: 0.3 }),
      ],
    }),
    table({
      name: 'command',
      pk: 'command_id',
      count: perParent('command', 'device', 3),
      eventTime: 'issued_at',
      sortByTime: true,
      columns: [
        col('device_id', 'int', fkUniform('device')),
        col('command_type', 'string', weighted('command.command_type', { Reboot: 0.2, Configure: 0.25, Update: 0.2, Reset: 0.15, Calibrate: 0.2 })),
        col('issued_at', 'timestamp', uniformInstant(afterInstall('device_id.install_date'))),
        col('status', 'string', weighted('command.status', { Sent: 0.15, Acknowledged: 0.2, Executed: 0.55, Failed: 0.1 })),
        col('issued_by', 'string', personName()),
      ],
    }),
  ],
};
