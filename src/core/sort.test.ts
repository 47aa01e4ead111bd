import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { radixSortBy } from './sort';

describe('radixSortBy', () => {
  it('sorts stably by integer keys below 2^53, past 2^32 included', () =>
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.nat(50), fc.nat(2 ** 31), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })), { maxLength: 300 }),
        fc.boolean(),
        (keys, reversed) => {
          const n = keys.length;
          const items = Int32Array.from({ length: n }, (_, i) => (reversed ? n - 1 - i : i));
          const got = Array.from(radixSortBy(items, Float64Array.from(keys)));
          // Array.prototype.sort is stable: ties keep the order of `items`
          const want = Array.from(items).sort((a, b) => keys[a] - keys[b]);
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 200 },
    ));
});
