import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeTable, numberColumn, takeTable, Utf8Builder, type Table } from '../table/column';
import { OUTPUT_FORMATS, writeTable } from './formats';
import { arbTableUpTo, bigTable } from './output.test-utils';
import { GATHER_ROWS } from './selected-rows';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** Rows of a table of n rows: any order, repeats allowed (a file's rows plus its duplicate copies). */
const arbRows = (n: number) => fc.array(fc.integer({ min: 0, max: Math.max(0, n - 1) }), { maxLength: n === 0 ? 0 : 3 * n }).map((r) => Int32Array.from(r));

/** Columns of long texts: written first, they leave every scratch buffer full of other bytes. */
function longTexts(rows: number): Table {
  const column = (j: number) => {
    const b = new Utf8Builder(rows, 300);
    for (let i = 0; i < rows; i++) b.append(`${'x,"'.repeat(90)}${i}`);
    return b.finish(`text${j}`);
  };
  // a number first: texts' bytes then sit where another table's offsets go
  return makeTable('long', [numberColumn('n', 'int', new Float64Array(rows).fill(7)), ...[0, 1, 2, 3, 4].map(column)]);
}

describe('writing selected rows of a table (writeTable with rows)', () => {
  it('gives the bytes of the table those rows make, in every format and for spreadsheet-safe CSV', () => {
    fc.assert(
      fc.property(
        arbTableUpTo(40).chain((t) => fc.tuple(fc.constant(t), arbRows(t.length), fc.constantFrom(...OUTPUT_FORMATS), fc.boolean())),
        ([t, rows, format, spreadsheetSafe]) => {
          const options = { spreadsheetSafe };
          expect(same(writeTable(t, format, options, rows), writeTable(takeTable(t, rows), format, options))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('across block boundaries, after other writes left their bytes in the scratch memory', () => {
    const big = bigTable(3 * GATHER_ROWS + 17);
    const n = big.length;
    // scattered (every 31st row, as a round-robin slot takes them), reversed with repeats, and one block exactly
    const selections = [
      Int32Array.from({ length: Math.floor(n / 2) }, (_, i) => (i * 31) % n),
      Int32Array.from({ length: n + 500 }, (_, i) => (n - 1 - i + n) % n),
      Int32Array.from({ length: GATHER_ROWS }, (_, i) => i * 2),
      new Int32Array(0),
    ];
    for (const format of ['csv', 'jsonl'] as const) {
      for (const rows of selections) {
        writeTable(longTexts(GATHER_ROWS + 5), format, {}, Int32Array.from({ length: GATHER_ROWS + 5 }, (_, i) => i));
        expect(same(writeTable(big, format, {}, rows), writeTable(takeTable(big, rows), format)), `${format}, ${rows.length} rows`).toBe(true);
      }
    }
  });
});
