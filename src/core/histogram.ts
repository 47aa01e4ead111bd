/** One bar of a histogram: [lo, hi) with its count (hi = Infinity for the overflow bin). */
export interface Bin {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
}

/** Count `values` into bins with the given ascending edges; values below edges[0] are ignored. */
export function histogram(values: ArrayLike<number>, edges: readonly number[], include: (i: number) => boolean = () => true): Bin[] {
  return binsOf(countBins(values, edges, include), edges);
}

/**
 * Add the counts of `values` per bin of `edges` into `counts` (one per bin; zeros when not
 * given), for a histogram built chunk by chunk: the counts of every chunk added are the counts of
 * all the values at once.
 */
export function countBins(values: ArrayLike<number>, edges: readonly number[], include: (i: number) => boolean = () => true, counts: number[] = new Array<number>(edges.length - 1).fill(0)): number[] {
  for (let i = 0; i < values.length; i++) {
    if (!include(i)) continue;
    const v = values[i];
    if (!(v >= edges[0])) continue;
    let lo = 0;
    let hi = edges.length - 1;
    while (lo < hi - 1) {
      const mid = (lo + hi) >> 1;
      if (v >= edges[mid]) lo = mid;
      else hi = mid;
    }
    if (v < edges[edges.length - 1]) counts[lo]++;
  }
  return counts;
}

/** Bins from their counts ({@link countBins}). */
export function binsOf(counts: readonly number[], edges: readonly number[]): Bin[] {
  return counts.map((count, i) => ({ lo: edges[i], hi: edges[i + 1], count }));
}

/** Round a positive step to 1, 2 or 5 × a power of ten. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/** About `target` equal-width bins from 0 (or lo) to hi with nice edges, plus an overflow bin to Infinity. */
export function niceEdges(lo: number, hi: number, target = 20): number[] {
  const step = niceStep((hi - lo) / target);
  const start = Math.floor(lo / step) * step;
  const edges: number[] = [];
  for (let x = start; x <= hi + step / 2; x += step) edges.push(Number(x.toPrecision(12)));
  if (edges.length < 2) edges.push(start + step);
  edges.push(Infinity);
  return edges;
}

/** The q-quantile (0..1) of a sorted array, linearly interpolated (NumPy's default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const pos = (n - 1) * q;
  const i = Math.floor(pos);
  const frac = pos - i;
  return i + 1 < n ? sorted[i] + (sorted[i + 1] - sorted[i]) * frac : sorted[i];
}

/** Rearranges a[lo..hi] so that a[k] holds the k-th smallest value, no greater value before it, no smaller after (Hoare's select). */
function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): void {
  while (lo < hi) {
    const x = a[lo];
    const y = a[(lo + hi) >>> 1];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * The q-quantiles (ascending qs) of a, linearly interpolated as NumPy's default, by successive
 * selections: each narrows the range the next one searches, so the cost is a few passes over
 * the values rather than a sort. Reorders a.
 */
export function quantilesInPlace(a: Float64Array, qs: readonly number[]): number[] {
  const n = a.length;
  if (n === 0) return qs.map(() => 0);
  let lo = 0;
  return qs.map((q) => {
    const pos = (n - 1) * q;
    const i = Math.floor(pos);
    selectInPlace(a, i, lo, n - 1);
    lo = i;
    if (i + 1 >= n) return a[i];
    let next = Infinity;
    for (let j = i + 1; j < n; j++) if (a[j] < next) next = a[j];
    return a[i] + (next - a[i]) * (pos - i);
  });
}
