import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnFromValues, dictColumn, makeTable } from '../table/column';
import { arbTable, expectParquetHolds, expectedText, readCsv, valuesOf } from './output.test-utils';
import { writeCsv } from './csv';
import { writeJsonl } from './jsonl';
import { writeParquetBytes } from './parquet';

describe('CSV writer (RFC 4180)', () => {
  it('round-trips every type through an independent reader', () => {
    fc.assert(
      fc.property(arbTable, (t) => {
        const rows = readCsv(new TextDecoder().decode(writeCsv(t)));
        expect(rows[0]).toEqual(t.columns.map((c) => c.name));
        expect(rows).toHaveLength(t.length + 1);
        const cols = valuesOf(t);
        t.columns.forEach((c, j) => {
          for (let i = 0; i < t.length; i++) expect(rows[i + 1][j]).toBe(expectedText(c.type, cols[j][i]));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('quotes only what needs quoting and keeps empty strings distinct from null', () => {
    const t = makeTable('t', [columnFromValues('s', 'string', ['plain', 'a,b', 'say "hi"', '', null, ' pad'])]);
    expect(new TextDecoder().decode(writeCsv(t))).toBe('s\nplain\n"a,b"\n"say ""hi"""\n""\n\n" pad"\n');
  });

  it('writes dictionary-coded strings like plain ones', () => {
    const t = makeTable('t', [dictColumn('state', ['a', 'b,c', ''], Int32Array.from([0, 1, 2, 0]))]);
    expect(new TextDecoder().decode(writeCsv(t))).toBe('state\na\n"b,c"\n""\na\n');
  });
});

describe('JSONL writer', () => {
  it('round-trips every type through JSON.parse', () => {
    fc.assert(
      fc.property(arbTable, (t) => {
        const text = new TextDecoder().decode(writeJsonl(t));
        const lines = text.split('\n');
        expect(lines.pop()).toBe('');
        expect(lines).toHaveLength(t.length);
        const cols = valuesOf(t);
        lines.forEach((line, i) => {
          const obj = JSON.parse(line) as Record<string, unknown>;
          expect(Object.keys(obj)).toEqual(t.columns.map((c) => c.name));
          t.columns.forEach((c, j) => {
            const v = cols[j][i];
            const want = v === null ? null : c.type === 'timestamp' || c.type === 'date' ? expectedText(c.type, v) : v;
            expect(obj[c.name]).toEqual(want);
          });
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('Parquet writer, read back by hyparquet', () => {
  it('keeps types, nulls and values', async () => {
    await fc.assert(
      fc.asyncProperty(arbTable, async (t) => {
        await expectParquetHolds(writeParquetBytes(t), t);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same bytes for the same table', () => {
    const t = makeTable('t', [columnFromValues('x', 'int', [1, 2, 3]), columnFromValues('s', 'string', ['a', null, 'c'])]);
    expect(writeParquetBytes(t)).toEqual(writeParquetBytes(t));
  });
});
