/** Row indices ordered by (key, index): a stable argsort (event tables sort by time, then draw order). */
export function argsortStable(keys: ArrayLike<number>): Uint32Array {
  const n = keys.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx.sort((a, b) => keys[a] - keys[b] || a - b);
}

/** Round half away from zero to `dp` decimals (the declared scale of a decimal column). */
export function roundTo(x: number, dp: number): number {
  const f = 10 ** dp;
  return x < 0 ? -Math.round(-x * f) / f : Math.round(x * f) / f;
}

/** x limited to [min, max]. */
export const clip = (x: number, min: number, max: number) => (x < min ? min : x > max ? max : x);
