import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnFromValues, dictColumn, makeTable, type CellValue, type ColumnType, type Table } from '../table/column';
import { formatDate, formatIso } from '../time';
import { writeCsv } from './csv';
import { writeJsonl } from './jsonl';
import { writeParquetBytes } from './parquet';

/** An independent RFC 4180 reader (tests only): fields, quotes, doubled quotes, LF records. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',') {
      row.push(wasQuoted ? field : field);
      field = '';
      wasQuoted = false;
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
    } else field += ch;
  }
  return rows;
}

/** The kinds simulators generate (the exact kinds have their own tests: exact-writers.test.ts). */
const TYPES = ['int', 'float', 'bool', 'string', 'timestamp', 'date'] as const satisfies readonly ColumnType[];
type BaseType = (typeof TYPES)[number];

function arbValue(type: BaseType): fc.Arbitrary<CellValue> {
  const v: Record<BaseType, fc.Arbitrary<CellValue>> = {
    int: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
    float: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
    bool: fc.boolean(),
    string: fc.string({ unit: fc.constantFrom('a', 'é', '"', ',', '\n', ' ', 'ß', '\\', 'x', '😀', '\t') , maxLength: 12 }),
    timestamp: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => ms * 1000),
    date: fc.integer({ min: -10_000, max: 60_000 }),
  };
  return fc.option(v[type], { freq: 5 });
}

const arbTable = fc
  .array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 6 })
  .chain((types) =>
    fc.integer({ min: 0, max: 25 }).chain((n) =>
      fc.tuple(...types.map((t) => fc.array(arbValue(t), { minLength: n, maxLength: n }))).map((cols) =>
        makeTable(
          't',
          cols.map((values, j) => columnFromValues(`c${j}_${types[j]}`, types[j], values)),
        ),
      ),
    ),
  );

function expectedText(type: ColumnType, v: CellValue): string {
  if (v === null) return '';
  if (type === 'timestamp') return formatIso(v as number);
  if (type === 'date') return formatDate(v as number);
  if (type === 'bool') return v ? 'true' : 'false';
  return Object.is(v, -0) ? '-0' : String(v);
}

function valuesOf(t: Table): CellValue[][] {
  return t.columns.map((c) => {
    const out: CellValue[] = [];
    for (let i = 0; i < t.length; i++) {
      if (c.valid && c.valid[i] === 0) out.push(null);
      else if (c.type === 'string') out.push(c.encoding === 'dict' ? c.dict[c.codes[i]] : new TextDecoder().decode(c.bytes.subarray(c.offsets[i], c.offsets[i + 1])));
      else if (c.type === 'bool') out.push(c.values[i] === 1);
      else out.push(c.values[i] as number);
    }
    return out;
  });
}

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
        const bytes = writeParquetBytes(t);
        const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
        const meta = parquetMetadata(file);
        expect(Number(meta.num_rows)).toBe(t.length);
        const schema = parquetSchema(meta).children.map((c) => c.element);
        const physical: Record<BaseType, string> = { int: 'INT64', float: 'DOUBLE', bool: 'BOOLEAN', string: 'BYTE_ARRAY', timestamp: 'INT64', date: 'INT32' };
        t.columns.forEach((c, j) => {
          expect(schema[j].name).toBe(c.name);
          expect(schema[j].type).toBe(physical[c.type as BaseType]);
          if (c.type === 'timestamp') expect(schema[j].logical_type).toMatchObject({ type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' });
          if (c.type === 'string') expect(schema[j].logical_type?.type ?? schema[j].converted_type).toMatch(/STRING|UTF8/);
        });
        if (t.length === 0) return;
        const rows = (await parquetReadObjects({ file, utf8: true })) as Record<string, unknown>[];
        const cols = valuesOf(t);
        t.columns.forEach((c, j) => {
          rows.forEach((row, i) => {
            const v = cols[j][i];
            const got = row[c.name];
            if (v === null) expect(got ?? null).toBeNull();
            else if (c.type === 'int') expect(got).toBe(BigInt(v as number));
            else if (c.type === 'timestamp') expect((got as Date).getTime()).toBe((v as number) / 1000);
            else if (c.type === 'date') expect(Math.round((got as Date).getTime() / 86_400_000)).toBe(v);
            else expect(got).toEqual(v);
          });
        });
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same bytes for the same table', () => {
    const t = makeTable('t', [columnFromValues('x', 'int', [1, 2, 3]), columnFromValues('s', 'string', ['a', null, 'c'])]);
    expect(writeParquetBytes(t)).toEqual(writeParquetBytes(t));
  });
});
