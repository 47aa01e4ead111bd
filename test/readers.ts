/**
 * Independent readers for every output format (tests only): hyparquet for Parquet, a small
 * RFC 4180 reader for CSV, JSON.parse per line for JSONL. None shares code with the writers,
 * so a file that reads back to the table it came from is what another tool would read.
 */
import { parquetReadObjects } from 'hyparquet';
import { expect } from 'vitest';
import type { OutputFormat } from '../src/core/output/formats';
import { cellAt, type CellValue, type ColumnType, type Table } from '../src/core/table/column';

/** One field: quoted (doubled quotes inside) or bare, then what ends it. */
const FIELD = /(?:"((?:[^"]|"")*)"|([^",\n]*))(,|\n|$)/y;

/**
 * An RFC 4180 reader (a sticky regex per field; the writers.test.ts reader walks characters, so
 * the two check each other): quoted fields, doubled quotes, LF records. An unquoted empty field
 * is null and a quoted one the empty string (the project's CSV contract).
 */
export function readCsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  FIELD.lastIndex = 0;
  while (FIELD.lastIndex < text.length) {
    const at = FIELD.lastIndex;
    const m = FIELD.exec(text);
    if (!m) throw new Error(`CSV: malformed field at offset ${at}`);
    row.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2] === '' ? null : m[2]);
    if (m[3] !== ',') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

/** Rows of a file in any format, as objects keyed by column name (in file order). */
export async function readRows(bytes: Uint8Array, format: OutputFormat): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
  if (format === 'parquet') {
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const rows = (await parquetReadObjects({ file, utf8: true })) as Record<string, unknown>[];
    return { columns: rows.length ? Object.keys(rows[0]) : [], rows };
  }
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  if (format === 'jsonl') {
    const rows = text === '' ? [] : text.replace(/\n$/, '').split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    return { columns: rows.length ? Object.keys(rows[0]) : [], rows };
  }
  const [header, ...records] = readCsv(text);
  const columns = (header ?? []).map(String);
  return { columns, rows: records.map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j]]))) };
}

/** µs since the epoch of an ISO 8601 `…Z` text, and how many fraction digits it had. */
function isoMicros(text: string): { us: number; digits: number } {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?Z$/.exec(text);
  if (!m) throw new Error(`not an ISO 8601 UTC time: ${text}`);
  const frac = m[2] ?? '';
  return { us: Date.parse(`${m[1]}Z`) * 1000 + Number(frac.padEnd(6, '0')), digits: frac.length };
}

const truncate = (us: number, digits: number) => Math.floor(us / 10 ** (6 - digits)) * 10 ** (6 - digits);

/** Whether a value read back equals the table's value (checked in bulk: one expect per column is fast). */
function sameCell(type: ColumnType, want: CellValue, got: unknown): boolean {
  if (want === null) return got === null || got === undefined;
  switch (type) {
    case 'int':
    case 'float':
      return (typeof got === 'string' ? Number(got) : Number(got as number | bigint)) === want;
    case 'bool':
      return (typeof got === 'string' ? got === 'true' : got) === want;
    case 'string':
      return got === want;
    case 'timestamp': {
      if (got instanceof Date) return got.getTime() === Math.floor((want as number) / 1000);
      const { us, digits } = isoMicros(got as string);
      return us === truncate(want as number, digits);
    }
    case 'date':
      return (got instanceof Date ? got.getTime() : Date.parse(`${got as string}T00:00:00Z`)) / 86_400_000 === want;
  }
}

const show = (v: unknown) => (typeof v === 'bigint' ? `${v}n` : v instanceof Date ? v.toISOString() : JSON.stringify(v));

/** Read `bytes` back with the independent reader of `format` and check it holds `table`, cell by cell. */
export async function expectFileHolds(bytes: Uint8Array, format: OutputFormat, table: Table, label: string): Promise<void> {
  const { columns, rows } = await readRows(bytes, format);
  expect(rows.length, `${label}: rows`).toBe(table.length);
  if (table.length > 0) expect(columns, `${label}: columns`).toEqual(table.columns.map((c) => c.name));
  for (const c of table.columns) {
    let first: string | undefined;
    let bad = 0;
    for (let i = 0; i < table.length; i++) {
      const want = cellAt(c, i);
      const got = rows[i][c.name];
      if (sameCell(c.type, want, got)) continue;
      bad++;
      first ??= `row ${i}: wrote ${show(want)}, read ${show(got)}`;
    }
    expect(bad, `${label}: ${c.name} (${c.type}) differs in ${bad} rows, first ${first}`).toBe(0);
  }
}
