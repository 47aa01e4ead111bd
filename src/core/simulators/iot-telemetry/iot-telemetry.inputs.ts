/**
 * Resolve a run's inputs (D2, D3, D4): the fleet (the devices table, else the distinct devices
 * of the readings, else `fleetSize` generated devices) and, when readings are given, their
 * values, times, series (sensor if there is one, else device) and each reading's device (its
 * own device id, else through the sensors table). Cells that cannot be read, and sensors no
 * sensors row knows, are refused naming the role and column.
 */
import type { RoleMapping } from '../../inputs/contract';
import type { Rng } from '../../rng';
import { ConfigError } from '../../schema/config';
import { cellAt, getColumn, type Column, type StringColumn, type Table } from '../../table/column';
import { instantsOf, numbersOf } from '../../table/values';
import { fleetFromKeys, generatedFleet, suppliedFleet, type DrainParams, type Fleet } from './iot-telemetry.fleet';
import { KeyIndex, mixedTypes } from './iot-telemetry.keys';
import type { Readings } from './iot-telemetry.readings';

export interface ResolvedInputs {
  readonly fleet: Fleet;
  /** Null in generation mode. */
  readonly supplied: { readonly table: Table; readonly valueName: string; readonly readings: Readings } | null;
}

const refuse = (path: string, message: string) => new ConfigError([{ path, message }]);

function bound(mapping: RoleMapping, role: string, inputs: ReadonlyMap<string, Table>) {
  const b = mapping[role];
  const table = b && typeof b.table === 'string' ? inputs.get(b.table) : undefined;
  const col = (name: string): Column | null => (table && b?.columns?.[name] ? getColumn(table, b.columns[name]) : null);
  return { table, col };
}

export function resolveInputs(mapping: RoleMapping, inputs: ReadonlyMap<string, Table>, fleetSize: number, drain: DrainParams, rng: Rng): ResolvedInputs {
  const readings = bound(mapping, 'readings', inputs);
  const devices = bound(mapping, 'devices', inputs);
  const sensors = bound(mapping, 'sensors', inputs);
  const readingDevice = readings.col('deviceId');
  const sensorDevice = sensors.col('deviceId');
  const deviceId = devices.col('deviceId');
  const asText = mixedTypes(readingDevice, readings.table && !readingDevice ? sensorDevice : null, deviceId);
  const fromDevices = deviceId ? suppliedFleet(deviceId, devices.col('batteryLevel'), devices.col('status') as StringColumn | null, asText, drain, rng) : null;
  if (!readings.table) return { fleet: fromDevices ?? generatedFleet(fleetSize, drain, rng), supplied: null };

  const table = readings.table;
  const valueCol = readings.col('value')!;
  const read = instantsOf(readings.col('time')!);
  if ('bad' in read)
    throw refuse('inputs.readings.columns.time', `row ${read.bad.row + 1} of ${table.name}.${readings.col('time')!.name} holds "${read.bad.text}", not an ISO 8601 date or date-time`);
  const sensorCol = readings.col('sensorId');

  // each reading's device, as a key of `devIndex` (the fleet's index when devices are given)
  const devIndex = fromDevices?.index ?? new KeyIndex(asText);
  let devKey: Int32Array;
  if (readingDevice) devKey = devIndex.keys(readingDevice, !fromDevices);
  else {
    const sensorIds = sensors.col('sensorId')!;
    const sIndex = new KeyIndex(mixedTypes(sensorCol, sensorIds));
    const sensorRows = sIndex.keys(sensorIds, true);
    const rowOfSensor = new Int32Array(sIndex.size).fill(-1);
    for (let i = sensorRows.length - 1; i >= 0; i--) if (sensorRows[i] >= 0) rowOfSensor[sensorRows[i]] = i;
    const rs = sIndex.keys(sensorCol!, false);
    const unknown = rs.indexOf(-2);
    if (unknown >= 0)
      throw refuse(
        'inputs.sensors.table',
        `sensor ${JSON.stringify(cellAt(sensorCol!, unknown))} (${table.name} row ${unknown + 1}) is not in sensors table "${sensors.table!.name}"; every sensor of a reading needs its device`,
      );
    // resolved per sensor on first use, so a derived fleet lists devices in reading order
    const devOfSensor = new Int32Array(sIndex.size).fill(-3);
    devKey = new Int32Array(rs.length);
    for (let i = 0; i < rs.length; i++) {
      const s = rs[i];
      if (s < 0) {
        devKey[i] = -1;
        continue;
      }
      if (devOfSensor[s] === -3) devOfSensor[s] = devIndex.keyOf1(cellAt(sensorDevice!, rowOfSensor[s]) as number | string | null, !fromDevices);
      devKey[i] = devOfSensor[s];
    }
  }
  const deviceType = (readingDevice ?? sensorDevice!).type === 'string' || asText ? 'string' : 'int';
  const fleet = fromDevices ?? fleetFromKeys(devIndex, deviceType, drain, rng);
  const seriesIndex = new KeyIndex(false);
  const seriesCol = sensorCol ?? readingDevice!;
  const series = seriesIndex.keys(seriesCol, true);
  return {
    fleet,
    supplied: {
      table,
      valueName: valueCol.name,
      readings: {
        n: table.length,
        value: numbersOf(valueCol),
        time: read.values,
        series,
        seriesKeys: seriesIndex.values,
        seriesColumn: seriesCol.name,
        device: Int32Array.from(devKey, (k) => (k < 0 ? -1 : k)),
      },
    },
  };
}
