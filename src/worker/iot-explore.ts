/**
 * A device of a held IoT telemetry run, for the page's device detail: any device of the fleet
 * (not only the ones the run charted), its readings and alerts as typed arrays that are
 * transferred, not copied; and a search of the fleet's device ids for the page's chooser.
 */
import type { RunOutput } from '../core/run';
import { iotExplorerOf, type DeviceMatches, type DeviceSlice, type IotExplorer } from '../core/simulators/iot-telemetry/iot-telemetry.device';

export interface DeviceDetailResult {
  /** Null when the fleet has no such device. */
  readonly device: DeviceSlice | null;
}

export type DeviceSearchResult = DeviceMatches;

/** Suggestions sent per search: a list a person reads, not the fleet. */
export const MAX_DEVICE_MATCHES = 50;

function explorer(out: RunOutput): IotExplorer {
  const e = iotExplorerOf(out.result);
  if (!e) throw new Error(`The ${out.simulator} run has no devices to detail.`);
  return e;
}

/** One device's detail; its typed arrays' buffers in `transfer`. */
export function deviceDetail(out: RunOutput, deviceId: string): { data: DeviceDetailResult; transfer: ArrayBuffer[] } {
  const device = explorer(out).detail(deviceId);
  if (!device) return { data: { device }, transfer: [] };
  const { readings: r, alerts: a } = device;
  const arrays = [r.row, r.time, r.value, r.series, r.drift, a.time, a.type, a.storm];
  const transfer: ArrayBuffer[] = [];
  for (const x of arrays) if (x && x.buffer instanceof ArrayBuffer) transfer.push(x.buffer);
  return { data: { device }, transfer };
}

/** Device ids of the fleet containing `query` (the first `limit`, at most MAX_DEVICE_MATCHES). */
export function deviceSearch(out: RunOutput, query: string, limit: number): DeviceSearchResult {
  return explorer(out).search(query, Math.min(MAX_DEVICE_MATCHES, Math.max(0, limit)));
}
