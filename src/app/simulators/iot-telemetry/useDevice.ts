/** The page's requests for a device of a held IoT run: its detail, and device ids matching a search. */
import { useEffect, useState } from 'react';
import type { DeviceMatches, DeviceSlice } from '../../../core/simulators/iot-telemetry/iot-telemetry.device';
import { engine } from '../../engine';

export type DeviceLookup =
  | { readonly status: 'loading'; readonly deviceId: string }
  | { readonly status: 'done'; readonly device: DeviceSlice }
  | { readonly status: 'missing'; readonly deviceId: string }
  | { readonly status: 'error'; readonly deviceId: string; readonly message: string };

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
      (e: Error) => live && setLookup({ key, value: { status: 'error', deviceId, message: e.message } }),
    );
    return () => {
      live = false;
    };
  }, [runId, deviceId, enabled, key]);
  if (!enabled || !deviceId) return undefined;
  return lookup?.key === key ? lookup.value : { status: 'loading', deviceId };
}

/** Device ids of the fleet containing `query`, asked as the person types (a stale answer is dropped). */
export function useDeviceSearch(runId: number, query: string, limit: number, enabled: boolean): DeviceMatches | undefined {
  const [found, setFound] = useState<{ key: string; value: DeviceMatches }>();
  const key = `${runId}:${query.trim()}`;
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const job = engine.deviceSearch(runId, query.trim(), limit);
    job.promise.then(
      (r) => live && setFound({ key, value: r }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [runId, query, limit, enabled, key]);
  // the previous answer stays shown until the new one arrives (no flicker while typing)
  return enabled ? found?.value : undefined;
}
