import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combinedOrder } from './financial-stream.combined';

/** The combined order by its definition (D5), with a comparator sort. */
function reference(time: number[], rev: number[], fraud: number[]): number[] {
  const n = time.length;
  const all = [...time.map((t, i) => ({ t, rank: 0, k: i })), ...rev.map((t, j) => ({ t, rank: 1, k: n + j })), ...fraud.map((t, j) => ({ t, rank: 2, k: n + rev.length + j }))];
  const timed = all.filter((x) => x.t === x.t).sort((a, b) => a.t - b.t || a.rank - b.rank || a.k - b.k);
  return [...timed.map((x) => x.k), ...all.filter((x) => x.t !== x.t).map((x) => x.k)];
}

const times = fc.array(fc.option(fc.integer({ min: 0, max: 50 }).map((x) => 1e12 + x * 1000), { nil: Number.NaN, freq: 6 }), { maxLength: 40 });
const sortedTimes = fc.array(fc.integer({ min: 0, max: 50 }).map((x) => 1e12 + x * 1000), { maxLength: 20 }).map((a) => a.sort((x, y) => x - y));

describe('the combined order (D5)', () => {
  it('is (time, original < reversal < fraud, source), untimed originals last, whether the originals come sorted (merge) or not (radix sort)', () =>
    fc.assert(
      fc.property(times, fc.boolean(), sortedTimes, sortedTimes, (t, sortFirst, rev, fraud) => {
        // sorted timed originals with untimed rows between them take the merge path
        const timed = t.filter((x) => x === x).sort((a, b) => a - b);
        let next = 0;
        const originals = sortFirst ? t.map((x) => (x === x ? timed[next++] : x)) : t;
        const got = Array.from(combinedOrder(Float64Array.from(originals), Float64Array.from(rev), Float64Array.from(fraud)));
        expect(got).toEqual(reference(originals, rev, fraud));
      }),
      { numRuns: 300 },
    ));
});
