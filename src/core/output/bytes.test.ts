import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteSink, numberText, writeNumber } from './bytes';

describe('writeNumber', () => {
  it('writes the same text as numberText for every double (integers digit by digit)', () =>
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer(), fc.maxSafeInteger(), fc.constantFrom(0, -0, 9, 10, 99, 100, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53, 1e21, 0.1)),
        (v) => {
          const out = new ByteSink(4);
          out.byte(91);
          writeNumber(out, v);
          expect(new TextDecoder().decode(out.finish())).toBe(`[${numberText(v) ?? 'null'}`);
        },
      ),
      { numRuns: 2000 },
    ));
});
