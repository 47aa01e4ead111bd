/** Test helpers for the writers: an independent CSV reader, generated tables, plain values. */
import fc from 'fast-check';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { expect } from 'vitest';
import { columnFromValues, dictColumn, makeTable, numberColumn, Utf8Builder, type CellValue, type ColumnType, type Table } from '../table/column';
import { formatDate, formatIso } from '../time';
import type { PoolPort, PoolRequest, PoolResponse } from '../pool';
import type { EncodeTask, Piece } from './parts';
import { answerEncode } from './pool-encoder';

/** An independent RFC 4180 reader (tests only): fields, quotes, doubled quotes, LF records. */
export function readCsv(text: string): string[][] {
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
export const TYPES = ['int', 'float', 'bool', 'string', 'timestamp', 'date'] as const satisfies readonly ColumnType[];
export type BaseType = (typeof TYPES)[number];

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

/** Tables of 1–6 columns of any type, 0–`maxRows` rows, with nulls and awkward strings. */
export const arbTableUpTo = (maxRows: number) =>
  fc
  .array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 6 })
  .chain((types) =>
    fc.integer({ min: 0, max: maxRows }).chain((n) =>
      fc.tuple(...types.map((t) => fc.array(arbValue(t), { minLength: n, maxLength: n }))).map((cols) =>
        makeTable(
          't',
          cols.map((values, j) => columnFromValues(`c${j}_${types[j]}`, types[j], values)),
        ),
      ),
    ),
  );

export const arbTable = arbTableUpTo(25);

export function expectedText(type: ColumnType, v: CellValue): string {
  if (v === null) return '';
  if (type === 'timestamp') return formatIso(v as number);
  if (type === 'date') return formatDate(v as number);
  if (type === 'bool') return v ? 'true' : 'false';
  return Object.is(v, -0) ? '-0' : String(v);
}

export function valuesOf(t: Table): CellValue[][] {
  return t.columns.map((c) => {
    const out: CellValue[] = [];
    for (let i = 0; i < t.length; i++) {
      if (c.valid && c.valid[i] === 0) out.push(null);
      else if (c.type === 'string') out.push(c.encoding === 'dict' ? c.dict[c.codes[i]] : new TextDecoder().decode(c.bytes.subarray(c.offsets[i], c.offsets[i + 1])));
      else if (c.type === 'bool') out.push(c.values[i] === 1);
      else if (c.type === 'bigint' || c.type === 'decimal') out.push(String(c.values[i]));
      else out.push(c.values[i]);
    }
    return out;
  });
}


/** Read Parquet bytes back with hyparquet (an independent reader): same schema, rows, values and nulls as `t`. */
export async function expectParquetHolds(bytes: Uint8Array, t: Table): Promise<void> {
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
  expect(rows).toHaveLength(t.length);
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
}

/** A table of more than one row group: ints, floats with nulls, dictionary and UTF-8 strings, instants. */
export function bigTable(rows: number): Table {
  const id = new Float64Array(rows);
  const amount = new Float64Array(rows);
  const valid = new Uint8Array(rows);
  const ts = new Float64Array(rows);
  const codes = new Int32Array(rows);
  const label = new Utf8Builder(rows, 12);
  for (let i = 0; i < rows; i++) {
    id[i] = i;
    amount[i] = (i * 37) % 1000 / 8;
    valid[i] = i % 11 === 0 ? 0 : 1;
    ts[i] = 1_704_067_200_000_000 + i * 1_000_000;
    codes[i] = (i * 7) % 5;
    label.append(`row-${i}${i % 3 === 0 ? ',"q"' : ''}`);
  }
  return makeTable('big', [
    numberColumn('id', 'int', id),
    numberColumn('amount', 'float', amount, valid),
    dictColumn('state', ['new', 'paid', 'sent', 'late', ''], codes),
    label.finish('label'),
    numberColumn('at', 'timestamp', ts),
  ]);
}

/**
 * A pool "thread" in this one: requests and answers cross by structuredClone with their transfer
 * lists, so what is sent is detached on the sending side, as with postMessage to a real thread.
 */
export function loopback(): PoolPort<EncodeTask, Piece> {
  let reply: (m: PoolResponse<Piece>) => void = () => {};
  return {
    post(message: PoolRequest<EncodeTask>, transfer: ArrayBuffer[]) {
      const req = structuredClone(message, { transfer });
      void answerEncode(req).then(({ message: m, transfer: back }) => setTimeout(() => reply(structuredClone(m, { transfer: back }))));
    },
    listen(onMessage) {
      reply = onMessage;
    },
    terminate() {},
  };
}
