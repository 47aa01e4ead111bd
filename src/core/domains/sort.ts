/**
 * Row indices ordered by (key, index): a stable argsort (event tables sort by time, then draw
 * order). An LSD radix sort: no comparator (V8 refuses a custom comparator on typed arrays past
 * 2^31 elements, issue 7: "Custom comparefn not supported for huge TypedArrays"), linear time,
 * and the same order as a stable comparison sort.
 *
 * Whole-number keys within 2^53 of each other (instants in µs, ids) sort as their offset from
 * the smallest, in a thousandth when every key is a whole thousand (instants at ms resolution):
 * a year of milliseconds needs 35 bits, three passes. Other keys sort by their float64 bits,
 * six passes.
 */
export function argsortStable(keys: ArrayLike<number>): Uint32Array {
  const n = keys.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n < 2) return idx;
  let sorted = true;
  let whole = true;
  let thousands = true;
  let min = keys[0];
  let max = keys[0];
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (i > 0 && sorted && !(keys[i - 1] <= k)) sorted = false;
    if (k < min) min = k;
    else if (k > max) max = k;
    if (whole && !Number.isInteger(k)) whole = false;
    else if (thousands && k % 1000 !== 0) thousands = false;
  }
  if (sorted) return idx;
  if (whole && max - min <= Number.MAX_SAFE_INTEGER) return sortOffsets(keys, idx, min, thousands ? 1000 : 1, (max - min) / (thousands ? 1000 : 1));
  return sortFloatBits(keys, idx);
}

/** Keys (k − min) / unit, all whole numbers in [0, range]: as many ≤ 12-bit digits as range needs. */
function sortOffsets(keys: ArrayLike<number>, idx: Uint32Array, min: number, unit: number, range: number): Uint32Array {
  const n = keys.length;
  const bits = Math.max(1, Math.ceil(Math.log2(range + 1)));
  const passes = Math.ceil(bits / 12);
  const width = Math.ceil(bits / passes);
  const digits: (readonly [boolean, number, number])[] = [];
  for (let at = 0; at < bits; at += width) {
    const w = Math.min(width, bits - at);
    // a digit never straddles the two words: split it at bit 32
    if (at < 32 && at + w > 32) digits.push([false, at, 32 - at], [true, 0, at + w - 32]);
    else digits.push(at < 32 ? [false, at, w] : [true, at - 32, w]);
  }
  const hi = new Uint32Array(bits > 32 ? n : 0);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const v = (keys[i] - min) / unit;
    lo[i] = v % 4294967296;
    if (bits > 32) hi[i] = Math.floor(v / 4294967296);
  }
  return radixPasses(idx, hi, lo, digits);
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
  let hi2: Uint32Array = new Uint32Array(hi.length);
  let lo2: Uint32Array = new Uint32Array(n);
  const count = new Uint32Array(4097);
  for (const [fromHi, shift, bits] of digits) {
    const mask = bits === 32 ? 0xffffffff : (1 << bits) - 1;
    const words = fromHi ? hi : lo;
    count.fill(0);
    for (let i = 0; i < n; i++) count[((words[i] >>> shift) & mask) + 1]++;
    // a digit that is the same everywhere changes nothing
    if (count[((words[0] >>> shift) & mask) + 1] === n) continue;
    for (let d = 0; d < mask + 1; d++) count[d + 1] += count[d];
    const moveHi = hi.length > 0;
    for (let i = 0; i < n; i++) {
      const at = count[(words[i] >>> shift) & mask]++;
      idx2[at] = idx[i];
      if (moveHi) hi2[at] = hi[i];
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
