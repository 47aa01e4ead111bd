/** The page's requests for a device of a held IoT run: its detail, and device ids matching a search. */
import { useCallback } from 'react';
import type { DeviceMatches, DeviceSlice } from '../../../core/simulators/iot-telemetry/iot-telemetry.device';
import { engine } from '../../engine';
import { useRunQuery } from '../../run/useRunQuery';

/** What a person reads when the worker no longer holds the run. */
export const GONE = 'This run is no longer held in memory: the engine keeps the two most recent runs of all pages (Download simulates older ones again). Run the simulation again to open any device.';

export type DeviceLookup =
  | { readonly status: 'loading'; readonly deviceId: string }
  | { readonly status: 'done'; readonly device: DeviceSlice }
  | { readonly status: 'missing'; readonly deviceId: string }
  | { readonly status: 'error'; readonly deviceId: string; readonly message: string }
  /** The worker no longer holds the run (it keeps the most recent runs of all pages). */
  | { readonly status: 'gone'; readonly deviceId: string };

/** A device's detail from the worker (`enabled` false: the run is not held, nothing is asked). */
export function useDeviceDetail(runId: number, deviceId: string, enabled: boolean): DeviceLookup | undefined {
  const ask = useCallback(() => engine.deviceDetail(runId, deviceId), [runId, deviceId]);
  const q = useRunQuery(enabled && deviceId ? ask : undefined);
  if (!q) return undefined;
  if (q.status === 'done') return q.value.device ? { status: 'done', device: q.value.device } : { status: 'missing', deviceId };
  return q.status === 'error' ? { status: 'error', deviceId, message: q.message } : { status: q.status, deviceId };
}

/** `stale`: the matches of an earlier text, shown while the current text's are asked for. */
export type DeviceSearch = { readonly status: 'done'; readonly found: DeviceMatches; readonly stale: boolean } | { readonly status: 'error'; readonly message: string };

/** Device ids of the fleet containing `query`, asked as the person types (a stale answer is dropped). */
export function useDeviceSearch(runId: number, query: string, limit: number, enabled: boolean): DeviceSearch | undefined {
  const trimmed = query.trim();
  const ask = useCallback(() => engine.deviceSearch(runId, trimmed, limit), [runId, trimmed, limit]);
  // the previous answer stays shown until the new one arrives (no flicker while typing)
  const q = useRunQuery(enabled ? ask : undefined, true);
  if (!q || q.status === 'loading') return undefined;
  if (q.status === 'done') return { status: 'done', found: q.value, stale: q.stale === true };
  return { status: 'error', message: q.status === 'gone' ? GONE : q.message };
}
