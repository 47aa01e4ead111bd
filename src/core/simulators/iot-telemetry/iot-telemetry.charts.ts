/**
 * Chart data for the IoT telemetry page, small for any fleet: downsampled readings of a few
 * chosen devices (drift and gaps visible), alerts over time with storms to shade, fleet status,
 * battery distribution, alert mix, and a detail view (readings, alerts, battery over time) for
 * the same devices. Any other device's detail is read from the held run on request
 * (iot-telemetry.device.ts).
 */
import { roundTo } from '../../domains/sort';
import { cellAt } from '../../table/column';
import { formatIso } from '../../time';
import { TimeBuckets } from '../../time-buckets';
import { batteryLowAt, type RawAlerts, type Storms, type Window } from './iot-telemetry.alerts';
import { ALERT_SEVERITY, ALERT_TYPES, BATTERY_LOW, DEGRADED, FLEET_STATUSES, OFFLINE, ONLINE, SEVERITIES } from './iot-telemetry.constants';
import { batteryCurve } from './iot-telemetry.device';
import { depletionAt, type Fleet } from './iot-telemetry.fleet';
import type { Readings } from './iot-telemetry.readings';
import type { FleetHealth } from './iot-telemetry.tables';

/** Devices charted and detailed. */
export const CHART_DEVICES = 6;
/** Alerts listed per detailed device. */
export const DETAIL_ALERTS = 200;
export const MAX_CHART_STORMS = 500;

export type ChosenReason = 'drift' | 'gaps' | 'storm' | 'battery' | 'fleet';

export interface DeviceSeries {
  readonly deviceId: string;
  readonly reason: ChosenReason;
  /** Per bucket: mean, min and max of the present values (null when none), nulls, mean drift offset (null outside drift). */
  readonly mean: (number | null)[];
  readonly min: (number | null)[];
  readonly max: (number | null)[];
  readonly missing: number[];
  readonly driftOffset: (number | null)[];
}

export interface DeviceDetail {
  readonly deviceId: string;
  readonly status: string;
  readonly batteryStart: number | null;
  readonly batteryEnd: number | null;
  readonly drainPerHour: number;
  readonly batteryLowAt: string | null;
  readonly depletedAt: string | null;
  readonly readings: number;
  readonly missingRate: number;
  readonly lastReadingAt: string | null;
  readonly driftDetected: boolean;
  /** The device's alerts in time order (the first DETAIL_ALERTS). */
  readonly alerts: { at: string; type: string; severity: string; stormId: string | null }[];
  readonly alertCount: number;
  /** Battery over the window: its level at the start, at the 15 % crossing, at depletion and at the end (linear between). */
  readonly battery: { at: string; level: number }[];
}

export interface IotCharts {
  readonly mode: 'generated' | 'supplied';
  readonly window: { readonly start: string; readonly end: string };
  /** Over the readings' span (and the window): buckets of at most 300. */
  readonly readings: { readonly bucketMinutes: number; readonly bucketStarts: string[]; readonly devices: DeviceSeries[] };
  /** Over the window, at least hourly buckets. */
  readonly alertsOverTime: { readonly bucketMinutes: number; readonly bucketStarts: string[]; readonly storm: number[]; readonly baseline: number[]; readonly battery: number[] };
  readonly storms: { id: string; type: string; start: string; end: string; devices: number; alerts: number }[];
  readonly fleetStatus: { online: number; degraded: number; offline: number };
  /** Batteries at the start and the end of the window in 10 % bins; devices without a battery counted apart. */
  readonly battery: { readonly bins: { from: number; to: number; start: number; end: number }[]; readonly none: number };
  readonly alertTypes: { type: string; severity: string; count: number }[];
  readonly deviceDetails: DeviceDetail[];
}

const round = (x: number, dp = 3) => roundTo(x, dp) + 0;

