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
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
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
  let tmp = new Uint32Array(n);
  const count = new Uint32Array(65_537);
  for (let pass = 0; pass < 4; pass++) {
    const words = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[((words[idx[i]] >>> shift) & 0xffff) + 1]++;
    // a pass whose digit is the same everywhere changes nothing
    if (count[((words[idx[0]] >>> shift) & 0xffff) + 1] === n) continue;
    for (let d = 0; d < 65_536; d++) count[d + 1] += count[d];
    for (let i = 0; i < n; i++) {
      const j = idx[i];
      tmp[count[(words[j] >>> shift) & 0xffff]++] = j;
    }
    [idx, tmp] = [tmp, idx];
  }
  return idx;
}

/** Round half away from zero to `dp` decimals (the declared scale of a decimal column). */
export function roundTo(x: number, dp: number): number {
  const f = 10 ** dp;
  return x < 0 ? -Math.round(-x * f) / f : Math.round(x * f) / f;
}

/** x limited to [min, max]. */
export const clip = (x: number, min: number, max: number) => (x < min ? min : x > max ? max : x);
