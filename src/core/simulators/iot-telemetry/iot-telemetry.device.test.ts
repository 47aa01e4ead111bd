// A device's detail sliced from a held run, checked against the run's own tables read independently.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDomain, generateDomain } from '../../domains';
import type { RoleMapping } from '../../inputs/contract';
import { runSimulator } from '../../run';
import { cellAt, getColumn, type CellValue, type Table } from '../../table/column';
import { instantsOf } from '../../table/values';
import { ALERT_TYPES } from './iot-telemetry.constants';
import { iotExplorerOf, type DeviceSlice, type IotExplorer } from './iot-telemetry.device';
import { configArb, iotCaseArb, keyRows, runIot } from './iot-telemetry.test-util';
import { iotTelemetrySimulator } from './index';

const column = (t: Table, name: string): CellValue[] => Array.from({ length: t.length }, (_, i) => cellAt(getColumn(t, name), i));
const text = (v: CellValue) => (v === null ? null : String(v));
const nan = (v: CellValue) => (typeof v === 'number' ? v : Number.NaN);

function explorerOf(result: Parameters<typeof iotExplorerOf>[0]): IotExplorer {
  const e = iotExplorerOf(result);
  if (!e) throw new Error('the run keeps no device explorer');
  return e;
}

/** The slice's alerts against the alerts table's rows of the device, in the table's order. */
function expectAlerts(slice: DeviceSlice, alerts: Table) {
  const device = column(alerts, 'device_id').map(text);
  const rows = device.flatMap((d, i) => (d === slice.deviceId ? [i] : []));
  const [type, at, storm] = [column(alerts, 'alert_type'), column(alerts, 'triggered_at'), column(alerts, 'storm_id')];
  expect(Array.from(slice.alerts.time)).toEqual(rows.map((i) => at[i]));
  expect(Array.from(slice.alerts.type, (t) => ALERT_TYPES[t])).toEqual(rows.map((i) => type[i]));
  expect(Array.from(slice.alerts.storm, (k) => (k < 0 ? null : slice.storms[k].id))).toEqual(rows.map((i) => storm[i]));
  // each storm's alerts share its type and lie inside it
  slice.alerts.storm.forEach((k, j) => {
    if (k < 0) return;
    const s = slice.storms[k];
    expect(ALERT_TYPES[slice.alerts.type[j]]).toBe(s.type);
    expect(slice.alerts.time[j]).toBeGreaterThanOrEqual(s.startUs);
    expect(slice.alerts.time[j]).toBeLessThan(s.endUs);
  });
}

function expectTimeOrder(slice: DeviceSlice) {
  const { time, row } = slice.readings;
  for (let j = 1; j < time.length; j++) {
    const [a, b] = [time[j - 1], time[j]];
    if (a !== a) expect(b).toBeNaN();
    else if (b === b) expect(a < b || (a === b && row[j - 1] < row[j])).toBe(true);
  }
}

