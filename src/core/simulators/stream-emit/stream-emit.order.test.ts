// The send order: the canonical order against a plain comparison sort, and the Fenwick
// out-of-order construction against the spec's moves replayed one by one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../rng';
import { canonicalOrder, outOfOrderCount, reorder } from './stream-emit.order';

/** The spec's §5 #5 moves, replayed literally on an array (the oracle). */
function naiveReorder(n: number, p: number, maxDelay: number, seed: string): number[] {
  const rng = new Rng(seed);
  const m = outOfOrderCount(n, p);
  const order = Array.from({ length: n }, (_, i) => i);
  if (m === 0) return order;
  const positions = rng.sampleWithoutReplacement(n - 1, m).sort((a, b) => b - a);
  for (const i of positions) {
    const d = rng.int(1, maxDelay);
    const [event] = order.splice(i, 1);
    order.splice(Math.min(i + d, n - 1), 0, event);
  }
  return order;
}

describe('canonicalOrder', () => {
  it('puts untimed rows first in index order, then timed rows by (time, index)', () =>
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -5e15, max: 5e15 }), { nil: null, freq: 4 }), { maxLength: 300 }), (times) => {
        const et = Float64Array.from(times, (t) => (t === null ? Number.NaN : t));
        const idx = times.map((_, i) => i);
        const want = [...idx.filter((i) => times[i] === null), ...idx.filter((i) => times[i] !== null).sort((a, b) => times[a]! - times[b]! || a - b)];
        expect(Array.from(canonicalOrder(et))).toEqual(want);
      }),
      { numRuns: 300 },
    ));
});

describe('reorder', () => {
  it('equals the spec moves replayed one by one (same draws), for any share and delay', () =>
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.constantFrom(0, 0.001, 0.1, 0.5, 1), fc.integer({ min: 1, max: 300 }), fc.string(), (n, p, d, seed) => {
        const got = reorder(n, p, d, new Rng(seed));
        expect(Array.from(got.order)).toEqual(naiveReorder(n, p, d, seed));
        expect(got.movedFrom.length).toBe(outOfOrderCount(n, p));
        expect(Array.from(got.movedFrom)).toEqual([...got.movedFrom].sort((a, b) => b - a));
        expect(new Set(got.movedFrom).size).toBe(got.movedFrom.length);
        for (const i of got.movedFrom) expect(i).toBeLessThanOrEqual(n - 2);
        for (const x of got.delays) expect(x >= 1 && x <= d).toBe(true);
      }),
      { numRuns: 400 },
    ));

  it('m = min(max(1, ⌊N·p⌋), N − 1) when p > 0, else 0', () => {
    expect(outOfOrderCount(0, 0.5)).toBe(0);
    expect(outOfOrderCount(1, 1)).toBe(0);
    expect(outOfOrderCount(2, 1)).toBe(1);
    expect(outOfOrderCount(100, 0.001)).toBe(1);
    expect(outOfOrderCount(100, 0.25)).toBe(25);
    expect(outOfOrderCount(100, 0)).toBe(0);
  });

  it('moves an event exactly d places when nothing else moves past it', () => {
    // N = 20, p = 0.05 → one move; the drawn event lands min(i + d, N − 1)
    for (let s = 0; s < 30; s++) {
      const got = reorder(20, 0.05, 7, new Rng(`one:${s}`));
      const [i] = got.movedFrom;
      expect(Array.from(got.order).indexOf(i)).toBe(Math.min(i + got.delays[0], 19));
    }
  });
});
