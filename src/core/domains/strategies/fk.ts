/**
 * Foreign-key strategies (spec §2 "Req FK model"). Parent ids are 1..P (the parent table is
 * finished, sorted and numbered before its children are generated).
 */
import { WeightedChoice } from '../../rng';
import { getColumn, numberColumn, type Column } from '../../table/column';
import { argsortStable } from '../sort';
import { Fenwick } from '../fenwick';
import type { GenContext, SkewProfile, Strategy } from '../model';
import { columnInstants, instants, numeric, type Path } from './paths';

const ids = (ctx: GenContext, values: Float64Array, valid?: Uint8Array): Column => numberColumn(ctx.column, 'int', values, valid);

/** Uniform over the parent's rows. */
export function fkUniform(parent: string): Strategy {
  return {
    kind: 'foreign_key',
    references: parent,
    generate(ctx) {
      const p = ctx.tableData(parent).length;
      const out = new Float64Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) out[i] = 1 + ctx.rng.index(p);
      return ids(ctx, out);
    },
  };
}

/** Children per parent for coverage and balance: rows are laid out parent by parent. */
function groupedIds(n: number, counts: Int32Array): Float64Array {
  const out = new Float64Array(n);
  let o = 0;
  for (let p = 0; p < counts.length; p++) for (let k = 0; k < counts[p]; k++) out[o++] = p + 1;
  return out;
}

/**
 * Coverage: one child per parent first, the rest uniform; child rows grouped by parent id.
 * With fewer children than parents (a ratio below 1), distinct parents are chosen instead.
 */
export function fkCoverage(parent: string): Strategy {
  return {
    kind: 'foreign_key_coverage',
    references: parent,
    generate(ctx) {
      const p = ctx.tableData(parent).length;
      const counts = new Int32Array(p);
      if (ctx.n < p) for (const j of ctx.rng.sampleWithoutReplacement(p, ctx.n)) counts[j] = 1;
      else {
        counts.fill(1);
        for (let i = p; i < ctx.n; i++) counts[ctx.rng.index(p)]++;
      }
      return ids(ctx, groupedIds(ctx.n, counts));
    },
  };
}

/** Balanced: every parent gets ⌊n/P⌋ or ⌈n/P⌉ children (readings per sensor, spec D17). */
export function fkBalanced(parent: string): Strategy {
  return {
    kind: 'foreign_key_balanced',
    references: parent,
    generate(ctx) {
      const p = ctx.tableData(parent).length;
      const counts = new Int32Array(p).fill(Math.floor(ctx.n / p));
      for (const j of ctx.rng.sampleWithoutReplacement(p, ctx.n % p)) counts[j]++;
      return ids(ctx, groupedIds(ctx.n, counts));
    },
  };
}

/** A zipf exponent per skew profile (spec §5 decision), or one value for both. */
export type Alpha = number | { readonly default: number; readonly reference: number };
export const alphaFor = (a: Alpha, skew: SkewProfile) => (typeof a === 'number' ? a : a[skew]);

/**
 * Zipf(α): parent of rank r has weight r^−α; ranks are a seeded permutation of the parents
 * (so the most popular are not ids 1–5, D16); exact truncated sampling over the N parents.
 */
export function fkZipf(parent: string, alpha: Alpha): Strategy {
  return {
    kind: 'foreign_key_zipf',
    references: parent,
    generate(ctx) {
      const p = ctx.tableData(parent).length;
      const a = alphaFor(alpha, ctx.skew);
      const ranks = ctx.fork('ranks').shuffle(Array.from({ length: p }, (_, i) => i));
      const w = new Array<number>(p);
      for (let r = 0; r < p; r++) w[ranks[r]] = (r + 1) ** -a;
      const choice = new WeightedChoice(w);
      const out = new Float64Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) out[i] = 1 + choice.at(ctx.rng.uniform());
      return ids(ctx, out);
    },
  };
}

/** Catalog: parent row i drawn with the reference list's weight i. */
export function fkCatalog(parent: string, weights: readonly number[]): Strategy {
  return {
    kind: 'foreign_key_catalog',
    references: parent,
    generate(ctx) {
      const p = ctx.tableData(parent).length;
      const choice = new WeightedChoice(weights.slice(0, p));
      const out = new Float64Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) out[i] = 1 + choice.at(ctx.rng.uniform());
      return ids(ctx, out);
    },
  };
}

