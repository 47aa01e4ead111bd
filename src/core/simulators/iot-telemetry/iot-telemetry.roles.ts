/**
 * IoT telemetry's input roles (spec/iot-telemetry.md §2): readings, devices and sensors, all
 * optional. Without readings the simulator generates the fleet's readings itself (from the
 * devices when there are some); sensors map sensor ids to devices (D4).
 */
import type { InputRole, RoleMapping, TableShape } from '../../inputs/contract';
import type { Issue } from '../../schema/fields';

export const IOT_ROLES: readonly InputRole[] = [
  {
    role: 'readings',
    label: 'Readings',
    help: 'Sensor readings to apply drift and gaps to; leave out (null) to generate the readings of the fleet.',
    candidates: ['reading', 'readings'],
    required: false,
    columns: [
      { role: 'value', label: 'value', help: 'The measured value.', candidates: ['value', 'reading_value', 'sensor_value', 'measurement'], types: ['float', 'int'], required: true },
      {
        role: 'time',
        label: 'time',
        help: 'When the reading was taken (a timestamp, a date, or ISO text; no offset means UTC).',
        candidates: ['reading_time', 'created_at', 'timestamp', 'read_at', 'reading_timestamp'],
        types: ['timestamp', 'date', 'string'],
        required: true,
      },
      { role: 'sensorId', label: 'sensor id', help: 'The sensor (a series of readings); its device comes from the sensors table.', candidates: ['sensor_id'], types: ['int', 'string'], required: false },
      { role: 'deviceId', label: 'device id', help: 'The device the reading belongs to.', candidates: ['device_id'], types: ['int', 'string'], required: false },
    ],
  },
  {
    role: 'devices',
    label: 'Devices',
    help: 'The fleet: one row per device, with its battery and status when known.',
    candidates: ['device', 'devices'],
    required: false,
    columns: [
      { role: 'deviceId', label: 'device id', help: 'The device id.', candidates: ['device_id', 'id'], types: ['int', 'string'], required: true },
      { role: 'batteryLevel', label: 'battery level', help: 'Battery in percent (0–100); null means mains power: never drained.', candidates: ['battery_level', 'battery'], types: ['float', 'int'], required: false },
      { role: 'status', label: 'status', help: 'Decommissioned or Inactive (any case) devices are offline.', candidates: ['status', 'device_status'], types: ['string'], required: false },
    ],
  },
  {
    role: 'sensors',
    label: 'Sensors',
    help: 'Which device each sensor belongs to (needed when readings carry sensor ids but no device ids).',
    candidates: ['sensor', 'sensors'],
    required: false,
    columns: [
      { role: 'sensorId', label: 'sensor id', help: 'The sensor id.', candidates: ['sensor_id', 'id'], types: ['int', 'string'], required: true },
      { role: 'deviceId', label: 'device id', help: 'The device the sensor is on.', candidates: ['device_id'], types: ['int', 'string'], required: true },
    ],
  },
];

/** Readings need a series key, and a device for each reading (D4): their own device ids, else the sensors table. */
export function refineIotInputs(mapping: RoleMapping, _config: Readonly<Record<string, unknown>>, tables: readonly TableShape[]): Issue[] {
  const readings = mapping.readings;
  if (!readings?.table) return [];
  const cols = readings.columns ?? {};
  const table = tables.find((t) => t.name === readings.table);
  const names = table?.columns.map((c) => c.name).join(', ') ?? 'none';
  if (!cols.sensorId && !cols.deviceId)
    return [
      {
        path: 'inputs.readings.columns.deviceId',
        message: `readings table "${readings.table}" has neither a sensor id nor a device id column (tried sensor_id, device_id; columns: ${names}); map one`,
      },
    ];
  if (!cols.deviceId && !mapping.sensors?.table)
    return [
      {
        path: 'inputs.sensors.table',
        message: `readings table "${readings.table}" has sensor ids but no device ids, and no sensors table maps sensors to devices (tried sensor, sensors; tables: ${tables.map((t) => t.name).join(', ')}); map one, or map a device id column of the readings`,
      },
    ];
  return [];
}
