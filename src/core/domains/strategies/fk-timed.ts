/**
 * The time-consistent Pareto foreign key (orders → customer, transactions → account), with
 * counts per parent that keep a smooth long tail below the cap (spec/domains.md §7):
 *
 * 1. child times come from their own profile (seasonal), so the time marginal is exactly the
 *    declared one; none falls before the first parent exists;
 * 2. each parent gets an expected count ∝ activity × exposure: activity from a Pareto(α)
 *    truncated (not clipped) at a level where no parent expects more than a third of the cap,
 *    exposure the share of child times after the parent's own time (a customer who signed up
 *    last month has had little time to order; without it the first sign-ups take everything);
 * 3. counts are drawn multinomially from those expectations, capped (the cap then almost never
 *    binds: no pile-up at it);
 * 4. children, in time order, take a parent that exists by then, ∝ its remaining count (the
 *    eligible parents only grow with time, so this never runs dry while counts allow it; where
 *    chance says otherwise, the child's time is redrawn after the earliest parent left).
 */
import { getColumn, numberColumn } from '../../table/column';
import { AliasTable } from '../../rng';
import { Fenwick } from '../fenwick';
import type { GenContext, Strategy } from '../model';
import { argsortStable } from '../sort';
import { columnInstants } from './paths';

export interface TimedParetoOptions {
  readonly alpha: number;
  /** Children a parent may have at most. */
  readonly cap: number;
  /** This table's time column (drawn here with its own strategy and stream). */
  readonly time: string;
  /** The parent's time column: a parent is eligible when its time ≤ the child's. */
  readonly parentTime: string;
}

/** The largest expected count a parent may have, as a share of the cap. */
export const EXPECTED_SHARE_OF_CAP = 1 / 2;

/** Truncated Pareto(α) on [1, top] by inversion of the same uniforms, times exposure. */
function weights(u: Float64Array, exposure: Float64Array, alpha: number, top: number, out: Float64Array): number {
  const keep = 1 - top ** -alpha;
  const power = -1 / alpha;
  let sum = 0;
  // x^power as exp(power·ln x): half the time of Math.pow here, and this runs once per parent per pass
  for (let k = 0; k < u.length; k++) {
    out[k] = Math.exp(power * Math.log(1 - u[k] * keep)) * exposure[k];
    sum += out[k];
  }
  return sum;
}

/** How far log(top) may be from the largest truncation level that fits (0.01 % of top). */
const LOG_TOP_TOLERANCE = 1e-4;

/**
 * Weights whose largest expected count n·w/Σw is at most `most`: the truncation level found on
 * a log scale by regula falsi (Illinois), which needs a handful of passes over the parents
 * where bisection to the same tolerance needs 17; a pass costs a pow per parent.
 */
function cappedWeights(u: Float64Array, exposure: Float64Array, alpha: number, n: number, most: number): Float64Array {
  const w = new Float64Array(u.length);
  // excess(x) = log(largest expected count / most) at top = e^x: increasing in x, ≤ 0 where it
  // fits, and near linear in x (so the secant steps land close)
  const excess = (x: number) => {
    const sum = weights(u, exposure, alpha, Math.exp(x), w);
    let max = 0;
    for (let k = 0; k < w.length; k++) if (w[k] > max) max = w[k];
    return sum > 0 && max > 0 ? Math.log((n * max) / sum / most) : Number.POSITIVE_INFINITY;
  };
  let hi = Math.log(1e6);
  let fHi = excess(hi);
  let lo = 0;
  if (fHi > 0) {
    let fLo = excess(lo);
    let side = 0;
    for (let k = 0; k < 60 && fLo <= 0 && hi - lo > LOG_TOP_TOLERANCE; k++) {
      let x = Number.isFinite(fHi) ? (lo * fHi - hi * fLo) / (fHi - fLo) : (lo + hi) / 2;
      if (!(x > lo && x < hi)) x = (lo + hi) / 2;
      const f = excess(x);
      if (f <= 0) {
        lo = x;
        fLo = f;
        if (side < 0) fHi /= 2;
        side = -1;
      } else {
        hi = x;
        fHi = f;
        if (side > 0) fLo /= 2;
        side = 1;
      }
    }
    hi = lo;
  }
  weights(u, exposure, alpha, Math.exp(hi), w);
  return w;
}

