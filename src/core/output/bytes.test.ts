import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteSink, writeNumber } from './bytes';

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
          fc.constantFrom(0, -0, 9, 10, 99, 100, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53, 1e21, 0.1, 0.07, -0.01, 0.5, 1e13 - 0.01, 1e13 + 0.01, 0.30000000000000004),
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
