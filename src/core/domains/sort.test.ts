import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argsortStable, roundEachTo, roundTo } from './sort';

const stableOrder = (keys: readonly number[]) => keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
const US_PER_YEAR = 365 * 86_400_000_000;

describe('argsortStable on whole-number keys (offset passes)', () => {
  it('orders instants in µs, at ms resolution and in whole thousands, like a stable comparison sort (property)', () => {
    const whole = (min: number, max: number) => fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number);
    const start = whole(-(2 ** 40), 2 ** 40).map((d) => 1.7e15 + d * 1000);
    fc.assert(
      fc.property(
        start,
        fc.array(fc.oneof(whole(0, US_PER_YEAR), fc.integer({ min: 0, max: 20 }).map((k) => k * 1000), fc.integer({ min: 0, max: 31_536_000 }).map((ms) => ms * 1000)), { maxLength: 400 }),
        (t0, offsets) => {
          const keys = offsets.map((o) => t0 + o);
          expect(Array.from(argsortStable(keys))).toEqual(stableOrder(keys));
        },
      ),
    );
  });

  it('orders whole numbers spanning up to 2^53, negative ones and ties (property)', () => {
    const big = fc.bigInt({ min: -(2n ** 52n), max: 2n ** 52n - 1n }).map(Number);
    fc.assert(
      fc.property(fc.array(fc.oneof(big, fc.integer({ min: -3, max: 3 }), fc.constant(-0)), { maxLength: 300 }), (keys) => {
        expect(Array.from(argsortStable(keys))).toEqual(stableOrder(keys));
      }),
    );
  });

  it('keeps whole numbers past 2^53 apart and mixed with fractions on the float path', () => {
    const keys = [2 ** 60, -(2 ** 60), 2 ** 60 + 2 ** 8, 0, 1.5, -0.25, 2 ** 60];
    expect(Array.from(argsortStable(keys))).toEqual(stableOrder(keys));
    const many = Float64Array.from({ length: 50_000 }, (_, i) => ((i * 7919) % 50_021) * 1000 + 1.7e15);
    expect(Array.from(argsortStable(many))).toEqual(stableOrder(Array.from(many)));
  });
});

describe('roundEachTo', () => {
  it('rounds every value as roundTo does (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true })), fc.integer({ min: 0, max: 6 }), (xs, dp) => {
        const v = Float64Array.from(xs);
        roundEachTo(v, dp);
        expect(Array.from(v)).toEqual(xs.map((x) => roundTo(x, dp)));
      }),
    );
  });
});
