/**
 * Alerts (spec §3.3–3.5 with D7–D10b): storms of one type hitting a share of the online fleet
 * on whole hours, sparse baseline alerts independent of storms, and one battery_low per device
 * at the instant its battery first drops below 15 % inside the window.
 */
import type { Rng } from '../../rng';
import { Float64Growable, Int32Growable, Uint8Growable } from '../../table/column';
import { US_PER_HOUR, US_PER_MS } from '../../time';
import { BATTERY_LOW, BATTERY_LOW_LEVEL, RANDOM_ALERT_TYPES } from './iot-telemetry.constants';
import { depletionAt, type Fleet } from './iot-telemetry.fleet';

/** Alerts in generation order (storms by hour, then baseline by device, then battery crossings). */
export class RawAlerts {
  readonly device = new Int32Growable(1024);
  readonly type = new Uint8Growable(1024);
  readonly at = new Float64Growable(1024);
  /** Storm index, −1 outside storms. */
  readonly storm = new Int32Growable(1024);
  /** The alert id's key (k0, k1): disjoint spaces for storm, baseline and battery alerts. */
  readonly k0 = new Float64Growable(1024);
  readonly k1 = new Float64Growable(1024);

  get length(): number {
    return this.at.length;
  }

  push(device: number, type: number, at: number, storm: number, k0: number, k1: number): void {
    this.device.push(device);
    this.type.push(type);
    this.at.push(at);
    this.storm.push(storm);
    this.k0.push(k0);
    this.k1.push(k1);
  }
}

/** Key spaces of alert ids (k0 = 4·owner + space). */
export const STORM_KEY = 0;
export const BASELINE_KEY = 1;
export const BATTERY_KEY = 2;

export interface Storms {
  readonly hour: Int32Array;
  readonly start: Float64Array;
  /** min(start + duration, window end). */
  readonly end: Float64Array;
  readonly type: Uint8Array;
  /** The storm devices (fleet indices), in draw order. */
  readonly devices: Int32Array[];
  /** Alerts per storm device. */
  readonly perDevice: number;
}

export interface Window {
  readonly startUs: number;
  readonly endUs: number;
}

/**
 * Storms: for each whole hour of the window, with probability p, k = min(max(1,
 * floor(fraction·fleet)), candidates) devices not offline at the storm start are drawn
 * without replacement; the storm has one random non-battery type, and each of its devices
 * raises `perDevice` alerts at offsets U(0, min(duration, end − start)) (whole ms).
 */
export function drawStorms(fleet: Fleet, w: Window, p: { probability: number; durationUs: number; perDevice: number; fraction: number }, rng: Rng, out: RawAlerts): Storms {
  const hours = Math.ceil((w.endUs - w.startUs) / US_PER_HOUR);
  const hour: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const type: number[] = [];
  const devices: Int32Array[] = [];
  const want = Math.max(1, Math.floor(p.fraction * fleet.size));
  const depletion = Float64Array.from({ length: fleet.size }, (_, d) => depletionAt(fleet, d, w.startUs));
  for (let h = 0; h < hours; h++) {
    if (!(rng.uniform() < p.probability)) continue;
    const s = w.startUs + h * US_PER_HOUR;
    const candidates: number[] = [];
    for (let d = 0; d < fleet.size; d++) if (!fleet.offline[d] && depletion[d] > s) candidates.push(d);
    if (candidates.length === 0) continue;
    const chosen = Int32Array.from(rng.sampleWithoutReplacement(candidates.length, Math.min(want, candidates.length)), (j) => candidates[j]);
    const b = hour.length;
    const t = RANDOM_ALERT_TYPES[rng.index(RANDOM_ALERT_TYPES.length)];
    const e = Math.min(s + p.durationUs, w.endUs);
    const spanMs = (e - s) / US_PER_MS;
    hour.push(h);
    start.push(s);
    end.push(e);
    type.push(t);
    devices.push(chosen);
    let j = 0;
    for (const d of chosen) for (let i = 0; i < p.perDevice; i++) out.push(d, t, s + Math.floor(rng.uniform() * spanMs) * US_PER_MS, b, 4 * h + STORM_KEY, j++);
  }
  return { hour: Int32Array.from(hour), start: Float64Array.from(start), end: Float64Array.from(end), type: Uint8Array.from(type), devices, perDevice: p.perDevice };
}

/**
 * Baseline alerts (D7, D8): per online device, Poisson(D/8) alerts at U(0, D) offsets with a
 * random non-battery type; an alert at or after the device's battery runs out is not sent.
 */
export function drawBaseline(fleet: Fleet, w: Window, rng: Rng, out: RawAlerts): void {
  const windowMs = (w.endUs - w.startUs) / US_PER_MS;
  const lambda = (w.endUs - w.startUs) / US_PER_HOUR / 8;
  for (let d = 0; d < fleet.size; d++) {
    if (fleet.offline[d]) continue;
    const n = rng.poisson(lambda);
    const dep = depletionAt(fleet, d, w.startUs);
    for (let j = 0; j < n; j++) {
      const at = w.startUs + Math.floor(rng.uniform() * windowMs) * US_PER_MS;
      const t = RANDOM_ALERT_TYPES[rng.index(RANDOM_ALERT_TYPES.length)];
      if (at < dep) out.push(d, t, at, -1, 4 * d + BASELINE_KEY, j);
    }
  }
}

/**
 * The first whole millisecond at which device d's battery is below 15 %, when that is inside
 * the window (D10): only devices that start at or above 15 % and drain.
 */
export function batteryLowAt(fleet: Fleet, d: number, w: Window): number | null {
  const b0 = fleet.b0[d];
  const r = fleet.rate[d];
  if (fleet.offline[d] || b0 !== b0 || b0 < BATTERY_LOW_LEVEL || !(r > 0)) return null;
  const crossUs = ((b0 - BATTERY_LOW_LEVEL) / r) * US_PER_HOUR;
  const t = w.startUs + (Math.floor(crossUs / US_PER_MS) + 1) * US_PER_MS;
  return t < w.endUs ? t : null;
}

export function drawBatteryLow(fleet: Fleet, w: Window, out: RawAlerts): number {
  let n = 0;
  for (let d = 0; d < fleet.size; d++) {
    const t = batteryLowAt(fleet, d, w);
    if (t === null) continue;
    out.push(d, BATTERY_LOW, t, -1, 4 * d + BATTERY_KEY, 0);
    n++;
  }
  return n;
}
