import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDomain, generateDomain } from '../domains';
import { writeTable, type OutputFormat } from '../output/formats';
import { cellAt, columnFromValues, makeTable, type Table } from '../table/column';
import { inferType } from './infer';
import { readTableFile } from './read';
import { retypeColumn } from './retype';
import { formatReadError, type ReadResult } from './types';

const enc = (s: string) => new TextEncoder().encode(s);
const ok = (r: ReadResult) => {
  if (!r.ok) throw new Error(formatReadError(r.error));
  return r;
};
const err = (r: ReadResult) => {
  if (r.ok) throw new Error('expected an error');
  return formatReadError(r.error);
};
const rows = (t: Table) => Array.from({ length: t.length }, (_, i) => t.columns.map((c) => cellAt(c, i)));
const types = (t: Table) => t.columns.map((c) => `${c.name}:${c.type}`);

describe('type inference', () => {
  it('infers int, float, bool, date, timestamp (zone flag) and string', () => {
    expect(inferType(['1', '-2', null, '+3'])).toEqual({ type: 'int', zone: false });
    expect(inferType(['1', '2.5', '1e3', '.5'])).toEqual({ type: 'float', zone: false });
    expect(inferType(['true', 'FALSE', 'True'])).toEqual({ type: 'bool', zone: false });
    expect(inferType(['2024-02-29', '1999-12-31'])).toEqual({ type: 'date', zone: false });
    expect(inferType(['2024-01-01 10:00:00', '2024-01-02T11:30'])).toEqual({ type: 'timestamp', zone: false });
    expect(inferType(['2024-01-01T10:00:00Z', '2024-01-02T11:30:00.123+02:00'])).toEqual({ type: 'timestamp', zone: true });
    expect(inferType(['2024-01-01', '2024-01-02T11:30:00Z'])).toEqual({ type: 'timestamp', zone: true });
    expect(inferType(['08701', '10001'])).toEqual({ type: 'string', zone: false });
    expect(inferType(['12345678901234567890'])).toEqual({ type: 'string', zone: false });
    expect(inferType(['2024-02-30'])).toEqual({ type: 'string', zone: false });
    expect(inferType([null, null])).toEqual({ type: 'string', zone: false });
    expect(inferType(['1', 'x'])).toEqual({ type: 'string', zone: false });
  });

  it('reads a CSV with quotes, CRLF, a BOM, nulls and empty strings', () => {
    const text = '\uFEFFid,name,amount,at,ok\r\n1,"Smith, Jo",1.5,2024-01-01T00:00:00Z,true\r\n2,"say ""hi""\nthere",,2024-01-02T00:00:00Z,false\r\n3,"",2,2024-01-03T00:00:00Z,\r\n';
    const r = ok(readTableFile('people.csv', enc(text)));
    expect(r.table.name).toBe('people');
    expect(types(r.table)).toEqual(['id:int', 'name:string', 'amount:float', 'at:timestamp', 'ok:bool']);
    expect(r.columns[3]).toEqual({ name: 'at', type: 'timestamp', zone: true });
    expect(rows(r.table)).toEqual([
      [1, 'Smith, Jo', 1.5, Date.UTC(2024, 0, 1) * 1000, true],
      [2, 'say "hi"\nthere', null, Date.UTC(2024, 0, 2) * 1000, false],
      [3, '', 2, Date.UTC(2024, 0, 3) * 1000, null],
    ]);
  });

  it('reads JSONL with missing keys, nested values and typed JSON', () => {
    const text = '{"a":1,"b":"2024-01-01","c":true}\n\n{"a":2.5,"d":{"x":1}}\r\n{"a":null,"b":"2024-01-03","c":false,"d":[1,2]}\n';
    const r = ok(readTableFile('events.jsonl', enc(text)));
    expect(types(r.table)).toEqual(['a:float', 'b:date', 'c:bool', 'd:string']);
    expect(rows(r.table)).toEqual([
      [1, 19723, true, null],
      [2.5, null, null, '{"x":1}'],
      [null, 19725, false, '[1,2]'],
    ]);
  });
});

