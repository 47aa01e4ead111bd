import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellAt, columnFromValues, dictColumn, makeTable, sliceTable, viewTable, type CellValue, type Table } from './column';

const rowsOf = (t: Table) => Array.from({ length: t.length }, (_, i) => t.columns.map((c) => cellAt(c, i)));

const tableArb = fc.array(fc.tuple(fc.option(fc.integer({ min: -1e6, max: 1e6 }), { nil: null }), fc.option(fc.string({ maxLength: 5 }), { nil: null }), fc.boolean(), fc.double({ noNaN: true })), { maxLength: 40 }).map((rows) =>
  makeTable('t', [
    columnFromValues('n', 'int', rows.map((r) => r[0] as CellValue)),
    columnFromValues('s', 'string', rows.map((r) => r[1] as CellValue)),
    dictColumn('d', ['x', 'y'], Int32Array.from(rows, (r) => (r[2] ? 1 : 0))),
    columnFromValues('f', 'float', rows.map((r) => r[3] as CellValue)),
  ]),
);

describe('rows of a table: copies and views', () => {
  it('a view holds the same rows as a copy, on the source buffers, and string offsets start at 0', () =>
    fc.assert(
      fc.property(tableArb.chain((t) => fc.tuple(fc.constant(t), fc.nat(t.length), fc.nat(t.length))), ([t, a, b]) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const view = viewTable(t, start, end);
        const copy = sliceTable(t, start, end);
        expect(view.length).toBe(end - start);
        expect(rowsOf(view)).toEqual(rowsOf(copy));
        const s = view.columns[1];
        if (s.type !== 'string' || s.encoding !== 'utf8') throw new Error('string column expected');
        expect(s.offsets[0]).toBe(0);
        const src = t.columns[1];
        if (src.type !== 'string' || src.encoding !== 'utf8') throw new Error('string column expected');
        expect(s.bytes.buffer).toBe(src.bytes.buffer);
        const n = view.columns[0];
        const n0 = t.columns[0];
        if (!('values' in n) || !('values' in n0)) throw new Error('number column expected');
        expect(n.values.buffer).toBe(n0.values.buffer);
        const c = copy.columns[0];
        if (!('values' in c)) throw new Error('number column expected');
        expect(c.values.buffer).not.toBe(n0.values.buffer);
      }),
    ));
});
