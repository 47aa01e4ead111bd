/** Drift and missing readings, applied in place to the readings' values (spec §3.1–3.2 with D5, D6, D13). */
import type { Rng } from '../../rng';
import { argsortBy, gather } from '../../sort';
import type { Readings } from './iot-telemetry.readings';

export interface Drift {
  /** Drifting series, in the order they were chosen. */
  readonly chosen: Int32Array;
  /** Per chosen series: readings, first and last reading time, the walk's final and largest absolute offset. */
  readonly rows: Int32Array;
  readonly first: Float64Array;
  readonly last: Float64Array;
  readonly finalOffset: Float64Array;
  readonly maxAbs: Float64Array;
  /** The walk's offset at each reading (NaN outside drifting series), for the charts. */
  readonly offset: Float64Array | null;
}

/** How many series drift: floor(|ids|·p), raised to 1 only when p > 0 (D6). */
export const driftingCount = (series: number, p: number) => (p > 0 && series > 0 ? Math.min(series, Math.max(1, Math.floor(series * p))) : 0);

/**
 * Choose the drifting series without replacement, then walk each in ascending time (ties by
 * row, untimed rows last; D5): every reading takes one N(0, rate) step and the value moves by
 * the walk so far. A null value stays null; its step still counts.
 */
export function applyDrift(r: Readings, p: number, rate: number, rng: Rng): Drift {
  const S = r.seriesKeys.length;
  const chosen = Int32Array.from(rng.fork('select').sampleWithoutReplacement(S, driftingCount(S, p)));
  const k = chosen.length;
  const rankOf = new Int32Array(S).fill(-1);
  chosen.forEach((s, j) => (rankOf[s] = j));
  const out = { chosen, rows: new Int32Array(k), first: new Float64Array(k), last: new Float64Array(k), finalOffset: new Float64Array(k), maxAbs: new Float64Array(k) };
  if (k === 0) return { ...out, offset: null };
  let m = 0;
  let minT = Number.POSITIVE_INFINITY;
  let maxT = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < r.n; i++) {
    if (r.series[i] >= 0 && rankOf[r.series[i]] >= 0) {
      m++;
      const t = r.time[i];
      if (t < minT) minT = t;
      if (t > maxT) maxT = t;
    }
  }
  const items = new Int32Array(m);
  const keys = new Float64Array(m);
  const untimedKey = maxT >= minT ? Math.round(maxT - minT) + 1 : 0;
  for (let i = 0, j = 0; i < r.n; i++) {
    if (r.series[i] >= 0 && rankOf[r.series[i]] >= 0) {
      items[j] = i;
      keys[j++] = r.time[i] === r.time[i] ? Math.round(r.time[i] - minT) : untimedKey;
    }
  }
  const byTime = gather(items, argsortBy(keys), new Int32Array(m));
  // a stable counting sort by chosen rank keeps each series in time order
  const start = new Int32Array(k + 1);
  for (let j = 0; j < m; j++) start[rankOf[r.series[byTime[j]]] + 1]++;
  for (let j = 0; j < k; j++) start[j + 1] += start[j];
  const at = start.slice(0, k);
  const grouped = new Int32Array(m);
  for (let j = 0; j < m; j++) grouped[at[rankOf[r.series[byTime[j]]]]++] = byTime[j];
  const walk = rng.fork('walk');
  const offset = new Float64Array(r.n).fill(Number.NaN);
  for (let j = 0; j < k; j++) {
    let cum = 0;
    let maxAbs = 0;
    let first = Number.NaN;
    let last = Number.NaN;
    for (let q = start[j]; q < start[j + 1]; q++) {
      const i = grouped[q];
      cum += rate * walk.standardNormal();
      offset[i] = cum;
      if (r.value[i] === r.value[i]) r.value[i] += cum;
      if (Math.abs(cum) > maxAbs) maxAbs = Math.abs(cum);
      const t = r.time[i];
      if (t === t) {
        if (!(first <= t)) first = t;
        last = t;
      }
    }
    out.rows[j] = start[j + 1] - start[j];
    out.first[j] = first;
    out.last[j] = last;
    out.finalOffset[j] = cum;
    out.maxAbs[j] = maxAbs;
  }
  return { ...out, offset };
}

export interface Missing {
  readonly injected: number;
  /** Per series (the last slot: readings without a series): nulled readings, first and last nulled time. */
  readonly count: Int32Array;
  readonly first: Float64Array;
  readonly last: Float64Array;
}

/** Null each reading with probability p; only values that were present count as injected (D13). */
export function applyMissing(r: Readings, p: number, rng: Rng): Missing {
  const S = r.seriesKeys.length;
  const count = new Int32Array(S + 1);
  const first = new Float64Array(S + 1).fill(Number.NaN);
  const last = new Float64Array(S + 1).fill(Number.NaN);
  let injected = 0;
  for (let i = 0; i < r.n; i++) {
    if (!(rng.uniform() < p) || r.value[i] !== r.value[i]) continue;
    r.value[i] = Number.NaN;
    injected++;
    const s = r.series[i] >= 0 ? r.series[i] : S;
    count[s]++;
    const t = r.time[i];
    if (t === t) {
      if (!(first[s] <= t)) first[s] = t;
      if (!(last[s] >= t)) last[s] = t;
    }
  }
  return { injected, count, first, last };
}