describe('iot-telemetry device detail', () => {
  it('slices every reading, alert and the battery of any generated device, and none of another', async () => {
    const config = { fleetSize: 30, durationHours: 6, readingIntervalSeconds: 300, driftProbability: 0.2, missingProbability: 0.1, alertStormProbability: 0.5, alertStormDeviceFraction: 0.3, batteryDrainRate: 8, seed: 11 };
    const { result, readings, alerts, fleet } = await runIot(config, { devices: null, readings: null });
    const explorer = explorerOf(result);
    const ids = column(fleet, 'device_id').map(text);
    const readingDevice = column(readings, 'device_id').map(text);
    const [times, values] = [column(readings, 'reading_time'), column(readings, 'value')];
    const drifting = new Set(keyRows(result).filter((k) => k.kind === 'sensor_drift').map((k) => k.key));
    const charted = new Set(result.charts!.deviceDetails.map((d) => d.deviceId));
    expect(ids.some((id) => !charted.has(id!))).toBe(true);
    ids.forEach((id, d) => {
      const slice = explorer.detail(id!)!;
      expect(slice.deviceId).toBe(id);
      const mine = readingDevice.flatMap((x, i) => (x === id ? [i] : []));
      expect([...slice.readings.row].sort((a, b) => a - b)).toEqual(mine);
      expectTimeOrder(slice);
      expect(Array.from(slice.readings.time)).toEqual(Array.from(slice.readings.row, (i) => times[i]));
      expect(Array.from(slice.readings.value)).toEqual(Array.from(slice.readings.row, (i) => nan(values[i])));
      // generated readings: one series per device, keyed by the device id
      expect(slice.series).toEqual(mine.length ? [id] : []);
      expect(slice.seriesColumn).toBe('device_id');
      // drift shows on every reading of a drifting series and nowhere else
      const drifted = Array.from(slice.readings.drift ?? [], (x) => x === x);
      expect(drifted.every((x) => x === drifting.has(id!))).toBe(true);
      expect(slice.driftDetected).toBe(drifting.has(id!) && mine.length > 0);
      expect(slice.status).toBe(cellAt(getColumn(fleet, 'status'), d));
      expect(slice.missingRate).toBe(cellAt(getColumn(fleet, 'missing_rate'), d));
      expectAlerts(slice, alerts);
      // battery from the fleet_status row: its initial level at the start, its end level at the end
      expect(slice.battery[0]).toEqual({ atUs: slice.window.startUs, level: cellAt(getColumn(fleet, 'initial_battery_level'), d) });
      expect(slice.battery.at(-1)).toEqual({ atUs: slice.window.endUs, level: cellAt(getColumn(fleet, 'battery_level'), d) });
      for (let j = 1; j < slice.battery.length; j++) expect(slice.battery[j].level).toBeLessThanOrEqual(slice.battery[j - 1].level);
    });
    expect(alerts.length).toBeGreaterThan(0);
  });

  it('joins the IoT domain’s readings to their device through the sensors table', async () => {
    const domain = await generateDomain(findDomain('iot')!, { scale: 'fixture', seed: 5 });
    const inputs = new Map(domain.tables.map((t) => [t.name, t]));
    const run = await runSimulator(iotTelemetrySimulator, { alertStormProbability: 1, seed: 2 }, { inputs });
    const m = run.config.inputs as RoleMapping;
    const [readings, alerts] = run.result.tables;
    const sensors = inputs.get(m.sensors.table!)!;
    const deviceOfSensor = new Map(column(sensors, 'sensor_id').map((s, i) => [s, text(cellAt(getColumn(sensors, 'device_id'), i))]));
    const sensorOf = column(readings, 'sensor_id');
    const values = column(readings, 'reading_value');
    const read = instantsOf(getColumn(readings, 'reading_timestamp'));
    if (!('values' in read)) throw new Error('unreadable times');
    const explorer = explorerOf(run.result);
    const devices = column(inputs.get(m.devices.table!)!, 'device_id').map(text);
    let seen = 0;
    for (const id of devices) {
      const slice = explorer.detail(id!)!;
      const mine = sensorOf.flatMap((s, i) => (deviceOfSensor.get(s) === id ? [i] : []));
      expect([...slice.readings.row].sort((a, b) => a - b)).toEqual(mine);
      expectTimeOrder(slice);
      expect(Array.from(slice.readings.time)).toEqual(Array.from(slice.readings.row, (i) => read.values[i]));
      expect(Array.from(slice.readings.value)).toEqual(Array.from(slice.readings.row, (i) => nan(values[i])));
      // every sensor of the device is a series, each reading names its own
      expect(slice.seriesColumn).toBe('sensor_id');
      expect([...slice.series].sort()).toEqual([...new Set(mine.map((i) => String(sensorOf[i])))].sort());
      slice.readings.row.forEach((i, j) => expect(slice.series[slice.readings.series[j]]).toBe(String(sensorOf[i])));
      expectAlerts(slice, alerts);
      seen += mine.length;
    }
    expect(seen).toBe(readings.length);
  });

  it('partitions any run’s readings and alerts among its devices', async () => {
    await fc.assert(
      fc.asyncProperty(configArb, iotCaseArb, async (config, c) => {
        const { result, readings, alerts, fleet } = await runIot(config, c);
        const explorer = explorerOf(result);
        const rows = new Set<number>();
        let alertCount = 0;
        for (const id of column(fleet, 'device_id').map(text)) {
          const slice = explorer.detail(id!)!;
          expect(slice.deviceId).toBe(id);
          expectTimeOrder(slice);
          for (const i of slice.readings.row) {
            expect(rows.has(i)).toBe(false);
            rows.add(i);
          }
          alertCount += slice.alerts.time.length;
        }
        // readings without a known device belong to none; every alert belongs to one
        expect(rows.size).toBeLessThanOrEqual(readings.length);
        expect(alertCount).toBe(alerts.length);
      }),
      { numRuns: 60 },
    );
  });

  it('finds devices by id: the exact id first, then ids starting with it, then any containing it', async () => {
    const { result } = await runIot({ fleetSize: 120, durationHours: 1, readingIntervalSeconds: 600, seed: 1 }, { devices: null, readings: null });
    const explorer = explorerOf(result);
    const found = explorer.search('1', 5);
    expect(found.total).toBe(40); // 1, 10–19, 21, 31, …, 91, 100–119
    expect(found.devices.map((d) => d.deviceId)).toEqual(['1', '10', '11', '12', '13']);
    expect(explorer.search('', 3)).toMatchObject({ total: 120, fleetSize: 120, devices: [{ deviceId: '1' }, { deviceId: '2' }, { deviceId: '3' }] });
    expect(explorer.search(' 71 ', 10).devices.map((d) => d.deviceId)).toEqual(['71']);
    expect(explorer.search('nope', 10)).toMatchObject({ total: 0, devices: [] });
    expect(explorer.detail('121')).toBeNull();
    expect(explorer.detail('abc')).toBeNull();
    expect(explorer.detail('')).toBeNull();
  });
});
