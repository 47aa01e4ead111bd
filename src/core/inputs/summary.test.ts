import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boolColumn, dateColumn, dictColumn, makeTable, numberColumn, stringColumn, type Column } from '../table/column';
import { US_PER_DAY, US_PER_HOUR } from '../time';
import { hashNumber, HyperLogLog, summarizeColumn, summarizeTable, type ColumnSummary } from './summary';

const validOf = (nulls: readonly boolean[]) => (nulls.some(Boolean) ? Uint8Array.from(nulls, (x) => (x ? 0 : 1)) : undefined);

/** Histogram invariants: ≤ maxBins contiguous bins covering [min, max], counts summing to the finite values. */
function checkHistogram(s: ColumnSummary, values: readonly number[], maxBins = 20) {
  const h = s.histogram!;
  expect(h.length).toBeGreaterThan(0);
  expect(h.length).toBeLessThanOrEqual(maxBins);
  expect(h.reduce((a, b) => a + b.count, 0)).toBe(values.length);
  for (let k = 1; k < h.length; k++) expect(h[k].lo).toBe(h[k - 1].hi);
  expect(h[0].lo).toBeLessThanOrEqual(s.min!);
  expect(h.at(-1)!.hi).toBeGreaterThanOrEqual(s.max!);
  // every value lies in a bin whose count covers it: recount by [lo, hi) with a relative tolerance
  // tolerance: a millionth of a bin's width (edges are rounded to 12 digits), whatever the scale (denormals too)
  const eps = (b: { lo: number; hi: number }) => (b.hi - b.lo) * 1e-6;
  const recount = h.map(() => 0);
  for (const x of values) {
    let k = h.findIndex((b, j) => x >= b.lo - eps(b) && (x < b.hi - eps(b) || j === h.length - 1));
    if (k < 0) k = 0;
    recount[k]++;
  }
  const diff = recount.reduce((a, c, k) => a + Math.abs(c - h[k].count), 0);
  // values within the tolerance of an edge may be counted on either side
  expect(diff).toBeLessThanOrEqual(values.length * 0.02 + 2);
}

