import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countAxis, niceAxis, niceTicks, stackedMax } from './niceAxis';

const ROUND = [1, 2, 2.5, 5];
const isRound = (step: number) => {
  const p = 10 ** Math.floor(Math.log10(step) + 1e-12);
  return ROUND.some((m) => Math.abs(step / p - m) < 1e-9) || Math.abs(step / p - 10) < 1e-9;
};

describe('niceTicks', () => {
  it('gives the round steps people read', () => {
    expect(niceTicks(2100)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(niceTicks(2600)).toEqual([0, 1000, 2000, 3000]);
    expect(niceTicks(150)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(0.37)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
  });

  it('keeps whole steps for counts, and has a range when there is no data', () => {
    expect(niceTicks(3, 5, 0)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(11, 5, 0)).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(niceTicks(12.5, 5, 0)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(0.2, 5, 0)).toEqual([0, 1]);
    expect(niceTicks(0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(Number.NaN, 5, 0)).toEqual([0, 1]);
  });

  it('starts at 0, covers the maximum with round equal steps, at most `most` of them, and no step to spare', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e12, noNaN: true }), fc.integer({ min: 2, max: 10 }), (max, most) => {
        const t = niceTicks(max, most);
        const step = t[1] - t[0];
        expect(t[0]).toBe(0);
        expect(t.length - 1).toBeLessThanOrEqual(most);
        expect(t[t.length - 1]).toBeGreaterThanOrEqual(max * (1 - 1e-9));
        expect(t[t.length - 2]).toBeLessThan(max);
        expect(isRound(step)).toBe(true);
        for (let i = 1; i < t.length; i++) expect(Math.abs(t[i] - t[i - 1] - step)).toBeLessThan(step * 1e-9);
      }),
    );
  });
});

describe('niceTicks for counts', () => {
  it('steps by a whole round number, at most one interval more than asked', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e9, noNaN: true }), fc.integer({ min: 2, max: 10 }), (max, most) => {
        const t = niceTicks(max, most, 0);
        const step = t[1] - t[0];
        expect(Number.isInteger(step)).toBe(true);
        expect(isRound(step)).toBe(true);
        expect(t.length - 1).toBeLessThanOrEqual(most + 1);
        expect(t[t.length - 1]).toBeGreaterThanOrEqual(max * (1 - 1e-9));
      }),
    );
  });
});

describe('niceTicks for labels with a few decimals', () => {
  it('every tick is shown exactly by a label with that many decimals', () => {
    expect(niceTicks(1.2, 5, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1, 1.2]);
    expect(niceTicks(12, 5, 0)).toEqual([0, 2, 4, 6, 8, 10, 12]);
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 3 }), (max, decimals) => {
        const t = niceTicks(max, 5, decimals);
        for (const x of t) expect(Number(x.toFixed(decimals))).toBe(x);
        expect(t[t.length - 1]).toBeGreaterThanOrEqual(max * (1 - 1e-9));
      }),
    );
  });
});

describe('niceAxis and stackedMax', () => {
  it('spans 0 to the last tick and draws every tick', () => {
    expect(niceAxis(2100)).toEqual({ domain: [0, 2500], ticks: [0, 500, 1000, 1500, 2000, 2500], interval: 0 });
  });

  it('takes the largest stacked sum, ignoring negatives', () => {
    const rows = [
      { a: 1, b: 5 },
      { a: 4, b: 3 },
      { a: -9, b: 2 },
    ];
    expect(stackedMax(rows, 'a', 'b')).toBe(7);
    expect(stackedMax(rows, 'a')).toBe(4);
    expect(stackedMax([], 'a')).toBe(0);
    expect(stackedMax([{ a: 2 }, { b: 3 }, { a: null, b: 1 }], 'a', 'b')).toBe(3);
  });
});

describe('countAxis', () => {
  it('labels every tick of an axis in one style', () => {
    const big = countAxis(23_000);
    expect(big.ticks.map(big.tickFormatter)).toEqual(['0', '5K', '10K', '15K', '20K', '25K']);
    const small = countAxis(2_100);
    expect(small.ticks.map(small.tickFormatter)).toEqual(['0', '500', '1,000', '1,500', '2,000', '2,500']);
  });
});