/** Up to CHART_DEVICES devices with readings, the interesting first: drift, gaps, a storm, a battery crossing, then fleet order. */
export function chooseDevices(fleet: Fleet, h: FleetHealth, storms: Storms, w: Window): { device: number; reason: ChosenReason }[] {
  const out: { device: number; reason: ChosenReason }[] = [];
  const add = (d: number, reason: ChosenReason) => {
    if (out.length < CHART_DEVICES && d >= 0 && h.readings[d] > 0 && !out.some((x) => x.device === d)) out.push({ device: d, reason });
  };
  const all = Array.from({ length: fleet.size }, (_, d) => d);
  all.filter((d) => h.drift[d]).slice(0, 2).forEach((d) => add(d, 'drift'));
  all
    .filter((d) => h.missingRate[d] > 0)
    .sort((a, b) => h.missingRate[b] - h.missingRate[a] || a - b)
    .slice(0, 2)
    .forEach((d) => add(d, 'gaps'));
  if (storms.devices.length) add(storms.devices[0][0], 'storm');
  const crossing = all.find((d) => batteryLowAt(fleet, d, w) !== null);
  if (crossing !== undefined) add(crossing, 'battery');
  for (const d of all) add(d, 'fleet');
  return out;
}

function readingSeries(r: Readings, drift: Float64Array | null, chosen: { device: number; reason: ChosenReason }[], fleet: Fleet, w: Window) {
  let lo = w.startUs;
  let hi = w.endUs;
  for (let i = 0; i < r.n; i++) {
    const t = r.time[i];
    if (t < lo) lo = t;
    if (t >= hi) hi = t + 1;
  }
  const buckets = new TimeBuckets(lo, hi);
  const nb = buckets.count;
  const slotOf = new Int32Array(fleet.size).fill(-1);
  chosen.forEach((c, k) => (slotOf[c.device] = k));
  const k = chosen.length;
  const sum = new Float64Array(k * nb);
  const cnt = new Float64Array(k * nb);
  const min = new Float64Array(k * nb).fill(Number.POSITIVE_INFINITY);
  const max = new Float64Array(k * nb).fill(Number.NEGATIVE_INFINITY);
  const miss = new Float64Array(k * nb);
  const dsum = new Float64Array(k * nb);
  const dcnt = new Float64Array(k * nb);
  for (let i = 0; i < r.n; i++) {
    const s = r.device[i] >= 0 ? slotOf[r.device[i]] : -1;
    if (s < 0) continue;
    const b = buckets.index(r.time[i]);
    if (b < 0) continue;
    const at = s * nb + b;
    const v = r.value[i];
    if (v !== v) miss[at]++;
    else {
      sum[at] += v;
      cnt[at]++;
      if (v < min[at]) min[at] = v;
      if (v > max[at]) max[at] = v;
    }
    if (drift && drift[i] === drift[i]) {
      dsum[at] += drift[i];
      dcnt[at]++;
    }
  }
  const slice = (a: Float64Array, j: number) => Array.from(a.subarray(j * nb, (j + 1) * nb));
  return {
    bucketMinutes: buckets.bucketMinutes,
    bucketStarts: buckets.starts(),
    devices: chosen.map((c, j) => ({
      deviceId: String(cellAt(fleet.ids, c.device)),
      reason: c.reason,
      mean: slice(sum, j).map((x, b) => (cnt[j * nb + b] ? round(x / cnt[j * nb + b]) : null)),
      min: slice(min, j).map((x) => (x === Number.POSITIVE_INFINITY ? null : round(x))),
      max: slice(max, j).map((x) => (x === Number.NEGATIVE_INFINITY ? null : round(x))),
      missing: slice(miss, j),
      driftOffset: slice(dsum, j).map((x, b) => (dcnt[j * nb + b] ? round(x / dcnt[j * nb + b], 6) : null)),
    })),
  };
}

