/**
 * Row indices ordered by (key, index): a stable argsort (event tables sort by time, then draw
 * order). An LSD radix sort on the keys' float64 bits, 16 bits a pass: no comparator (V8 refuses
 * a custom comparator on typed arrays past 2^31 elements, issue 7: "Custom comparefn not
 * supported for huge TypedArrays"), linear time, and the same order as a stable comparison sort.
 */
export function argsortStable(keys: ArrayLike<number>): Uint32Array {
  const n = keys.length;
  let idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n < 2) return idx;
  // float64 → two uint32 halves whose unsigned order is the numeric order (-0 as 0; NaN last)
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  const f = new Float64Array(1);
  const u = new Uint32Array(f.buffer);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (i > 0 && sorted && !(keys[i - 1] <= k)) sorted = false;
    f[0] = k === 0 ? 0 : k;
    let h = u[1];
    let l = u[0];
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    hi[i] = h;
    lo[i] = l;
  }
  if (sorted) return idx;
  // keys travel with their indices (sequential reads); 11-bit digits keep the buckets in cache
  let idx2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  const count = new Uint32Array(2049);
  for (const [fromHi, shift, bits] of DIGITS) {
    const mask = (1 << bits) - 1;
    const words = fromHi ? hi : lo;
    count.fill(0);
    for (let i = 0; i < n; i++) count[((words[i] >>> shift) & mask) + 1]++;
    // a digit that is the same everywhere changes nothing
    if (count[((words[0] >>> shift) & mask) + 1] === n) continue;
    for (let d = 0; d < mask + 1; d++) count[d + 1] += count[d];
    for (let i = 0; i < n; i++) {
      const at = count[(words[i] >>> shift) & mask]++;
      idx2[at] = idx[i];
      hi2[at] = hi[i];
      lo2[at] = lo[i];
    }
    [idx, idx2] = [idx2, idx];
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
  }
  return idx;
}

/** LSD passes over the 64 key bits: [high word?, shift, bits]. */
const DIGITS: readonly (readonly [boolean, number, number])[] = [
  [false, 0, 11],
  [false, 11, 11],
  [false, 22, 10],
  [true, 0, 11],
  [true, 11, 11],
  [true, 22, 10],
];

/** Round half away from zero to `dp` decimals (the declared scale of a decimal column). */
export function roundTo(x: number, dp: number): number {
  const f = 10 ** dp;
  return x < 0 ? -Math.round(-x * f) / f : Math.round(x * f) / f;
}

/** x limited to [min, max]. */
export const clip = (x: number, min: number, max: number) => (x < min ? min : x > max ? max : x);