export interface TimedParetoOptions {
  readonly alpha: number;
  /** A parent at the cap leaves the pool. */
  readonly cap: number;
  /** This table's time column (drawn here with its own strategy and stream). */
  readonly time: string;
  /** The parent's time column: a parent is eligible when its time ≤ the child's. */
  readonly parentTime: string;
}

/**
 * Pareto(α) with a cap, time-consistent (spec §2): draw the child's time from its profile,
 * then a parent whose time ≤ it, ∝ weight U^(−1/α) (a Fenwick tree over parents by time);
 * none eligible → redraw the time. Writes the time column too.
 */
export function fkParetoTimed(parent: string, o: TimedParetoOptions): Strategy & { capPerParent: number } {
  return {
    kind: 'foreign_key_pareto',
    references: parent,
    capPerParent: o.cap,
    writes: [o.time],
    generate(ctx) {
      const times = columnInstants(getColumn(ctx.tableData(parent), o.parentTime));
      const p = times.length;
      const order = argsortStable(times);
      const sortedTimes = new Float64Array(p);
      const weightRng = ctx.fork('weights');
      const w = new Float64Array(p);
      for (let j = 0; j < p; j++) w[j] = (1 - weightRng.uniform()) ** (-1 / o.alpha);
      const sortedW = new Float64Array(p);
      for (let k = 0; k < p; k++) {
        sortedTimes[k] = times[order[k]];
        sortedW[k] = w[order[k]];
      }
      const tree = new Fenwick(sortedW);
      const active = new Fenwick(new Float64Array(p).fill(1));
      const used = new Int32Array(p);
      const draw = ctx.strategyOf(o.time).sampler!(ctx);
      const timeRng = ctx.streamOf(o.time);
      const out = new Float64Array(ctx.n);
      const childTimes = new Float64Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) {
        for (let tries = 0; ; tries++) {
          if (tries > 100_000) throw new Error(`${ctx.table}.${ctx.column}: no ${parent} exists early enough for the drawn times`);
          const t = draw(timeRng);
          const k = upperBound(sortedTimes, t);
          if (k === 0 || active.prefix(k) < 0.5) continue;
          const j = tree.find(ctx.rng.uniform() * tree.prefix(k));
          if (j >= k || used[j] >= o.cap) continue;
          if (++used[j] === o.cap) {
            tree.add(j, -sortedW[j]);
            active.add(j, -1);
          }
          out[i] = order[j] + 1;
          childTimes[i] = t;
          break;
        }
      }
      ctx.provide(o.time, numberColumn(o.time, 'timestamp', childTimes));
      return ids(ctx, out);
    },
  };
}

/** How many of the ascending `sorted` are ≤ x. */
function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A uniform row of `childTable` among those whose `childFk` equals this row's `via` (the
 * order's shipping address among its customer's addresses); null when there is none.
 */
export function fkAmongChildren(childTable: string, childFk: string, via: Path): Strategy {
  return {
    kind: 'foreign_key_sibling',
    references: childTable,
    generate(ctx) {
      const owner = numeric(ctx, via).values;
      const { start, rows } = ctx.childIndex(childTable, childFk);
      const out = new Float64Array(ctx.n);
      let valid: Uint8Array | undefined;
      for (let i = 0; i < ctx.n; i++) {
        const p = owner[i] - 1;
        const k = start[p + 1] - start[p];
        if (k > 0) out[i] = rows[start[p] + ctx.rng.index(k)] + 1;
        else (valid ??= new Uint8Array(ctx.n).fill(1))[i] = 0;
      }
      return ids(ctx, out, valid);
    },
  };
}

export interface ActiveOptions {
  /** This row's time. */
  readonly time: Path;
  /** The parent's validity window, inclusive. */
  readonly start: string;
  readonly end: string;
  /** Share of rows that look for an active parent (the rest are null). */
  readonly share: number;
}