export function iotCharts(x: {
  mode: 'generated' | 'supplied';
  fleet: Fleet;
  readings: Readings;
  driftOffset: Float64Array | null;
  raw: RawAlerts;
  order: Int32Array;
  storms: Storms;
  stormIds: string[];
  health: FleetHealth;
  window: Window;
}): IotCharts {
  const { fleet, health: h, window: w, raw, storms } = x;
  const chosen = chooseDevices(fleet, h, storms, w);
  const hourly = new TimeBuckets(w.startUs, w.endUs, 60);
  const perHour = [new Array<number>(hourly.count).fill(0), new Array<number>(hourly.count).fill(0), new Array<number>(hourly.count).fill(0)];
  const typeCount = new Array<number>(ALERT_TYPES.length).fill(0);
  const slotOf = new Int32Array(fleet.size).fill(-1);
  chosen.forEach((c, k) => (slotOf[c.device] = k));
  const details = chosen.map(() => [] as DeviceDetail['alerts']);
  const alertCount = new Array<number>(chosen.length).fill(0);
  for (let j = 0; j < x.order.length; j++) {
    const i = x.order[j];
    const t = raw.at.data[i];
    const type = raw.type.data[i];
    const storm = raw.storm.data[i];
    typeCount[type]++;
    const b = hourly.index(t);
    if (b >= 0) perHour[storm >= 0 ? 0 : type === BATTERY_LOW ? 2 : 1][b]++;
    const k = slotOf[raw.device.data[i]];
    if (k >= 0) {
      alertCount[k]++;
      if (details[k].length < DETAIL_ALERTS) details[k].push({ at: formatIso(t), type: ALERT_TYPES[type], severity: SEVERITIES[ALERT_SEVERITY[type]], stormId: storm >= 0 ? x.stormIds[storm] : null });
    }
  }
  const bins = Array.from({ length: 10 }, (_, k) => ({ from: k * 10, to: (k + 1) * 10, start: 0, end: 0 }));
  const bin = (v: number) => Math.min(9, Math.max(0, Math.floor(v / 10)));
  let none = 0;
  for (let d = 0; d < fleet.size; d++) {
    if (fleet.b0[d] !== fleet.b0[d]) {
      none++;
      continue;
    }
    bins[bin(fleet.b0[d])].start++;
    bins[bin(h.battery[d])].end++;
  }
  const count = (s: number) => h.status.reduce((a, v) => a + (v === s ? 1 : 0), 0);
  return {
    mode: x.mode,
    window: { start: formatIso(w.startUs), end: formatIso(w.endUs) },
    readings: readingSeries(x.readings, x.driftOffset, chosen, fleet, w),
    alertsOverTime: { bucketMinutes: hourly.bucketMinutes, bucketStarts: hourly.starts(), storm: perHour[0], baseline: perHour[1], battery: perHour[2] },
    storms: Array.from({ length: Math.min(MAX_CHART_STORMS, storms.hour.length) }, (_, b) => ({
      id: x.stormIds[b],
      type: ALERT_TYPES[storms.type[b]],
      start: formatIso(storms.start[b]),
      end: formatIso(storms.end[b]),
      devices: storms.devices[b].length,
      alerts: storms.devices[b].length * storms.perDevice,
    })),
    fleetStatus: { online: count(ONLINE), degraded: count(DEGRADED), offline: count(OFFLINE) },
    battery: { bins, none },
    alertTypes: ALERT_TYPES.map((type, t) => ({ type, severity: SEVERITIES[ALERT_SEVERITY[t]], count: typeCount[t] })),
    deviceDetails: chosen.map(({ device: d }, k) => {
      const low = batteryLowAt(fleet, d, w);
      const dep = depletionAt(fleet, d, w.startUs);
      return {
        deviceId: String(cellAt(fleet.ids, d)),
        status: FLEET_STATUSES[h.status[d]],
        batteryStart: fleet.b0[d] === fleet.b0[d] ? fleet.b0[d] : null,
        batteryEnd: h.battery[d] === h.battery[d] ? h.battery[d] : null,
        drainPerHour: round(fleet.rate[d], 6),
        batteryLowAt: low === null ? null : formatIso(low),
        depletedAt: dep < w.endUs ? formatIso(dep) : null,
        readings: h.readings[d],
        missingRate: round(h.missingRate[d], 4),
        lastReadingAt: h.lastReading[d] === h.lastReading[d] ? formatIso(h.lastReading[d]) : null,
        driftDetected: h.drift[d] === 1,
        alerts: details[k],
        alertCount: alertCount[k],
        battery: batteryCurve(fleet, d, w).map((p) => ({ at: formatIso(p.atUs), level: p.level })),
      };
    }),
  };
}
