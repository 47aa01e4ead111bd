import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvPlain, jsonPlain } from './scan';

const naiveCsv = (b: Uint8Array, s: number, e: number) => !b.subarray(s, e).some((x) => x === 34 || x === 44 || x === 10 || x === 13);
const naiveJson = (b: Uint8Array, s: number, e: number) => !b.subarray(s, e).some((x) => x === 34 || x === 92 || x < 0x20);

// bytes mostly plain, with the special ones, their neighbours and high bytes sprinkled in
const byte = fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 0x30, max: 0x7a }) }, { weight: 1, arbitrary: fc.constantFrom(0, 9, 10, 13, 31, 32, 33, 34, 35, 43, 44, 45, 91, 92, 93, 127, 128, 0xa2, 0xac, 0xdc, 0xff) });

describe('plain-text scans', () => {
  it('agree with a byte-by-byte check on any range of any view (word-aligned or not)', () =>
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 80 }), fc.nat(7), fc.nat(), fc.nat(), (arr, lead, x, y) => {
        const buf = new Uint8Array(arr.length + lead);
        buf.set(arr, lead);
        const view = buf.subarray(lead);
        const a = arr.length === 0 ? 0 : x % (arr.length + 1);
        const b = a + (arr.length === 0 ? 0 : y % (arr.length - a + 1));
        expect(csvPlain(view, a, b)).toBe(naiveCsv(view, a, b));
        expect(jsonPlain(view, a, b)).toBe(naiveJson(view, a, b));
      }),
      { numRuns: 20_000 },
    ));

  it('find a single special byte at every position of a long plain text', () => {
    const plain = new Uint8Array(67).fill(0x61);
    for (const special of [34, 44, 10, 13, 92, 0, 31]) {
      for (let at = 0; at < plain.length; at++) {
        const b = plain.slice();
        b[at] = special;
        expect(csvPlain(b, 0, b.length)).toBe(!(special === 34 || special === 44 || special === 10 || special === 13));
        expect(jsonPlain(b, 0, b.length)).toBe(!(special === 34 || special === 92 || special < 0x20));
        expect(csvPlain(b, 0, at)).toBe(true);
      }
    }
  });
});