/** Pareto(α) parents with a smooth tail below the cap, time-consistent; writes the child's time column too. */
export function fkParetoTimed(parent: string, o: TimedParetoOptions): Strategy & { capPerParent: number } {
  return {
    kind: 'foreign_key_pareto',
    references: parent,
    capPerParent: o.cap,
    writes: [o.time],
    generate(ctx: GenContext) {
      const times = columnInstants(getColumn(ctx.tableData(parent), o.parentTime));
      const p = times.length;
      const n = ctx.n;
      const order = argsortStable(times);
      const sortedTimes = Float64Array.from(order, (j) => times[j]);
      // 1. child times from their profile, none before the first parent exists
      const draw = ctx.strategyOf(o.time).sampler!(ctx);
      const timeRng = ctx.streamOf(o.time);
      const redraw = (after: number): number => {
        for (let tries = 0; tries < 100_000; tries++) {
          const t = draw(timeRng);
          if (t >= after) return t;
        }
        throw new Error(`${ctx.table}.${ctx.column}: no ${parent} exists early enough for the drawn times`);
      };
      const child = new Float64Array(n);
      for (let i = 0; i < n; i++) child[i] = redraw(sortedTimes[0]);
      child.sort();
      // 2. exposure: the share of child times at or after each parent's time
      const exposure = new Float64Array(p);
      for (let k = 0, before = 0; k < p; k++) {
        while (before < n && child[before] < sortedTimes[k]) before++;
        exposure[k] = (n - before) / Math.max(1, n);
      }
      const weightRng = ctx.fork('weights');
      const u = new Float64Array(p);
      for (let k = 0; k < p; k++) u[k] = weightRng.uniform();
      const w = cappedWeights(u, exposure, o.alpha, n, o.cap * EXPECTED_SHARE_OF_CAP);
      // 3. counts: a capped multinomial over the expectations (a parent at the cap is drawn again)
      const counts = new Float64Array(p);
      const uncapped = Float64Array.from(w);
      let pick = new AliasTable(uncapped);
      let total = 0;
      for (let k = 0; k < p; k++) total += w[k];
      let full = 0;
      const countRng = ctx.fork('counts');
      for (let i = 0; i < n; i++) {
        let k = pick.at(countRng.uniform());
        while (counts[k] === o.cap) k = pick.at(countRng.uniform());
        if (++counts[k] === o.cap) {
          uncapped[k] = 0;
          full += w[k];
          // once half the weight is at the cap, draw from the open parents only (bounded retries)
          if (full > total / 2 && i + 1 < n) {
            total = 0;
            for (let j = 0; j < p; j++) total += uncapped[j];
            if (!(total > 0)) throw new Error(`${ctx.table}.${ctx.column}: ${n} rows need more than ${o.cap} per ${parent} (${p} rows)`);
            pick = new AliasTable(uncapped);
            full = 0;
          }
        }
      }
      // 4. children in time order take an existing parent ∝ its remaining count
      const remaining = new Fenwick(counts);
      const out = new Float64Array(n);
      // the parents that exist by child i: child times ascend, so a pointer, not a search
      for (let i = 0, k = 0; i < n; i++) {
        while (k < p && sortedTimes[k] <= child[i]) k++;
        const open = remaining.prefix(k);
        let j: number;
        if (open >= 0.5) j = Math.min(k - 1, remaining.find(ctx.rng.uniform() * open));
        else {
          // chance left no parent of this time with a child to spare: move the child after the earliest that has one
          j = remaining.find(0);
          child[i] = redraw(sortedTimes[j]);
        }
        remaining.add(j, -1);
        out[i] = order[j] + 1;
      }
      ctx.provide(o.time, numberColumn(o.time, 'timestamp', child));
      return numberColumn(ctx.column, 'int', out);
    },
  };
}
