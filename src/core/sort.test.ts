import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argsortBy, gather, identity, invertPermutation, lowerBound, radixSortBy, radixSortByLean } from './sort';

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

  it('returns input already in key order as it is (a copy unless scratch), and sorts it when one key is out of place', () =>
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { minLength: 2, maxLength: 200 }), fc.nat(), (raw, at) => {
        const keys = Float64Array.from(raw.sort((a, b) => a - b));
        const items = identity(keys.length);
        const copy = radixSortBy(items, keys);
        expect(copy).not.toBe(items);
        expect(Array.from(copy)).toEqual(Array.from(items));
        expect(radixSortBy(items, keys, true)).toBe(items);
        // one key lowered below its predecessors: the slow path, the same order as a stable sort
        const j = 1 + (at % (keys.length - 1));
        if (keys[j] > 0) {
          keys[j] = keys[0] > 0 ? keys[0] - 1 : 0;
          const want = Array.from(identity(keys.length)).sort((a, b) => keys[a] - keys[b]);
          expect(Array.from(radixSortBy(identity(keys.length), keys))).toEqual(want);
        }
      }),
      { numRuns: 200 },
    ));
});

describe('radixSortByLean', () => {
  it('gives radixSortBy\'s order (stable, keys below 2^53, past 2^32 included) with no key columns', () =>
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.nat(50), fc.nat(2 ** 20), fc.nat(2 ** 31), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })), { maxLength: 300 }),
        fc.boolean(),
        (keys, reversed) => {
          const n = keys.length;
          const rows = () => Int32Array.from({ length: n }, (_, i) => (reversed ? n - 1 - i : i));
          const want = Array.from(rows()).sort((a, b) => keys[a] - keys[b]);
          expect(Array.from(radixSortByLean(rows(), Float64Array.from(keys)))).toEqual(want);
          expect(Array.from(radixSortBy(rows(), Float64Array.from(keys)))).toEqual(want);
        },
      ),
      { numRuns: 300 },
    ));

  it('returns rows already in key order as they are', () => {
    const rows = identity(5);
    expect(radixSortByLean(rows, Float64Array.of(1, 1, 2, 3, 2 ** 40))).toBe(rows);
  });
});

describe('argsortBy and gather', () => {
  it('orders row indices stably by key and reorders columns by them', () => {
    const keys = Float64Array.from([5, 1, 5, 0, 1]);
    const order = argsortBy(keys);
    expect(Array.from(order)).toEqual([3, 1, 4, 0, 2]);
    expect(Array.from(gather(keys, order, new Float64Array(5)))).toEqual([0, 1, 1, 5, 5]);
    expect(Array.from(identity(3))).toEqual([0, 1, 2]);
  });
});

describe('invertPermutation', () => {
  it('maps each row to where the permutation put it, and inverts back', () =>
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 300 }), (keys) => {
        const perm = argsortBy(Float64Array.from(keys));
        const inv = invertPermutation(perm);
        for (let i = 0; i < perm.length; i++) expect(inv[perm[i]]).toBe(i);
        expect([...invertPermutation(inv)]).toEqual([...perm]);
      }),
    ));
});

describe('lowerBound', () => {
  it('finds the first index whose value is at least x', () => {
    const sorted = Float64Array.from([1, 3, 3, 7]);
    expect([0, 1, 2, 3, 4, 7, 8].map((x) => lowerBound(sorted, x))).toEqual([0, 0, 1, 1, 3, 3, 4]);
  });
});
