import { describe, expect, it } from 'vitest';
import { runSimulator } from '../../run';
import { ConfigError } from '../../schema/config';
import { AbortError } from '../../simulator';
import { columnFromValues, makeTable, tableRows, type Table } from '../../table/column';
import { parseInstant } from '../../time';
import { iotTelemetrySimulator } from './index';

const reading = (cols: Record<string, readonly [type: 'int' | 'float' | 'string' | 'timestamp', values: readonly (number | string | null)[]]>) =>
  makeTable('reading', Object.entries(cols).map(([name, [type, values]]) => columnFromValues(name, type, values)));
const T0 = parseInstant('2024-06-01T00:00:00Z');

async function refusal(raw: Record<string, unknown>, inputs: Map<string, Table> = new Map()): Promise<{ path: string; message: string }[]> {
  try {
    await runSimulator(iotTelemetrySimulator, raw, { inputs });
  } catch (e) {
    if (e instanceof ConfigError) return [...e.issues];
    throw e;
  }
  throw new Error('not refused');
}

describe('iot-telemetry config and inputs', () => {
  it('generates a fleet on first open (no tables) and accepts the reference snake_case names', async () => {
    const run = await runSimulator(iotTelemetrySimulator, { fleet_size: 3, duration_hours: 1, reading_interval_seconds: 600, alert_storm_rate_multiplier: 2 });
    expect(run.config).toMatchObject({ fleetSize: 3, durationHours: 1, readingIntervalSeconds: 600, alertStormRateMultiplier: 2, inputs: {} });
    expect(run.inputs).toBeUndefined();
    expect(run.result.stats).toMatchObject({ mode: 'generated', total_readings: 18, fleet_size: 3 });
  });

  it.each([
    [{ readingIntervalSeconds: 0 }, 'readingIntervalSeconds', 'out of range'],
    [{ readingIntervalSeconds: 0.0001 }, 'readingIntervalSeconds', 'shorter than a millisecond'],
    [{ alertStormRateMultiplier: 0 }, 'alertStormRateMultiplier', 'out of range'],
    [{ alertStormRateMultiplier: 1e6, alertStormDurationMinutes: 600, readingIntervalSeconds: 1 }, 'alertStormRateMultiplier', 'alerts per storm device'],
    [{ durationHours: 0 }, 'durationHours', 'out of range'],
    [{ alertStormDurationMinutes: 0 }, 'alertStormDurationMinutes', 'out of range'],
    [{ missingProbability: 1.2 }, 'missingProbability', 'from 0 to 1'],
    [{ driftProbability: -1 }, 'driftProbability', 'from 0 to 1'],
    [{ alertStormProbability: 2 }, 'alertStormProbability', 'from 0 to 1'],
    [{ alertStormDeviceFraction: 0 }, 'alertStormDeviceFraction', 'out of range'],
    [{ alertStormDeviceFraction: 1.5 }, 'alertStormDeviceFraction', 'out of range'],
    [{ driftRate: -0.1 }, 'driftRate', 'out of range'],
    [{ batteryDrainRate: -1 }, 'batteryDrainRate', 'out of range'],
    [{ fleetSize: 0 }, 'fleetSize', 'out of range'],
    [{ startTime: '2024-13-01' }, 'startTime', 'not a valid date-time'],
    [{ fleetSize: 1_000_000, readingIntervalSeconds: 1 }, 'fleetSize', 'too large for this engine'],
    [{ fleetSize: 1_000_000, alertStormProbability: 1, alertStormDeviceFraction: 1, readingIntervalSeconds: 86_400 }, 'alertStormRateMultiplier', 'expected alerts'],
  ])('refuses %j naming %s', async (raw, path, words) => {
    const issues = await refusal(raw);
    expect(issues[0].path).toBe(path);
    expect(issues[0].message).toContain(words);
  });

  it('refuses readings without a series key, sensor ids nobody maps, unknown sensors, missing times and bad time text', async () => {
    const base = { reading_value: ['float', [1, 2]], reading_time: ['timestamp', [T0, T0]] } as const;
    expect((await refusal({}, new Map([['reading', reading({ ...base })]])))[0]).toMatchObject({ path: 'inputs.readings.columns.deviceId', message: expect.stringContaining('neither a sensor id nor a device id') });
    const bySensor = reading({ ...base, sensor_id: ['int', [1, 2]] });
    expect((await refusal({}, new Map([['reading', bySensor]])))[0]).toMatchObject({ path: 'inputs.sensors.table', message: expect.stringContaining('no sensors table') });
    const sensor = makeTable('sensor', [columnFromValues('sensor_id', 'int', [1]), columnFromValues('device_id', 'int', [9])]);
    expect(
      (
        await refusal(
          {},
          new Map([
            ['reading', bySensor],
            ['sensor', sensor],
          ]),
        )
      )[0],
    ).toEqual({ path: 'inputs.sensors.table', message: 'sensor 2 (reading row 2) is not in sensors table "sensor"; every sensor of a reading needs its device' });
    const noTime = reading({ reading_value: ['float', [1]], device_id: ['int', [1]] });
    expect((await refusal({}, new Map([['reading', noTime]])))[0]).toMatchObject({ path: 'inputs.readings.columns.time', message: expect.stringContaining('has no time column') });
    const badTime = reading({ reading_value: ['float', [1]], device_id: ['int', [1]], read_at: ['string', ['later']] });
    expect((await refusal({}, new Map([['reading', badTime]])))[0]).toEqual({ path: 'inputs.readings.columns.time', message: 'row 1 of reading.read_at holds "later", not an ISO 8601 date or date-time' });
  });

  it('resolves sensors to devices through the sensors table (D4): sensor k is not device k', async () => {
    // sensors 1 and 2 sit on devices 2 and 1: a sensor-as-device mix-up would swap their last readings
    const readings = reading({ sensor_id: ['int', [1, 2, 1]], reading_value: ['float', [1, 2, 3]], reading_timestamp: ['timestamp', [T0, T0 + 5e6, T0 + 9e6]] });
    const sensor = makeTable('sensor', [columnFromValues('sensor_id', 'int', [1, 2]), columnFromValues('device_id', 'string', ['2', '1'])]);
    const device = makeTable('device', [columnFromValues('device_id', 'int', [1, 2, 3]), columnFromValues('status', 'string', ['Active', 'active', 'Decommissioned'])]);
    const run = await runSimulator(
      iotTelemetrySimulator,
      { missingEnabled: false, batteryDrainEnabled: false },
      {
        inputs: new Map([
          ['reading', readings],
          ['sensor', sensor],
          ['device', device],
        ]),
      },
    );
    const fleet = tableRows(run.result.tables[2]);
    expect(fleet.map((f) => [f.device_id, f.last_reading_at, f.status])).toEqual([
      [1, T0 + 5e6, 'online'],
      [2, T0 + 9e6, 'online'],
      [3, null, 'offline'],
    ]);
    expect(run.config.inputs).toEqual({
      readings: { table: 'reading', columns: { value: 'reading_value', time: 'reading_timestamp', sensorId: 'sensor_id' } },
      devices: { table: 'device', columns: { deviceId: 'device_id', status: 'status' } },
      sensors: { table: 'sensor', columns: { sensorId: 'sensor_id', deviceId: 'device_id' } },
    });
  });

  it('with devices but readings left out (table null), generates readings for those devices; fleetSize is ignored', async () => {
    const device = makeTable('device', [columnFromValues('device_id', 'string', ['a', 'b']), columnFromValues('battery_level', 'float', [50, null])]);
    const reading0 = reading({ reading_value: ['float', [1]], device_id: ['string', ['a']], reading_time: ['timestamp', [T0]] });
    const run = await runSimulator(
      iotTelemetrySimulator,
      { fleetSize: 9, durationHours: 1, readingIntervalSeconds: 1800, inputs: { readings: { table: null } } },
      {
        inputs: new Map([
          ['device', device],
          ['reading', reading0],
        ]),
      },
    );
    expect(run.result.stats).toMatchObject({ mode: 'generated', fleet_size: 2, total_readings: 4 });
    expect(tableRows(run.result.tables[0]).map((r) => r.device_id)).toEqual(['a', 'b', 'a', 'b']);
    const [a, b] = tableRows(run.result.tables[2]);
    // 1 h of drain at 0.1 %/h × U(0.7, 1.3); a null battery (mains power) stays null
    expect(a.battery_level as number).toBeGreaterThanOrEqual(49.87);
    expect(a.battery_level as number).toBeLessThanOrEqual(49.93);
    expect(b.battery_level).toBeNull();
  });

  it('stops at its first checkpoint when the run is cancelled', async () => {
    await expect(runSimulator(iotTelemetrySimulator, {}, { signal: AbortSignal.abort() })).rejects.toThrow(AbortError);
  });
});
