/**
 * The exactness rules for text inputs (issue 11): one rule for numbers in CSV and JSON, JSON
 * lines scanned without recursion, times and timestamps past µs floored with a note, and the
 * types of `_spindle/tables.json` winning over inference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../output/csv';
import { writeJsonl } from '../output/jsonl';
import { writeParquetBytes } from '../output/parquet';
import { bigintColumn, columnFromValues, decimalText, getColumn, makeTable, numberColumn, type Table } from '../table/column';
import { decimalParts, doubleKeeps, formatTimeOfDay, parseTimeOfDay, unscaledAt } from '../table/exact';
import { applyDeclared, parseTablesJson } from './declared';
import { parseJsonLine } from './json-line';
import { classifyNumbers } from './numbers';
import { readTableFile } from './read';
import { cellText } from './retype';
import { uploadTree } from './upload-tree';

const enc = new TextEncoder();
const dec = new TextDecoder();
const read = (file: string, text: string | Uint8Array) => {
  const r = readTableFile(file, typeof text === 'string' ? enc.encode(text) : text);
  if (!r.ok) throw new Error(`${r.error.line ?? ''} ${r.error.message}`);
  return r;
};
const texts = (t: Table, name: string) => Array.from({ length: t.length }, (_, i) => cellText(getColumn(t, name), i));

describe('decimal text', () => {
  it('round-trips any unscaled 64-bit value at any scale through its text (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.integer({ min: 0, max: 20 }), (v, scale) => {
        const text = decimalText(v, scale);
        expect(unscaledAt(decimalParts(text)!, scale)).toBe(v);
        if (scale > 0) expect(text).toMatch(new RegExp(`^-?\\d+\\.\\d{${scale}}$`));
      }),
    );
    expect(decimalText(-5n, 2)).toBe('-0.05');
    expect(decimalText(500n, 2)).toBe('5.00');
  });

  it('knows which literals a double keeps', () => {
    for (const t of ['19.99', '0.1', '5.00', '1e300', '-0', '123456789012345', '0.30000000000000004']) expect(doubleKeeps(t), t).toBe(true);
    for (const t of ['1e400', '9007199254740993', '0.12345678901234567891', '3.14159265358979323846']) expect(doubleKeeps(t), t).toBe(false);
  });
});

describe('one rule for numbers (CSV cells and JSON literals)', () => {
  it('classifies: int, bigint, text past 64 bits, float, exact decimal, text past any exact type', () => {
    expect(classifyNumbers(['1', '-2', null, '9007199254740991'])).toEqual({ type: 'int' });
    expect(classifyNumbers(['1', '9007199254740993'])).toEqual({ type: 'bigint' });
    expect(classifyNumbers(['1', '9223372036854775808'])).toMatchObject({ type: 'string', note: expect.stringContaining('64 bits') });
    expect(classifyNumbers(['19.99', '5.00', '1234.5', '2'])).toEqual({ type: 'float' });
    expect(classifyNumbers(['0.1234567890123456789', '0.5'])).toMatchObject({ type: 'decimal', precision: 19, scale: 19, note: expect.stringContaining('decimal(19,19)') });
    expect(classifyNumbers(['0.1234567890123456789', '2.5'])).toMatchObject({ type: 'string' });
    expect(classifyNumbers(['1e400'])).toMatchObject({ type: 'string', note: expect.stringContaining('1e400') });
    expect(classifyNumbers([null, null])).toBeNull();
  });

  it('reads the same 64-bit ids as bigint from CSV, JSONL and Parquet, distinct and exact', () => {
    const ids = ['1234567890123456789', '1234567890123456788', '-9223372036854775808', '7'];
    const csv = read('ids.csv', `id\n${ids.join('\n')}\n`);
    const jsonl = read('ids.jsonl', ids.map((v) => `{"id": ${v}}`).join('\n'));
    const parquet = read('ids.parquet', writeParquetBytes(makeTable('ids', [bigintColumn('id', BigInt64Array.from(ids.map(BigInt)))])));
    for (const r of [csv, jsonl, parquet]) {
      expect(r.columns[0].type).toBe('bigint');
      expect(texts(r.table, 'id')).toEqual(ids);
    }
    // within ±2^53 all three agree on int
    const small = read('s.jsonl', '{"id": 9007199254740991}\n{"id": 1}');
    expect([small.columns[0].type, read('s.csv', 'id\n9007199254740991\n1\n').columns[0].type]).toEqual(['int', 'int']);
  });

  it('never turns a JSON number into an empty cell: 1e400 is text with a note', () => {
    const r = read('big.jsonl', '{"x": 1e400}\n{"x": 2}\n');
    expect(r.columns[0]).toMatchObject({ type: 'string', note: expect.stringContaining('double') });
    expect(texts(r.table, 'x')).toEqual(['1e400', '2']);
  });
});

describe('JSON lines without recursion', () => {
  it('agrees with JSON.parse on keys, strings, booleans and nested values (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 }), (obj) => {
        const line = JSON.stringify(obj);
        const r = parseJsonLine(line);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const parsed = JSON.parse(line) as Record<string, unknown>;
        expect(r.entries.map(([k]) => k)).toEqual(Object.keys(parsed));
        for (const [k, cell] of r.entries) {
          const want = parsed[k];
          if (cell !== null && typeof cell === 'object') expect(JSON.parse('num' in cell ? cell.num : cell.raw)).toEqual(want);
          else expect(cell).toEqual(want);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads a line nested 20,000 deep, and names the line of a broken one instead of overflowing the stack', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const ok = read('deep.jsonl', `{"x": ${deep}}\n`);
    expect(ok.columns[0]).toMatchObject({ type: 'string', note: expect.stringContaining('JSON text') });
    expect(texts(ok.table, 'x')[0]).toBe(deep);
    const bad = readTableFile('deep.jsonl', enc.encode(`{"x": 1}\n{"x": ${'['.repeat(20_000)}}\n`));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ file: 'deep.jsonl', line: 2, message: expect.stringContaining('not valid JSON') });
  });
});

describe('times and timestamps in text', () => {
  it('reads times of day, and floors timestamps and times past µs with a note', () => {
    const r = read('t.csv', 't,ts\n12:00:01,2024-01-01T00:00:00.123456789Z\n00:00:00.000001,2024-01-01T00:00:00Z\n');
    expect(r.columns.map((c) => c.type)).toEqual(['time', 'timestamp']);
    expect(r.columns[1].note).toMatch(/floored/);
    expect(texts(r.table, 't')).toEqual(['12:00:01', '00:00:00.000001']);
    expect(texts(r.table, 'ts')).toEqual(['2024-01-01T00:00:00.123456Z', '2024-01-01T00:00:00.000Z']);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400_000_000 - 1 }), (us) => {
        expect(parseTimeOfDay(formatTimeOfDay(us))).toEqual({ us, floored: false });
      }),
    );
  });
});

describe('tables.json types win over inference', () => {
  it('reads back whole-number floats as float, an all-null int column as int and a decimal with its scale', () => {
    const t = makeTable('m', [
      numberColumn('amount', 'float', Float64Array.from([10, 20, 30])),
      columnFromValues('qty', 'int', [null, null, null]),
      columnFromValues('price', 'string', ['19.90', '5.00', '0.10']),
    ]);
    const typed = applyDeclared('m.csv', t, [], { name: 'm', columns: [{ name: 'price', type: 'decimal', precision: 18, scale: 2 }], entry: {} });
    if (!typed.ok) throw new Error(typed.error.message);
    for (const format of ['csv', 'jsonl'] as const) {
      const files = uploadTree([{ name: 'm', table: typed.table, file: 'm.csv', columns: typed.columns }], format);
      const body = read(`m.${format}`, files[0].bytes);
      expect(body.columns.map((c) => c.type)).toEqual(['int', 'string', 'float']);
      const declared = parseTablesJson('tables.json', dec.decode(files[2].bytes));
      if (!declared.ok) throw new Error(declared.error.message);
      const back = applyDeclared(`m.${format}`, body.table, body.columns, declared.tables[0]);
      if (!back.ok) throw new Error(back.error.message);
      expect(back.columns.map((c) => c.type)).toEqual(['float', 'int', 'decimal']);
      expect(texts(back.table, 'price')).toEqual(['19.90', '5.00', '0.10']);
    }
  });

  it('refuses a file whose values do not fit its declared type, naming the column', () => {
    const r = read('x.csv', 'a\n1.5\n');
    const typed = applyDeclared('x.csv', r.table, r.columns, { name: 'x', columns: [{ name: 'a', type: 'int' }], entry: {} });
    expect(typed.ok).toBe(false);
    if (!typed.ok) expect(typed.error).toMatchObject({ column: 'a', message: expect.stringContaining('row 1 ("1.5")') });
  });
});

describe('spreadsheet-safe CSV (opt-in)', () => {
  const t = makeTable('s', [columnFromValues('s', 'string', ['=SUM(A1)', '+1', '-x', '@me', 'plain', '', null]), numberColumn('n', 'float', Float64Array.from([-1, 2, -3, 4, 5, 6, 7]))]);
  it('is verbatim by default', () => {
    expect(dec.decode(writeCsv(t)).split('\n')[1]).toBe('=SUM(A1),-1');
  });
  it('prefixes text cells that would start a formula, leaving numbers, empty strings and nulls alone', () => {
    expect(dec.decode(writeCsv(t, { spreadsheetSafe: true }))).toBe(`s,n\n'=SUM(A1),-1\n'+1,2\n'-x,-3\n'@me,4\nplain,5\n"",6\n,7\n`);
    expect(dec.decode(writeJsonl(t))).toContain('"=SUM(A1)"');
  });
});
