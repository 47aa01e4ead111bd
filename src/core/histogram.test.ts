import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileSorted, quantilesInPlace } from './histogram';

describe('quantilesInPlace', () => {
  it('equals the interpolated quantiles of the sorted values (duplicates, tiny and empty inputs included)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0.5, max: 1e5, noNaN: true })), { maxLength: 300 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), (xs, q) => {
        const sorted = Float64Array.from(xs).sort();
        const qs = q.sort((a, b) => a - b);
        expect(quantilesInPlace(Float64Array.from(xs), qs)).toEqual(qs.map((q) => quantileSorted(sorted, q)));
      }),
      { numRuns: 300 },
    );
  });
});