describe('bad files name the file, the line and the problem', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['ragged.csv', 'a,b\n1,2\n3\n', /^ragged\.csv: line 3: this row has 1 field, the header has 2/],
    ['long.csv', 'a,b\n1,2,3\n', /^long\.csv: line 2: this row has 3 fields/],
    ['open.csv', 'a,b\n1,"oops\n2,3\n', /^open\.csv: line 2: a quoted field is never closed/],
    ['inner.csv', 'a,b\n1,x"y\n', /^inner\.csv: line 2: a " inside an unquoted field/],
    ['after.csv', 'a,b\n1,"x"y\n', /^after\.csv: line 2: unexpected text after a closing quote/],
    ['latin1.csv', new Uint8Array([...enc('a,b\n1,2\n3,caf'), 0xe9, 10]), /^latin1\.csv: line 3: the file is not valid UTF-8/],
    ['empty.csv', '', /^empty\.csv: the file is empty/],
    ['blank.csv', '\n\n', /^blank\.csv: the file is empty/],
    ['dup.csv', 'a,b,a\n1,2,3\n', /^dup\.csv: line 1: column name "a" appears twice \(columns 1 and 3\)/],
    ['noname.csv', 'a,,c\n1,2,3\n', /^noname\.csv: line 1: column 2 has an empty name/],
    ['bad.jsonl', '{"a":1}\n{"a":\n', /^bad\.jsonl: line 2: not valid JSON/],
    ['array.jsonl', '{"a":1}\n[1,2]\n', /^array\.jsonl: line 2: each line must be a JSON object/],
    ['empty.jsonl', '\n', /^empty\.jsonl: the file is empty/],
    ['empty.parquet', '', /^empty\.parquet: the file is empty/],
    ['garbage.parquet', 'PAR1 this is not parquet at all PAR1', /^garbage\.parquet: not a readable Parquet file: its footer/],
    ['notes.txt', 'hello', /^notes\.txt: unsupported file type/],
  ];
  for (const [file, content, pattern] of cases)
    it(file, () => {
      expect(err(readTableFile(file, typeof content === 'string' ? enc(content) : content))).toMatch(pattern);
    });

  it('rejects a Parquet file whose footer was cut off', async () => {
    const bytes = writeTable(makeTable('t', [columnFromValues('x', 'int', [1, 2, 3])]), 'parquet');
    expect(err(readTableFile('cut.parquet', bytes.subarray(0, bytes.length - 10)))).toMatch(/^cut\.parquet: not a readable Parquet file/);
  });
});

/** file → table → our writer → table again: the two tables agree in names, types and values. */
function roundTrip(t: Table, format: OutputFormat): { first: Table; second: Table } {
  const first = ok(readTableFile(`${t.name}.${format}`, writeTable(t, format))).table;
  const second = ok(readTableFile(`${t.name}.${format}`, writeTable(first, format))).table;
  return { first, second };
}

describe('round trips through our writers', () => {
  it('keeps every domain table (fixture) through CSV, JSONL and Parquet', async () => {
    for (const id of ['retail', 'financial', 'iot']) {
      const out = await generateDomain(findDomain(id)!, { scale: 'fixture' });
      for (const t of out.tables)
        for (const format of ['csv', 'jsonl', 'parquet'] as const) {
          const { first, second } = roundTrip(t, format);
          expect(types(second), `${id}.${t.name}.${format}`).toEqual(types(first));
          expect(rows(second)).toEqual(rows(first));
          // values survive; a float column whose values are all whole reads back as int from text
          expect(rows(first), `${id}.${t.name}.${format}`).toEqual(rows(t));
          if (format === 'parquet') expect(types(first)).toEqual(types(t));
        }
    }
  });

  it('keeps random typed tables through every format (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    const table = fc.record({
      s: fc.array(fc.option(text), { minLength: 1, maxLength: 30 }),
      seed: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(table, ({ s, seed }) => {
        const n = s.length;
        const t = makeTable('random', [
          columnFromValues('id', 'int', Array.from({ length: n }, (_, i) => i * 7 - seed)),
          columnFromValues('label', 'string', s),
          columnFromValues('amount', 'float', Array.from({ length: n }, (_, i) => (i % 3 === 0 ? null : (i + seed) / 8 + 0.125))),
          columnFromValues('at', 'timestamp', Array.from({ length: n }, (_, i) => Date.UTC(2024, 0, 1 + i, i % 24) * 1000 + seed * 1000)),
          columnFromValues('day', 'date', Array.from({ length: n }, (_, i) => 19_000 + i)),
          columnFromValues('flag', 'bool', Array.from({ length: n }, (_, i) => (i % 4 === 0 ? null : i % 2 === 0))),
        ]);
        for (const format of ['csv', 'jsonl', 'parquet'] as const) {
          const { first, second } = roundTrip(t, format);
          expect(rows(second)).toEqual(rows(first));
          // text that reads as another type (all labels "1", "2") is inferred as that type
          if (types(first)[1] === 'label:string') expect(rows(first).map((r) => r[1])).toEqual(s);
          expect(rows(first).map((r) => r[3])).toEqual(rows(t).map((r) => r[3]));
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('retypeColumn', () => {
  const t = ok(readTableFile('t.csv', enc('code,when,n\n007,2024-01-01T10:00:00Z,1\n042,2024-01-02T11:00:00Z,2\nabc,2024-01-03T12:00:00Z,3\n'))).table;
  it('converts when every value parses, and names the rows that do not', () => {
    expect(types(t)).toEqual(['code:string', 'when:timestamp', 'n:int']);
    const r = retypeColumn(t, 'code', 'int');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe('t.code: row 1 ("007"), row 2 ("042"), row 3 ("abc") cannot be read as an integer');
    const f = retypeColumn(t, 'n', 'float');
    expect(f.ok && f.table.columns[2].type).toBe('float');
    const d = retypeColumn(t, 'when', 'date');
    expect(d.ok && rows(d.table).map((x) => x[1])).toEqual([19723, 19724, 19725]);
    const s = retypeColumn(t, 'n', 'string');
    expect(s.ok && rows(s.table).map((x) => x[2])).toEqual(['1', '2', '3']);
    const back = retypeColumn(s.ok ? s.table : t, 'n', 'int');
    expect(back.ok && rows(back.table)).toEqual(rows(t));
    expect(retypeColumn(t, 'missing', 'int')).toEqual({ ok: false, error: 'table t has no column "missing"' });
  });
});