describe('column summaries', () => {
  it('keeps narrow bins apart at large magnitudes (regression: edges rounded to 12 digits merged)', () => {
    const values = [999999.999996, 999999.9999996];
    const s = summarizeColumn(numberColumn('x', 'float', Float64Array.from(values)));
    checkHistogram(s, values);
  });

  it('numbers: rows, nulls, exact distinct, min, max, mean and a histogram (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ v: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), isNull: fc.boolean() }), { minLength: 1, maxLength: 300 }),
        fc.constantFrom('int' as const, 'float' as const),
        (cells, type) => {
          const values = cells.map((c) => (type === 'int' ? Math.round(c.v) : c.v));
          const col = numberColumn('x', type, Float64Array.from(values), validOf(cells.map((c) => c.isNull)));
          const s = summarizeColumn(col);
          const present = values.filter((_, i) => !cells[i].isNull).map((x) => (x === 0 ? 0 : x));
          expect(s.rows).toBe(cells.length);
          expect(s.nulls).toBe(cells.length - present.length);
          expect(s.distinct).toBe(new Set(present).size);
          expect(s.distinctExact).toBe(true);
          expect(s.top).toBeNull();
          if (present.length === 0) {
            expect([s.min, s.max, s.mean, s.histogram]).toEqual([null, null, null, null]);
            return;
          }
          expect(s.min).toBe(Math.min(...present));
          expect(s.max).toBe(Math.max(...present));
          expect(s.mean).toBeCloseTo(present.reduce((a, b) => a + b, 0) / present.length, 6);
          checkHistogram(s, present);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('integers with few values get one bin per value; a constant column gets one bin', () => {
    const s = summarizeColumn(numberColumn('q', 'int', Float64Array.from([1, 2, 2, 3, 5, 5, 5])));
    expect(s.histogram).toEqual([
      { lo: 1, hi: 2, count: 1 },
      { lo: 2, hi: 3, count: 2 },
      { lo: 3, hi: 4, count: 1 },
      { lo: 4, hi: 5, count: 0 },
      { lo: 5, hi: 6, count: 3 },
    ]);
    expect(summarizeColumn(numberColumn('c', 'float', Float64Array.from([2.5, 2.5]))).histogram).toEqual([{ lo: 2.5, hi: 2.5, count: 2 }]);
  });

  it('closes the last bin: a maximum on an edge joins the bin below instead of standing alone', () => {
    // ids 1 … 1,000 in bins of a round width: the last bin ends at 1,000 and holds one value more
    // than the full bins before it (its upper edge, 1,000), never 1,000 alone
    const ids = summarizeColumn(numberColumn('id', 'int', Float64Array.from({ length: 1000 }, (_, i) => i + 1))).histogram!;
    expect(ids.at(-1)!.hi).toBe(1000);
    expect(ids.at(-1)!.count).toBe(ids[1].count + 1);
    expect(ids.reduce((a, b) => a + b.count, 0)).toBe(1000);
    const floats = summarizeColumn(numberColumn('f', 'float', Float64Array.from([0, 0.5, 1, 1.5, 2]))).histogram!;
    expect(floats.at(-1)!.hi).toBe(2);
    expect(floats.at(-1)!.lo).toBeLessThan(2);
  });

  it('skips NaN and infinities in min, max, mean and bins, and survives a range past the largest double', () => {
    const s = summarizeColumn(numberColumn('f', 'float', Float64Array.from([NaN, Infinity, 1, 3])));
    expect([s.min, s.max, s.mean, s.distinct]).toEqual([1, 3, 2, 4]);
    expect(s.histogram!.reduce((a, b) => a + b.count, 0)).toBe(2);
    const wide = summarizeColumn(numberColumn('w', 'float', Float64Array.from([-1.7e308, 0, 1.7e308])));
    expect(wide.histogram!.length).toBe(20);
    expect(wide.histogram!.reduce((a, b) => a + b.count, 0)).toBe(3);
  });

  it('timestamps bin on calendar steps (hours here) and dates on day steps', () => {
    const t0 = Date.UTC(2024, 0, 1) * 1000;
    const ts = Float64Array.from({ length: 100 }, (_, i) => t0 + i * 0.1 * US_PER_HOUR);
    const s = summarizeColumn(numberColumn('at', 'timestamp', ts));
    expect(s.mean).toBeNull();
    // 9.9 hours: 20 bins of 30 minutes (the smallest calendar step that fits)
    expect(s.histogram!.length).toBe(20);
    expect(s.histogram![0]).toEqual({ lo: t0, hi: t0 + US_PER_HOUR / 2, count: 5 });
    checkHistogram(s, Array.from(ts));
    const days = Int32Array.from({ length: 365 }, (_, i) => 19723 + i);
    const d = summarizeColumn(dateColumn('d', days));
    expect(d.histogram![1].hi - d.histogram![1].lo).toBe(30);
    expect([d.min, d.max, d.distinct]).toEqual([19723, 19723 + 364, 365]);
    checkHistogram(d, Array.from(days));
    const wideTs = Float64Array.from({ length: 50 }, (_, i) => t0 + i * 200 * US_PER_DAY);
    const w = summarizeColumn(numberColumn('w', 'timestamp', wideTs));
    expect(w.histogram!.length).toBeLessThanOrEqual(20);
    expect((w.histogram![0].hi - w.histogram![0].lo) % (365 * US_PER_DAY)).toBe(0);
  });

  it('strings and booleans: exact top values, most frequent first, ties by value (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom('a', 'b', 'c', 'é', '', 'a long value'), { nil: null }), { minLength: 1, maxLength: 200 }), (values) => {
        const counts = new Map<string, number>();
        for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
        const expected = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
        const dict = ['a', 'b', 'c', 'é', '', 'a long value', 'a'];
        const codes = Int32Array.from(values, (v) => (v === null ? 0 : dict.indexOf(v)));
        const cols: Column[] = [stringColumn('s', values), dictColumn('d', dict, codes, validOf(values.map((v) => v === null)))];
        for (const c of cols) {
          const s = summarizeColumn(c, { topValues: 10 });
          expect(s.nulls).toBe(values.filter((v) => v === null).length);
          expect(s.distinct).toBe(counts.size);
          expect(s.top).toEqual(expected);
          expect(s.topExact).toBe(true);
          expect(s.histogram).toBeNull();
        }
      }),
      { numRuns: 40 },
    );
    const b = summarizeColumn(boolColumn('ok', Uint8Array.from([1, 1, 0, 1, 0]), Uint8Array.from([1, 1, 1, 1, 0])));
    expect(b.top).toEqual([
      { value: 'true', count: 3 },
      { value: 'false', count: 1 },
    ]);
    expect([b.nulls, b.distinct]).toEqual([1, 2]);
  });

  it('large columns: distinct within 5 % (HyperLogLog) and every heavy hitter found (space-saving)', () => {
    const n = 120_000;
    const ids = stringColumn(
      'id',
      Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 'hot' : i % 10 === 0 ? 'warm' : `id-${i}`)),
    );
    const s = summarizeColumn(ids, { exactLimit: 10_000 });
    const trueDistinct = 2 + Array.from({ length: n }, (_, i) => i).filter((i) => i % 7 !== 0 && i % 10 !== 0).length;
    expect(s.distinctExact).toBe(false);
    expect(Math.abs(s.distinct - trueDistinct) / trueDistinct).toBeLessThan(0.05);
    expect(s.topExact).toBe(false);
    expect(s.top!.slice(0, 2).map((t) => t.value)).toEqual(['hot', 'warm']);
    // space-saving counts are upper bounds, over by at most n / capacity
    const hot = Math.ceil(n / 7);
    expect(s.top![0].count).toBeGreaterThanOrEqual(hot);
    expect(s.top![0].count).toBeLessThanOrEqual(hot + n / 64);
    const nums = summarizeColumn(numberColumn('x', 'float', Float64Array.from({ length: n }, (_, i) => i * 1.5)), { exactLimit: 1000 });
    expect(Math.abs(nums.distinct - n) / n).toBeLessThan(0.05);
    expect([nums.min, nums.max]).toEqual([0, (n - 1) * 1.5]);
  });

  it('large columns with few distinct values stay exact', () => {
    const n = 50_000;
    const words = ['alpha', 'beta', 'gamma', 'délta', ''];
    const s = summarizeColumn(
      stringColumn('w', Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : words[(i * i) % 5]))),
      { exactLimit: 1000, exactDistinct: 5 },
    );
    const expected = new Map<string, number>();
    for (let i = 0; i < n; i++) if (i % 11 !== 0) expected.set(words[(i * i) % 5], (expected.get(words[(i * i) % 5]) ?? 0) + 1);
    expect([s.distinct, s.distinctExact, s.topExact]).toEqual([expected.size, true, true]);
    expect(Object.fromEntries(s.top!.map((t) => [t.value, t.count]))).toEqual(Object.fromEntries(expected));
    const q = summarizeColumn(numberColumn('q', 'int', Float64Array.from({ length: n }, (_, i) => 1 + (i % 17))), { exactLimit: 1000, exactDistinct: 17 });
    expect([q.distinct, q.distinctExact]).toEqual([17, true]);
    const over = summarizeColumn(numberColumn('q', 'int', Float64Array.from({ length: n }, (_, i) => 1 + (i % 18))), { exactLimit: 1000, exactDistinct: 17 });
    expect(over.distinctExact).toBe(false);
    expect(Math.abs(over.distinct - 18)).toBeLessThanOrEqual(1);
  });

  it('HyperLogLog counts small and large sets', () => {
    for (const size of [0, 1, 100, 5_000, 400_000]) {
      const h = new HyperLogLog();
      for (let i = 0; i < size; i++) h.add(hashNumber(i));
      const e = h.estimate();
      expect(Math.abs(e - size)).toBeLessThanOrEqual(Math.max(2, size * 0.05));
    }
  });

  it('summarises a whole table in column order, a million numeric rows quickly', () => {
    const n = 1_000_000;
    const t = makeTable('big', [numberColumn('a', 'float', Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 1000)), dictColumn('k', ['x', 'y'], Int32Array.from({ length: n }, (_, i) => i % 2))]);
    const began = process.hrtime.bigint();
    const s = summarizeTable(t);
    const ms = Number(process.hrtime.bigint() - began) / 1e6;
    expect(s.map((c) => c.name)).toEqual(['a', 'k']);
    expect(s[1].top).toEqual([
      { value: 'x', count: n / 2 },
      { value: 'y', count: n / 2 },
    ]);
    expect(ms).toBeLessThan(3000);
  });
});
