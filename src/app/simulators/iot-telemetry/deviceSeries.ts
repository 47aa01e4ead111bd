/**
 * A device's readings shaped for its charts: per series (sensor) the mean, min–max band and
 * missing readings per time bucket (a bucket without a value breaks the line: a gap), and for a
 * drifting series the value without its drift (so the drift shows as the distance between two
 * lines); its storms as spans and its other alerts as marks on the same time axis.
 */
import { ALERT_SEVERITY, ALERT_TYPES, SEVERITIES } from '../../../core/simulators/iot-telemetry/iot-telemetry.constants';
import type { AlertType, DeviceSlice } from '../../../core/simulators/iot-telemetry/iot-telemetry.device';
import { TimeBuckets } from '../../../core/time-buckets';

export interface BucketRow {
  /** Bucket centre, epoch ms (the chart's x). */
  readonly t: number;
  readonly startMs: number;
  readonly mean: number | null;
  readonly band: readonly [number, number] | null;
  /** Mean of the values without their drift (drifting series only). */
  readonly base: number | null;
  readonly missing: number;
}

export interface SeriesChart {
  readonly key: string;
  readonly readings: number;
  readonly missing: number;
  readonly drifting: boolean;
  /** Largest drift added to a reading (absolute, value units). */
  readonly maxDrift: number;
  readonly rows: readonly BucketRow[];
}

export interface AlertMark {
  readonly ms: number;
  readonly type: AlertType;
  readonly severity: (typeof SEVERITIES)[number];
}

export interface DeviceCharts {
  readonly startMs: number;
  readonly endMs: number;
  readonly bucketMinutes: number;
  readonly series: readonly SeriesChart[];
  /** Readings whose series key is null (not drawn). */
  readonly unkeyed: number;
  /** Readings without a time (not drawn). */
  readonly untimed: number;
  readonly storms: readonly { readonly id: string; readonly type: AlertType; readonly fromMs: number; readonly toMs: number }[];
  /** Alerts outside storms, in time order. */
  readonly marks: readonly AlertMark[];
}

const US_PER_MS = 1000;
const round = (x: number) => Math.round(x * 1000) / 1000 + 0;

/** Buckets over the window and every timed reading of the device (readings may lie outside the window). */
function bucketsOf(d: DeviceSlice): TimeBuckets {
  let lo = d.window.startUs;
  let hi = d.window.endUs;
  for (const t of d.readings.time) {
    if (t < lo) lo = t;
    if (t >= hi) hi = t + 1;
  }
  return new TimeBuckets(lo, hi);
}

/** The device's series, its storms and its other alerts on one bucketed time axis. */
export function deviceCharts(d: DeviceSlice): DeviceCharts {
  const b = bucketsOf(d);
  const nb = b.count;
  const S = d.series.length;
  const sum = new Float64Array(S * nb);
  const cnt = new Float64Array(S * nb);
  const min = new Float64Array(S * nb).fill(Number.POSITIVE_INFINITY);
  const max = new Float64Array(S * nb).fill(Number.NEGATIVE_INFINITY);
  const miss = new Float64Array(S * nb);
  const baseSum = new Float64Array(S * nb);
  const baseCnt = new Float64Array(S * nb);
  const drifting = new Uint8Array(S);
  const maxDrift = new Float64Array(S);
  const readings = new Float64Array(S);
  let unkeyed = 0;
  let untimed = 0;
  const { time, value, series, drift } = d.readings;
  for (let j = 0; j < time.length; j++) {
    const s = series[j];
    if (s < 0) {
      unkeyed++;
      continue;
    }
    readings[s]++;
    const off = drift ? drift[j] : Number.NaN;
    if (off === off) {
      drifting[s] = 1;
      if (Math.abs(off) > maxDrift[s]) maxDrift[s] = Math.abs(off);
    }
    const k = b.index(time[j]);
    if (k < 0) {
      untimed++;
      continue;
    }
    const at = s * nb + k;
    const v = value[j];
    if (v !== v) {
      miss[at]++;
      continue;
    }
    sum[at] += v;
    cnt[at]++;
    if (v < min[at]) min[at] = v;
    if (v > max[at]) max[at] = v;
    if (off === off) {
      baseSum[at] += v - off;
      baseCnt[at]++;
    }
  }
  const widthMs = b.widthUs / US_PER_MS;
  const startMs = b.startUs / US_PER_MS;
  const out: SeriesChart[] = d.series.map((key, s) => {
    const rows: BucketRow[] = [];
    let missing = 0;
    for (let k = 0; k < nb; k++) {
      const at = s * nb + k;
      missing += miss[at];
      rows.push({
        t: startMs + (k + 0.5) * widthMs,
        startMs: startMs + k * widthMs,
        mean: cnt[at] ? round(sum[at] / cnt[at]) : null,
        band: cnt[at] ? [round(min[at]), round(max[at])] : null,
        base: baseCnt[at] ? round(baseSum[at] / baseCnt[at]) : null,
        missing: miss[at],
      });
    }
    return { key, readings: readings[s], missing, drifting: drifting[s] === 1, maxDrift: round(maxDrift[s]), rows };
  });
  const marks: AlertMark[] = [];
  d.alerts.time.forEach((t, j) => {
    if (d.alerts.storm[j] >= 0) return;
    const type = d.alerts.type[j];
    marks.push({ ms: t / US_PER_MS, type: ALERT_TYPES[type], severity: SEVERITIES[ALERT_SEVERITY[type]] });
  });
  return {
    startMs,
    endMs: startMs + nb * widthMs,
    bucketMinutes: b.bucketMinutes,
    series: out,
    unkeyed,
    untimed,
    storms: d.storms.map((s) => ({ id: s.id, type: s.type, fromMs: s.startUs / US_PER_MS, toMs: s.endUs / US_PER_MS })),
    marks,
  };
}
