// The simulator on the studio's own IoT domain, used only through the input contract.
import { describe, expect, it } from 'vitest';
import type { RoleMapping } from '../../inputs/contract';
import { findDomain, generateDomain } from '../../domains';
import { runSimulator } from '../../run';
import { cellAt, getColumn, type Table } from '../../table/column';
import { instantsOf } from '../../table/values';
import { iotTelemetrySimulator } from './index';

const column = (t: Table, name: string) => Array.from({ length: t.length }, (_, i) => cellAt(getColumn(t, name), i));

describe('iot-telemetry on the IoT domain', () => {
  it('resolves each reading to its device through the sensors table; the fleet is the device table', async () => {
    const domain = await generateDomain(findDomain('iot')!, { scale: 'fixture', seed: 3 });
    const inputs = new Map(domain.tables.map((t) => [t.name, t]));
    const run = await runSimulator(iotTelemetrySimulator, { missingEnabled: false }, { inputs });
    const m = run.config.inputs as RoleMapping;
    expect(run.result.stats.mode).toBe('supplied');
    const readings = inputs.get(m.readings.table!)!;
    const sensors = inputs.get(m.sensors.table!)!;
    const devices = inputs.get(m.devices.table!)!;
    const deviceIds = column(devices, m.devices.columns!.deviceId);
    const fleet = run.result.tables[2];
    expect(column(fleet, 'device_id')).toEqual([...new Set(deviceIds)]);
    // the expected last reading of each device, joined here through the sensors table
    const deviceOfSensor = new Map(column(sensors, m.sensors.columns!.sensorId).map((s, i) => [s, column(sensors, m.sensors.columns!.deviceId)[i]]));
    const times = instantsOf(getColumn(readings, m.readings.columns!.time));
    if (!('values' in times)) throw new Error('unreadable times');
    const last = new Map<unknown, number>();
    column(readings, m.readings.columns!.sensorId!).forEach((s, i) => {
      const d = deviceOfSensor.get(s);
      last.set(d, Math.max(last.get(d) ?? -Infinity, times.values[i]));
    });
    column(fleet, 'device_id').forEach((d, k) => expect(cellAt(getColumn(fleet, 'last_reading_at'), k)).toBe(last.get(d) ?? null));
    expect(run.result.stats.total_readings).toBe(readings.length);
  });

  it('generates readings for the domain’s devices when the readings role is left out', async () => {
    const domain = await generateDomain(findDomain('iot')!, { scale: 'fixture', seed: 3 });
    const inputs = new Map(domain.tables.map((t) => [t.name, t]));
    const run = await runSimulator(iotTelemetrySimulator, { durationHours: 2, inputs: { readings: { table: null } } }, { inputs });
    const devices = inputs.get((run.config.inputs as RoleMapping).devices.table!)!;
    expect(run.result.stats).toMatchObject({ mode: 'generated', fleet_size: devices.length });
    expect(run.result.tables[0].length).toBeGreaterThan(0);
  });
});
