/**
 * Foreign-key strategies (spec §2 "Req FK model"). Parent ids are 1..P (the parent table is
 * finished, sorted and numbered before its children are generated).
 */
import { AliasTable } from '../../rng';
import { getColumn, numberColumn, type Column } from '../../table/column';
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

/** The most popular parent's share of the draws at most this, at every scale (spec §7). */
export const TOP_SHARE_BOUND = 0.15;

/** Share of the top rank under zipf(α) over n parents: 1 / H(n, α) (past 10,000 ranks the sum's tail is its integral, to 1e-9). */
export function zipfTopShare(parents: number, alpha: number): number {
  const exact = Math.min(parents, 10_000);
  let h = 0;
  for (let r = 1; r <= exact; r++) h += r ** -alpha;
  if (parents > exact) {
    const [a, b] = [exact + 0.5, parents + 0.5];
    h += Math.abs(alpha - 1) < 1e-12 ? Math.log(b / a) : (b ** (1 - alpha) - a ** (1 - alpha)) / (1 - alpha);
  }
  return 1 / h;
}

/**
 * The exponent in use for `parents` parents and `draws` draws (spec §7): the declared one when
 * the most popular parent's share stays within {@link TOP_SHARE_BOUND} with three standard
 * deviations of sampling noise to spare, else the largest flatter one that does (small
 * catalogues: 25 products at scale fixture). The `reference` profile keeps the declared value.
 */
export function zipfAlpha(parents: number, draws: number, declared: number, skew: SkewProfile): number {
  if (skew === 'reference' || parents < 2) return declared;
  const fits = (a: number) => {
    const p = zipfTopShare(parents, a);
    return p + 3 * Math.sqrt((p * (1 - p)) / Math.max(1, draws)) <= TOP_SHARE_BOUND;
  };
  if (fits(declared)) return declared;
  let lo = 0;
  let hi = declared;
  if (!fits(lo)) return 0;
  for (let k = 0; k < 30; k++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return Math.floor(lo * 1000) / 1000;
}

/**
 * Zipf(α): parent of rank r has weight r^−α; ranks are a seeded permutation of the parents
 * (so the most popular are not ids 1–5, D16); exact truncated sampling over the N parents
 * (an alias table: one uniform and O(1) per draw).
 * α is flattened where the top share would pass the 15 % bound ({@link zipfAlpha}).
 */
export function fkZipf(parent: string, alpha: Alpha): Strategy & { readonly alpha: Alpha } {
  return {
    kind: 'foreign_key_zipf',
    alpha,
    references: parent,
    generate(ctx) {
      const p = ctx.tableData(parent).length;
      const a = zipfAlpha(p, ctx.n, alphaFor(alpha, ctx.skew), ctx.skew);
      const ranks = ctx.fork('ranks').shuffle(Array.from({ length: p }, (_, i) => i));
      const w = new Float64Array(p);
      for (let r = 0; r < p; r++) w[ranks[r]] = (r + 1) ** -a;
      const choice = new AliasTable(w);
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
      const choice = new AliasTable(weights.slice(0, p));
      const out = new Float64Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) out[i] = 1 + choice.at(ctx.rng.uniform());
      return ids(ctx, out);
    },
  };
}

export { fkParetoTimed, type TimedParetoOptions } from './fk-timed';

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
