/**
 * UTF-8 dictionary pages with and without row keys (see rowKeysOf in table/column.ts): a gathered
 * column's keys only spare hashing, so the page must be the same to the byte either way,
 * whatever the keys' source repeats, the nulls and the slicing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowKeysOf, sliceColumn, viewColumn, withRowKeys, Utf8Builder, type Utf8Column } from '../../table/column';
import { utf8DictionaryPage, type DictPage } from './dictionary';
import { resetScratch } from './scratch';

/** Row r of the result is source row rows[r], or null where `nulls` says so. */
function gathered(source: readonly string[], rows: readonly number[], nulls: readonly boolean[]): Utf8Column {
  const b = new Utf8Builder(rows.length, 8);
  rows.forEach((r, i) => (nulls[i] ? b.appendNull() : b.append(source[r])));
  return b.finish('id');
}

/** The page's content, copied out of scratch memory. */
function contentOf(p: DictPage | undefined) {
  return p && { values: p.values.slice(), size: p.size, indices: Array.from(p.indices), min: p.min && Array.from(p.min), max: p.max && Array.from(p.max) };
}

const page = (c: Utf8Column) => {
  resetScratch();
  return contentOf(utf8DictionaryPage(c));
};

describe('UTF-8 dictionary pages with row keys', () => {
  it('are the pages made by hashing every row, for gathered columns, sliced or not', () => {
    fc.assert(
      fc.property(
        // a source whose values may repeat (two keys, the same bytes), rows drawn from it
        fc.array(fc.constantFrom('', 'a', 'bb', 'a', 'é😀', 'x'.repeat(40), 'id-1', 'id-2'), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 9000 }),
        fc.nat(),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.tuple(fc.nat(), fc.nat()),
        (source, n, seed, nullShare, [a, b]) => {
          let x = seed | 1;
          const next = () => ((x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6b43a9b5) >>> 0) / 2 ** 32;
          // runs of the same row, as a gather of page views by session makes
          const rows: number[] = [];
          while (rows.length < n) {
            const r = Math.floor(next() * source.length);
            for (let k = 1 + Math.floor(next() * 8); k > 0 && rows.length < n; k--) rows.push(r);
          }
          const nulls = rows.map(() => next() < nullShare);
          const plain = gathered(source, rows, nulls);
          const keyed = withRowKeys(gathered(source, rows, nulls), Int32Array.from(rows));
          expect(page(keyed)).toEqual(page(plain));
          // keys are any row indices of a source: a window far from 0, or spread too wide to pay (hashed as before)
          expect(page(withRowKeys(gathered(source, rows, nulls), Int32Array.from(rows, (r) => r + 1_000_000)))).toEqual(page(plain));
          expect(page(withRowKeys(gathered(source, rows, nulls), Int32Array.from(rows, (r) => r * 50_000)))).toEqual(page(plain));
          const [s, e] = [Math.min(a, b) % (n + 1), Math.max(a, b) % (n + 1)].sort((p, q) => p - q);
          expect(rowKeysOf(viewColumn(keyed, s, e) as Utf8Column)).toEqual(Int32Array.from(rows.slice(s, e)));
          expect(page(viewColumn(keyed, s, e) as Utf8Column)).toEqual(page(viewColumn(plain, s, e) as Utf8Column));
          expect(page(sliceColumn(keyed, s, e) as Utf8Column)).toEqual(page(sliceColumn(plain, s, e) as Utf8Column));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('makes a dictionary of a keyed column that repeats (the case the keys are for)', () => {
    const source = Array.from({ length: 500 }, (_, k) => `session-${k}`);
    const rows = Array.from({ length: 20_000 }, (_, i) => Math.floor(i / 40));
    const keyed = withRowKeys(gathered(source, rows, []), Int32Array.from(rows));
    const p = page(keyed);
    expect(p?.size).toBe(500);
    expect(p).toEqual(page(gathered(source, rows, [])));
  });
});

describe('row keys', () => {
  it('go with slices, copied or viewed, and with nothing else', () => {
    const c = withRowKeys(gathered(['a', 'b', 'c'], [0, 1, 1, 2, 0], []), Int32Array.of(0, 1, 1, 2, 0));
    const view = viewColumn(c, 1, 4) as Utf8Column;
    const copy = sliceColumn(c, 2, 5) as Utf8Column;
    expect(rowKeysOf(view)).toEqual(Int32Array.of(1, 1, 2));
    expect(rowKeysOf(view)!.buffer).toBe(rowKeysOf(c)!.buffer);
    expect(rowKeysOf(copy)).toEqual(Int32Array.of(1, 2, 0));
    expect(rowKeysOf(copy)!.buffer).not.toBe(rowKeysOf(c)!.buffer);
    expect(rowKeysOf({ ...c, name: 'renamed' })).toBeUndefined();
    expect(structuredClone(c)).not.toBe(c);
    expect(rowKeysOf(structuredClone(c))).toBeUndefined();
  });

  it('are refused when they do not match the rows', () => {
    expect(() => withRowKeys(gathered(['a'], [0, 0], []), Int32Array.of(0))).toThrow(/1 keys for 2 rows/);
  });
});
