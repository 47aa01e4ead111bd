/**
 * Exact inputs (issue 11), checked against an independent writer and reader (DuckDB): files with
 * DECIMAL at several precisions and scales, INT64 past 2^53, TIME, DATE and nanosecond
 * TIMESTAMP are read, summarised and written back in all three formats, value for value.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_FORMATS } from '../output/formats';
import { getColumn, typeLabel, type Table } from '../table/column';
import { decimalParts, parseTimeOfDay, unscaledAt } from '../table/exact';
import { applyDeclared, parseTablesJson } from './declared';
import { readTableFile } from './read';
import { cellText } from './retype';
import { summarizeColumn } from './summary';
import { uploadTree } from './upload-tree';
import type { ColumnInfo } from './types';

let dir: string;
let con: DuckDBConnection;

/** Every value of a query as text (DuckDB's own rendering), row by row. */
async function rows(sql: string): Promise<(string | null)[][]> {
  const r = await con.runAndReadAll(sql);
  return r.getRows().map((row) => row.map((v) => (v === null ? null : String(v))));
}

const SOURCE = `
  SELECT i AS id,
    CASE WHEN i % 7 = 3 THEN NULL ELSE (((i * 37) % 2001 - 1000) / 10)::DECIMAL(4,1) END AS d4_1,
    (((i * 7919) % 200001 - 100000) / 100 + 0.05)::DECIMAL(10,2) AS d10_2,
    ((i * 104729123) % 1000000000007 / 1000000)::DECIMAL(18,6) AS d18_6,
    (CASE WHEN i = 0 THEN 0.1 ELSE i / 3 END)::DECIMAL(38,10) AS d38_10,
    CASE WHEN i % 5 = 0 THEN NULL WHEN i % 2 = 0 THEN 1234567890123456789 - i ELSE -9223372036854775807 + i END::BIGINT AS big,
    (TIME '00:00:00' + INTERVAL (i * 7777777) MICROSECOND) AS t,
    (DATE '1969-12-25' + INTERVAL (i * 13) DAY)::DATE AS dt,
    make_timestamp_ns(1704067200123456789 + i * 1000000001) AS tns,
    (TIMESTAMPTZ '2024-03-01 12:00:00+00' + INTERVAL (i * 1234567) MICROSECOND) AS tus
  FROM range(0, 400) r(i)`;

const DECIMALS = [
  ['d4_1', 4, 1],
  ['d10_2', 10, 2],
  ['d18_6', 18, 6],
  ['d38_10', 38, 10],
] as const;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spindle-exact-'));
  con = await (await DuckDBInstance.create(':memory:')).connect();
  await con.run(`CREATE TABLE src AS ${SOURCE}`);
  await con.run(`COPY src TO '${join(dir, 'src.parquet')}' (FORMAT parquet)`);
});

