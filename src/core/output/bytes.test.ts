import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteSink, entriesOf, viewOf, writeNumber, writeRows, type EntryCache } from './bytes';

/** The oracle: shortest round-trip text of a finite double (JS `String`, keeping the sign of −0), `null` for NaN/±Infinity. */
function numberText(v: number): string | null {
  if (!Number.isFinite(v)) return null;
  return v === 0 && 1 / v < 0 ? '-0' : String(v);
}

describe('writeNumber', () => {
  it('writes the same text as numberText for every double (integers digit by digit)', () =>
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          fc.integer(),
          fc.maxSafeInteger(),
          // hundredths, written digit by digit: prices and amounts, up to and past the 10^13 limit
          fc.integer({ min: -1e7, max: 1e7 }).map((c) => c / 100),
          fc.maxSafeInteger().map((c) => c / 100),
          fc.double({ min: -1e6, max: 1e6 }).map((v) => Math.round(v * 100) / 100),
          // up to six decimals, written digit by digit below 10^9: hours, readings, rates
          fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })).map(([k, c]) => c / 10 ** k),
          fc.tuple(fc.integer({ min: 1, max: 6 }), fc.maxSafeInteger()).map(([k, c]) => c / 10 ** k),
          fc.double({ min: -2e9, max: 2e9 }).map((v) => Math.round(v * 1e4) / 1e4),
          fc.double({ min: -1e-5, max: 1e-5 }),
          fc.constantFrom(0, -0, 9, 10, 99, 100, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53, 1e21, 0.1, 0.07, -0.01, 0.5, 1e13 - 0.01, 1e13 + 0.01, 0.30000000000000004, 1e-6, -1e-6, 1e-7, 999_999_999.999999, 1e9 - 1e-6, 1e9 + 0.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 0.000001, 123.456789, 0.1 + 0.2, 1 / 3),
        ),
        (v) => {
          const out = new ByteSink(4);
          out.byte(91);
          writeNumber(out, v);
          expect(new TextDecoder().decode(out.finish())).toBe(`[${numberText(v) ?? 'null'}`);
        },
      ),
      { numRuns: 20_000 },
    ));
});

describe('ByteSink', () => {
  it('copy appends exactly src[a, b) from any view, across growth, and finish gives exactly the bytes written', () =>
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.uint8Array({ maxLength: 70 }), fc.nat(5), fc.nat(), fc.nat()), { maxLength: 30 }), fc.integer({ min: 1, max: 64 }), (pieces, capacity) => {
        const out = new ByteSink(capacity);
        const expected: number[] = [];
        for (const [arr, lead, x, y] of pieces) {
          const backing = new Uint8Array(arr.length + lead);
          backing.set(arr, lead);
          const src = backing.subarray(lead);
          const a = x % (src.length + 1);
          const b = a + (y % (src.length - a + 1));
          out.copy(src, viewOf(src), a, b);
          expected.push(...src.subarray(a, b));
        }
        expect([...out.finish()]).toEqual(expected);
      }),
      { numRuns: 2000 },
    ));

  it('writeRows writes the same bytes as a plain loop, however far the first rows are from the rest', () =>
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 1500 }), (rows) => {
        const enc = new TextEncoder();
        const bytes = rows.map((r) => enc.encode(r));
        const out = new ByteSink(16);
        writeRows(out, bytes.length, (o, i) => {
          o.bytes(bytes[i]);
          o.byte(10);
        });
        expect(new TextDecoder().decode(out.finish())).toBe(rows.map((r) => `${r}\n`).join(''));
      }),
      { numRuns: 200 },
    ));
});

describe('entriesOf', () => {
  it('keeps a small dictionary\'s encodings with it, and gives a large one a fresh array each time', () => {
    const cache: EntryCache = new WeakMap();
    const small = ['a', 'b'];
    const first = entriesOf(cache, small);
    first[1] = new Uint8Array([98]);
    expect(entriesOf(cache, small)).toBe(first);
    expect(entriesOf(cache, ['a', 'b'])).not.toBe(first); // another dictionary, even with the same entries
    const large = Array.from({ length: 70_000 }, (_, i) => `id${i}`);
    const a = entriesOf(cache, large);
    expect(a).toHaveLength(70_000);
    expect(entriesOf(cache, large)).not.toBe(a);
  });
});
