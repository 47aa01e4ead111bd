import { radixSortBy } from '../sort';

/**
 * Row indices ordered by (key, index): a stable argsort (event tables sort by time, then draw
 * order), without a comparator (V8 refuses a custom comparator on typed arrays past 2^31
 * elements, issue 7: "Custom comparefn not supported for huge TypedArrays"), in linear time.
 *
 * Whole-number keys within 2^53 of each other (instants in µs, days, ids) go to the shared
 * integer radix sort as their offset from the smallest, in thousandths when every key is a
 * whole thousand (instants at ms resolution: a year of them needs 35 bits). Other keys sort by
 * their float64 bits, six passes.
 */
export function argsortStable(keys: ArrayLike<number>): Uint32Array | Int32Array {
  const n = keys.length;
  let sorted = true;
  let whole = true;
  let thousands = true;
  let min = n ? keys[0] : 0;
  let max = min;
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (i > 0 && sorted && !(keys[i - 1] <= k)) sorted = false;
    if (k < min) min = k;
    else if (k > max) max = k;
    if (whole && !Number.isInteger(k)) whole = false;
    else if (thousands && k % 1000 !== 0) thousands = false;
  }
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (sorted) return idx;
  if (whole && max - min <= Number.MAX_SAFE_INTEGER) {
    const unit = thousands ? 1000 : 1;
    const offsets = new Float64Array(n);
    for (let i = 0; i < n; i++) offsets[i] = (keys[i] - min) / unit;
    return radixSortBy(new Int32Array(idx.buffer), offsets, true);
  }
  return sortFloatBits(keys, idx);
}

/** Keys by their float64 bits: two uint32 halves whose unsigned order is the numeric order (-0 as 0; NaN last). */
function sortFloatBits(keys: ArrayLike<number>, idx: Uint32Array): Uint32Array {
  const n = keys.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const f = new Float64Array(1);
  const u = new Uint32Array(f.buffer);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
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
  return radixPasses(idx, hi, lo, DIGITS);
}

/** Stable LSD passes, one per [high word?, shift, bits] digit; keys travel with their indices (sequential reads). */
function radixPasses(idx: Uint32Array, hi: Uint32Array, lo: Uint32Array, digits: readonly (readonly [boolean, number, number])[]): Uint32Array {
  const n = idx.length;
  let idx2: Uint32Array = new Uint32Array(n);
  let hi2: Uint32Array = new Uint32Array(n);
  let lo2: Uint32Array = new Uint32Array(n);
  const count = new Uint32Array(2049);
  for (const [fromHi, shift, bits] of digits) {
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

const roundWith = (x: number, f: number) => (x < 0 ? -Math.round(-x * f) / f : Math.round(x * f) / f);

/** Round half away from zero to `dp` decimals (the declared scale of a decimal column). */
export function roundTo(x: number, dp: number): number {
  return roundWith(x, 10 ** dp);
}

/** {@link roundTo} over a whole column, in place (the power of ten computed once). */
export function roundEachTo(values: Float64Array, dp: number): void {
  const f = 10 ** dp;
  for (let i = 0; i < values.length; i++) values[i] = roundWith(values[i], f);
}

/** x limited to [min, max]. */
export const clip = (x: number, min: number, max: number) => (x < min ? min : x > max ? max : x);
