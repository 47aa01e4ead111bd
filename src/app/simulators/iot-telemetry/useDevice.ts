/** The page's requests for a device of a held IoT run: its detail, and device ids matching a search. */
import { useEffect, useState } from 'react';
import type { DeviceMatches, DeviceSlice } from '../../../core/simulators/iot-telemetry/iot-telemetry.device';
import { RUN_NOT_HELD } from '../../../worker/protocol';
import { engine } from '../../engine';

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
  const [lookup, setLookup] = useState<{ key: string; value: DeviceLookup }>();
  const key = `${runId}:${deviceId}`;
  useEffect(() => {
    if (!enabled || !deviceId) return;
    let live = true;
    const job = engine.deviceDetail(runId, deviceId);
    job.promise.then(
      (r) => live && setLookup({ key, value: r.device ? { status: 'done', device: r.device } : { status: 'missing', deviceId } }),
      (e: Error) => live && setLookup({ key, value: e.name === RUN_NOT_HELD ? { status: 'gone', deviceId } : { status: 'error', deviceId, message: e.message } }),
    );
    return () => {
      live = false;
    };
  }, [runId, deviceId, enabled, key]);
  if (!enabled || !deviceId) return undefined;
  return lookup?.key === key ? lookup.value : { status: 'loading', deviceId };
}

export type DeviceSearch = { readonly status: 'done'; readonly found: DeviceMatches } | { readonly status: 'error'; readonly message: string };

/** Device ids of the fleet containing `query`, asked as the person types (a stale answer is dropped). */
export function useDeviceSearch(runId: number, query: string, limit: number, enabled: boolean): DeviceSearch | undefined {
  const [found, setFound] = useState<DeviceSearch>();
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const job = engine.deviceSearch(runId, query.trim(), limit);
    job.promise.then(
      (r) => live && setFound({ status: 'done', found: r }),
      (e: Error) => live && setFound({ status: 'error', message: e.name === RUN_NOT_HELD ? GONE : e.message }),
    );
    return () => {
      live = false;
    };
  }, [runId, query, limit, enabled]);
  // the previous answer stays shown until the new one arrives (no flicker while typing)
  return enabled ? found : undefined;
}
