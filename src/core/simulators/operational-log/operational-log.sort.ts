import { US_PER_MS } from '../../time';

const RADIX_BITS = 14;
const RADIX = 1 << RADIX_BITS;
const MASK = RADIX - 1;
const LO_BITS = 28;
const LO_SPAN = 2 ** LO_BITS;

/**
 * The order of rows by (timestamp, generation index): an LSD radix sort on whole milliseconds
 * since `originUs`, which is stable, so ties keep generation order (D12). Linear in n: a
 * comparison sort of 2 M indices costs seconds in JS, this costs tens of milliseconds (two
 * 14-bit passes cover 186 days of milliseconds).
 * Every `us[i] − originUs` must be a non-negative whole number of milliseconds.
 */
export function argsortByTime(us: Float64Array, n: number, originUs: number): Int32Array {
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const k = (us[i] - originUs) / US_PER_MS;
    if (k > max) max = k;
    const h = Math.floor(k / LO_SPAN);
    hi[i] = h;
    lo[i] = k - h * LO_SPAN;
  }
  let idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n < 2) return idx;
  const bits = Math.max(1, Math.ceil(Math.log2(max + 1)));
  const passes = Math.ceil(bits / RADIX_BITS);
  let nLo = new Uint32Array(n);
  let nHi = new Uint32Array(n);
  let nIdx = new Int32Array(n);
  const count = new Int32Array(RADIX);
  for (let p = 0; p < passes; p++) {
    const shift = p * RADIX_BITS;
    const fromHi = shift >= LO_BITS;
    // LO_BITS is two digits wide, so a digit never straddles lo and hi
    const src = fromHi ? hi : lo;
    const s = fromHi ? shift - LO_BITS : shift;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(src[i] >>> s) & MASK]++;
    let acc = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = count[d];
      count[d] = acc;
      acc += c;
    }
    for (let i = 0; i < n; i++) {
      const at = count[(src[i] >>> s) & MASK]++;
      nLo[at] = lo[i];
      nHi[at] = hi[i];
      nIdx[at] = idx[i];
    }
    [lo, nLo] = [nLo, lo];
    [hi, nHi] = [nHi, hi];
    [idx, nIdx] = [nIdx, idx];
  }
  return idx;
}

/** inverse[perm[i]] = i. */
export function invertPermutation(perm: Int32Array): Int32Array {
  const inv = new Int32Array(perm.length);
  for (let i = 0; i < perm.length; i++) inv[perm[i]] = i;
  return inv;
}