afterAll(() => {
  con?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

function readSource(): { table: Table; columns: readonly ColumnInfo[] } {
  const r = readTableFile('src.parquet', new Uint8Array(readFileSync(join(dir, 'src.parquet'))));
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

/** µs since the epoch of DuckDB's `epoch_ns` text, floored. */
const floorUs = (ns: string) => {
  const b = BigInt(ns);
  const q = b / 1000n;
  return Number(b % 1000n < 0n ? q - 1n : q);
};

describe('exact Parquet inputs written by DuckDB', () => {
  it('reads DECIMAL(p, s) as exact decimals, INT64 past 2^53 as bigint, TIME, DATE and ns timestamps floored with a note', async () => {
    const { table, columns } = readSource();
    const info = new Map(columns.map((c) => [c.name, c]));
    for (const [name, p, s] of DECIMALS) {
      const c = getColumn(table, name);
      expect(typeLabel(c as never), name).toBe(`decimal(${p},${s})`);
    }
    expect(info.get('big')!.type).toBe('bigint');
    expect(info.get('t')!.type).toBe('time');
    expect(info.get('dt')!.type).toBe('date');
    expect(info.get('tns')!.type).toBe('timestamp');
    expect(info.get('tns')!.note).toMatch(/floored to microseconds/);
    expect(info.get('tus')!.zone).toBe(true);
    expect(info.get('tus')!.note).toBeUndefined();

    const want = await rows(
      `SELECT d4_1::VARCHAR, d10_2::VARCHAR, d18_6::VARCHAR, d38_10::VARCHAR, big::VARCHAR, t::VARCHAR, dt::VARCHAR, epoch_ns(tns)::VARCHAR, epoch_us(tus)::VARCHAR FROM src ORDER BY id`,
    );
    const cols = ['d4_1', 'd10_2', 'd18_6', 'd38_10', 'big'].map((n) => getColumn(table, n));
    for (let i = 0; i < table.length; i++) {
      cols.forEach((c, k) => expect(cellText(c, i), `${c.name} row ${i}`).toBe(want[i][k]));
      expect(cellText(getColumn(table, 'dt'), i)).toBe(want[i][6]);
      expect((getColumn(table, 't') as { values: Float64Array }).values[i]).toBe(parseTimeOfDay(want[i][5]!)!.us);
      expect((getColumn(table, 'tns') as { values: Float64Array }).values[i]).toBe(floorUs(want[i][7]!));
      expect((getColumn(table, 'tus') as { values: Float64Array }).values[i]).toBe(Number(want[i][8]));
    }
  });

  it('summarises decimals and bigints exactly: min, max, mean and distinct values', async () => {
    const { table } = readSource();
    for (const name of ['d4_1', 'd10_2', 'd18_6', 'd38_10', 'big']) {
      const s = summarizeColumn(getColumn(table, name));
      const [[min, max, distinct, nulls]] = await rows(`SELECT min(${name})::VARCHAR, max(${name})::VARCHAR, count(DISTINCT ${name})::VARCHAR, count(*) FILTER (WHERE ${name} IS NULL) FROM src`);
      expect(s.exact, name).toMatchObject({ min, max });
      expect([s.distinct, s.distinctExact, s.nulls]).toEqual([Number(distinct), true, Number(nulls)]);
      // the mean, exact in integer arithmetic: Σ unscaled / n, rounded to two more digits
      const values = (await rows(`SELECT ${name}::VARCHAR FROM src WHERE ${name} IS NOT NULL`)).map((r) => r[0]!);
      const scale = name === 'big' ? 0 : DECIMALS.find((d) => d[0] === name)![2];
      const unscaled = values.map((v) => BigInt(v.replace('.', '')));
      const sum = unscaled.reduce((a, b) => a + b, 0n);
      const n = BigInt(values.length);
      const scaled = sum * 100n;
      const q = scaled / n;
      const r = scaled % n;
      const rounded = 2n * (r < 0n ? -r : r) >= n ? (scaled < 0n ? q - 1n : q + 1n) : q;
      expect(unscaledAt(decimalParts(s.exact!.mean)!, scale + 2), name).toBe(rounded);
    }
  });

  for (const format of OUTPUT_FORMATS)
    it(`writes every value back as ${format}: DuckDB reads the same values, and so do we with tables.json`, async () => {
      const src = readSource();
      const files = uploadTree([{ name: 'src', table: src.table, file: 'src.parquet', columns: src.columns }], format);
      const out = join(dir, `out-${format}`);
      rmSync(out, { recursive: true, force: true });
      for (const f of files) {
        const path = join(out, f.path);
        mkdirSync(join(path, '..'), { recursive: true });
        writeFileSync(path, f.bytes);
      }
      const path = join(out, `src.${format}`);
      const columns = `{'id': 'INTEGER', 'd4_1': 'DECIMAL(4,1)', 'd10_2': 'DECIMAL(10,2)', 'd18_6': 'DECIMAL(18,6)', 'd38_10': 'DECIMAL(38,10)', 'big': 'BIGINT', 't': 'TIME', 'dt': 'DATE', 'tns': 'TIMESTAMPTZ', 'tus': 'TIMESTAMPTZ'}`;
      const from =
        format === 'parquet' ? `'${path}'` : format === 'csv' ? `read_csv('${path}', header = true, columns = ${columns})` : `read_json('${path}', format = 'newline_delimited', columns = ${columns})`;
      const got = await rows(
        `SELECT d4_1::VARCHAR, d10_2::VARCHAR, d18_6::VARCHAR, d38_10::VARCHAR, big::VARCHAR, t::VARCHAR, dt::VARCHAR, epoch_us(tns)::VARCHAR, epoch_us(tus)::VARCHAR FROM ${from} ORDER BY id`,
      );
      const want = await rows(
        `SELECT d4_1::VARCHAR, d10_2::VARCHAR, d18_6::VARCHAR, d38_10::VARCHAR, big::VARCHAR, t::VARCHAR, dt::VARCHAR, (epoch_ns(tns) // 1000)::VARCHAR, epoch_us(tus)::VARCHAR FROM src ORDER BY id`,
      );
      expect(got).toEqual(want);
      if (format === 'parquet') {
        const types = await rows(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '${path}')`);
        expect(Object.fromEntries(types)).toMatchObject({ d4_1: 'DECIMAL(4,1)', d38_10: 'DECIMAL(38,10)', big: 'BIGINT', t: 'TIME', dt: 'DATE' });
      }
      // our own reader, with the tables.json beside the file, gives back the same table
      const declared = parseTablesJson('tables.json', readFileSync(join(out, '_spindle/tables.json'), 'utf8'));
      if (!declared.ok) throw new Error(declared.error.message);
      const back = readTableFile(`src.${format}`, new Uint8Array(readFileSync(path)));
      if (!back.ok) throw new Error(back.error.message);
      const typed = applyDeclared(`src.${format}`, back.table, back.columns, declared.tables[0]);
      if (!typed.ok) throw new Error(typed.error.message);
      for (const c of src.table.columns) {
        const b = getColumn(typed.table, c.name);
        expect(typeLabel(b as never), c.name).toBe(typeLabel(c as never));
        for (let i = 0; i < src.table.length; i++) expect(cellText(b, i), `${format} ${c.name} row ${i}`).toBe(cellText(c, i));
      }
    });

  it('reads what no exact kind holds as text with a note, and refuses INTERVAL naming the column', async () => {
    const path = join(dir, 'odd.parquet');
    await con.run(
      `COPY (SELECT 18446744073709551615::UBIGINT AS ub, uuid '6ba7b810-9dad-11d1-80b4-00c04fd430c8' AS u, '\\x0B\\xFF'::BLOB AS bl, [1, 2] AS l, {'a': 9007199254740993} AS s,
        12345678901234567890123456789.123::DECIMAL(38,3) AS dbig, TIME_NS '12:00:00.000000001' AS tn) TO '${path}' (FORMAT parquet)`,
    );
    const r = readTableFile('odd.parquet', new Uint8Array(readFileSync(path)));
    if (!r.ok) throw new Error(r.error.message);
    const text = (name: string) => cellText(getColumn(r.table, name), 0);
    expect([text('ub'), text('u'), text('bl'), text('l'), text('s'), text('dbig')]).toEqual([
      '18446744073709551615',
      '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
      '0bff',
      '[1,2]',
      '{"a":9007199254740993}',
      '12345678901234567890123456789.123',
    ]);
    for (const c of r.columns.filter((x) => x.name !== 'tn')) expect(c.note, c.name).toBeTruthy();
    expect(r.columns.find((c) => c.name === 'tn')).toMatchObject({ type: 'time', note: expect.stringContaining('floored') });
    const iv = join(dir, 'iv.parquet');
    await con.run(`COPY (SELECT 1 AS id, INTERVAL '1 year 2 days' AS wait) TO '${iv}' (FORMAT parquet)`);
    const bad = readTableFile('iv.parquet', new Uint8Array(readFileSync(iv)));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ file: 'iv.parquet', column: 'wait', message: expect.stringContaining('INTERVAL') });
  });
});