/** With probability `share`, a uniform parent active at the row's time (start ≤ t ≤ end); else null (D14). */
export function fkActiveAt(parent: string, o: ActiveOptions): Strategy {
  return {
    kind: 'foreign_key_active',
    references: parent,
    generate(ctx) {
      const pt = ctx.tableData(parent);
      const s = columnInstants(getColumn(pt, o.start));
      const e = columnInstants(getColumn(pt, o.end));
      const DAY = 86_400_000_000;
      const first = Math.floor(Math.min(...s) / DAY);
      const last = Math.floor(Math.max(...e) / DAY);
      const span = Math.max(0, last - first + 1);
      const start = new Int32Array(span + 1);
      for (let j = 0; j < s.length; j++) for (let d = Math.floor(s[j] / DAY); d <= Math.floor(e[j] / DAY); d++) start[d - first + 1]++;
      for (let d = 0; d < span; d++) start[d + 1] += start[d];
      const bucket = new Int32Array(start[span]);
      const fill = start.slice(0, span);
      for (let j = 0; j < s.length; j++) for (let d = Math.floor(s[j] / DAY); d <= Math.floor(e[j] / DAY); d++) bucket[fill[d - first]++] = j;
      const t = instants(ctx, o.time).values;
      const out = new Float64Array(ctx.n);
      const valid = new Uint8Array(ctx.n);
      const match = new Int32Array(s.length);
      for (let i = 0; i < ctx.n; i++) {
        if (ctx.rng.uniform() >= o.share) continue;
        const d = Math.floor(t[i] / DAY) - first;
        if (d < 0 || d >= span) continue;
        let m = 0;
        for (let k = start[d]; k < start[d + 1]; k++) {
          const j = bucket[k];
          if (s[j] <= t[i] && t[i] <= e[j]) match[m++] = j;
        }
        if (m === 0) continue;
        out[i] = match[ctx.rng.index(m)] + 1;
        valid[i] = 1;
      }
      return ids(ctx, out, valid);
    },
  };
}

/** A uniform parent among candidates that depend on another column's value (product name → its group's categories). */
export function fkMapped(parent: string, from: Path, candidates: (code: number) => readonly number[]): Strategy {
  return {
    kind: 'foreign_key_mapped',
    references: parent,
    generate(ctx) {
      const codes = numeric(ctx, from).values;
      const out = new Float64Array(ctx.n);
      const memo = new Map<number, readonly number[]>();
      for (let i = 0; i < ctx.n; i++) {
        let list = memo.get(codes[i]);
        if (!list) memo.set(codes[i], (list = candidates(codes[i])));
        out[i] = list[ctx.rng.index(list.length)];
      }
      return ids(ctx, out);
    },
  };
}

export interface DistinctOptions {
  /** Parents that each get exactly one child first (`status=returned`). */
  readonly first: Path;
  /** Then distinct parents drawn uniformly from these (`status=completed`). */
  readonly fill: Path;
  /** Only parents whose time is at least `marginDays` before the range end qualify. */
  readonly time: string;
  readonly marginDays: number;
}

/** Distinct parents: every `first` parent once, then uniform distinct `fill` parents up to the row count (returns, D13). */
export function fkDistinct(parent: string, o: DistinctOptions): Strategy {
  return {
    kind: 'foreign_key_distinct',
    references: parent,
    generate(ctx) {
      const pt = ctx.tableData(parent);
      const parentCtx = { ...ctx, n: pt.length, table: parent, col: (name: string) => getColumn(pt, name) };
      const first = numeric(parentCtx, o.first).values;
      const fill = numeric(parentCtx, o.fill).values;
      const t = instants(parentCtx, o.time).values;
      const latest = ctx.modelRange.endUs - o.marginDays * 86_400_000_000 - 1000;
      const a: number[] = [];
      const b: number[] = [];
      for (let j = 0; j < pt.length; j++) {
        if (t[j] > latest) continue;
        if (first[j]) a.push(j);
        else if (fill[j]) b.push(j);
      }
      const chosen = a.length >= ctx.n ? ctx.rng.sampleWithoutReplacement(a.length, ctx.n).map((k) => a[k]) : a.slice();
      const more = ctx.n - chosen.length;
      if (more > b.length) throw new Error(`${ctx.table}: ${ctx.n} rows need ${more} distinct ${parent} rows matching ${o.fill}, only ${b.length} exist`);
      if (more > 0) for (const k of ctx.fork('fill').sampleWithoutReplacement(b.length, more)) chosen.push(b[k]);
      return ids(ctx, Float64Array.from(chosen, (j) => j + 1));
    },
  };
}
