import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant, US_PER_DAY } from '../time';
import { cellAt, columnFromValues, dictColumn, stringColumn, type CellValue, type Column, type ColumnType } from './column';
import { gatherParts, nullColumn, textOf, utf8Of } from './combine';
import { instantsOf, numbersOf, textIn } from './values';

const cells = (c: Column, n: number) => Array.from({ length: n }, (_, i) => cellAt(c, i));

const valueArb: Record<Exclude<ColumnType, 'bigint' | 'decimal' | 'time'>, fc.Arbitrary<CellValue>> = {
  int: fc.integer({ min: -1e6, max: 1e6 }),
  float: fc.double({ noNaN: true, noDefaultInfinity: true }),
  bool: fc.boolean(),
  string: fc.string({ maxLength: 6, unit: 'grapheme' }),
  timestamp: fc.integer({ min: 0, max: 2e15 }),
  date: fc.integer({ min: -1000, max: 40_000 }),
};

describe('combining columns', () => {
  it('gathers rows from parts of one type in any order, nulls and dictionaries included, cell for cell', () =>
    fc.assert(
      fc.property(
        fc.constantFrom<keyof typeof valueArb>('int', 'float', 'bool', 'string', 'timestamp', 'date').chain((type) =>
          fc.tuple(fc.constant(type), fc.array(fc.array(fc.option(valueArb[type], { nil: null }), { maxLength: 8 }), { minLength: 1, maxLength: 4 }), fc.boolean()),
        ),
        ([type, parts, dict]) => {
          const cols = parts.map((p, k) =>
            type === 'string' && dict && k % 2 === 0
              ? dictColumn('x', ['a', 'b'], Int32Array.from(p, (v) => (v === null ? 0 : (v as string).length % 2)), Uint8Array.from(p, (v) => (v === null ? 0 : 1)))
              : columnFromValues('x', type, p),
          );
          const all = [...cols.flatMap((c, k) => cells(c, parts[k].length)), null, null];
          // every row once, in a scrambled order
          const order = Int32Array.from(all.map((_, i) => i).sort((a, b) => ((a * 7919) % 13) - ((b * 7919) % 13) || a - b));
          const got = gatherParts('y', type, [...cols, nullColumn('z', type, 2)], order);
          expect(got.name).toBe('y');
          expect(cells(got, all.length)).toEqual(Array.from(order, (k) => all[k]));
        },
      ),
    ));

  it('writes keys as text: integers without a decimal point, nulls kept; dictionaries expand to bytes', () => {
    expect(cells(textOf(columnFromValues('id', 'int', [17, null, -3, 0, 1e15, 2.5])), 6)).toEqual(['17', null, '-3', '0', '1000000000000000', '2.5']);
    // the digit fast path (non-negative integers only)
    expect(cells(textOf(columnFromValues('id', 'int', [17, null, 0, 9, 10, 2 ** 53 - 1])), 6)).toEqual(['17', null, '0', '9', '10', String(2 ** 53 - 1)]);
    expect(textOf(columnFromValues('id', 'string', ['a']), 'k').name).toBe('k');
    const d = dictColumn('s', ['x', 'yy'], Int32Array.from([1, 0, 1]), Uint8Array.from([1, 0, 1]));
    expect(cells(utf8Of(d), 3)).toEqual(['yy', null, 'yy']);
  });
});

describe('reading input columns', () => {
  it('reads instants from timestamps, dates and ISO text (naive text is UTC); nulls are NaN; bad text is reported', () => {
    const t = parseInstant('2024-05-01T10:00:00Z');
    const ts = instantsOf(columnFromValues('t', 'timestamp', [t, null]));
    expect('values' in ts && Array.from(ts.values)).toEqual([t, Number.NaN]);
    const days = instantsOf(columnFromValues('d', 'date', [19_000]));
    expect('values' in days && days.values[0]).toBe(19_000 * US_PER_DAY);
    const text = instantsOf(columnFromValues('s', 'string', ['2024-05-01T12:00:00+02:00', '2024-05-01 10:00:00', null, '']));
    expect('values' in text && Array.from(text.values)).toEqual([t, t, Number.NaN, Number.NaN]);
    expect(instantsOf(columnFromValues('s', 'string', ['2024-05-01', 'yesterday']))).toEqual({ bad: { row: 1, text: 'yesterday' } });
    expect(instantsOf(dictColumn('s', ['2024-05-01T10:00:00Z', 'soon'], Int32Array.from([0, 1])))).toEqual({ bad: { row: 1, text: 'soon' } });
  });

  it('reads numbers with NaN for null and matches text case-insensitively', () => {
    expect(Array.from(numbersOf(columnFromValues('a', 'int', [3, null])))).toEqual([3, Number.NaN]);
    const words = new Set(['completed']);
    expect(Array.from(textIn(stringColumn('s', ['Completed', 'COMPLETED', 'complete', null, 'Pending']), words))).toEqual([1, 1, 0, 0, 0]);
    expect(Array.from(textIn(dictColumn('s', ['completed', 'Failed'], Int32Array.from([0, 1, 0]), Uint8Array.from([1, 1, 0])), words))).toEqual([1, 0, 0]);
  });
});
