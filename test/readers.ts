/**
 * Independent readers for every output format (tests only): hyparquet for Parquet, a small
 * RFC 4180 reader for CSV, JSON.parse per line for JSONL. None shares code with the writers,
 * so a file that reads back to the table it came from is what another tool would read.
 * `readRows`/`expectFileHolds` check a file against a table; the typed readers
 * (`readLandedRows`, `readCsvRows`, …) give rows typed by a schema, to compare landed files with
 * the input rows they came from.
 */
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { expect } from 'vitest';
import type { OutputFormat } from '../src/core/output/formats';
import { cellAt, type CellValue, type ColumnType, type Table } from '../src/core/table/column';

/** RFC 4180 records as plain values: an unquoted empty field is null, a quoted one the empty string (the project's CSV contract). */
export function readCsv(text: string): (string | null)[][] {
  return csvRecords(text).map((r) => r.map((c) => (!c.quoted && c.text === '' ? null : c.text)));
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
    case 'bigint':
    case 'decimal':
      // exact kinds: cellAt gives their digits; readers give bigints, numbers or text
      return String(got) === want || (typeof got === 'number' && Number(want) === got);
    case 'time':
      return Number(got) === want;
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

export type Schema = readonly { readonly name: string; readonly type: ColumnType }[];

/** A CSV cell: its text and whether it was quoted (an unquoted empty cell is null). */
interface Cell {
  text: string;
  quoted: boolean;
}

/** RFC 4180 records as cells: quotes, doubled quotes, commas and line breaks inside quotes. */
export function csvRecords(text: string): Cell[][] {
  const out: Cell[][] = [];
  let record: Cell[] = [];
  let i = 0;
  while (i < text.length) {
    let cell: Cell;
    if (text[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        s += text.slice(i, q);
        if (text[q + 1] === '"') {
          s += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      cell = { text: s, quoted: true };
    } else {
      let j = i;
      while (j < text.length && text[j] !== ',' && text[j] !== '\n') j++;
      cell = { text: text.slice(i, j), quoted: false };
      i = j;
    }
    record.push(cell);
    if (text[i] === ',') i++;
    else if (text[i] === '\n' || i >= text.length) {
      out.push(record);
      record = [];
      i++;
    } else throw new Error(`unexpected character ${JSON.stringify(text[i])} at ${i}`);
  }
  return out;
}

function fromText(type: ColumnType, c: Cell): CellValue {
  if (!c.quoted && c.text === '') return null;
  switch (type) {
    case 'int':
    case 'float':
      return Number(c.text);
    case 'bool':
      if (c.text !== 'true' && c.text !== 'false') throw new Error(`not a boolean: ${c.text}`);
      return c.text === 'true';
    case 'timestamp':
      return isoToUs(c.text);
    case 'date':
      return Date.parse(`${c.text}T00:00:00Z`) / 86_400_000;
    case 'string':
    case 'bigint':
    case 'decimal':
      return c.text;
    case 'time':
      return Number(c.text);
  }
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ` → epoch µs, checked to be in exactly that shape. */
export function isoToUs(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text)) throw new Error(`not a canonical instant: ${text}`);
  return Date.parse(text) * 1000;
}

export function readCsvRows(bytes: Uint8Array, schema: Schema): Record<string, CellValue>[] {
  const [header, ...records] = csvRecords(new TextDecoder().decode(bytes));
  const names = header.map((c) => c.text);
  if (names.join() !== schema.map((c) => c.name).join()) throw new Error(`header ${names.join()} ≠ ${schema.map((c) => c.name).join()}`);
  return records.map((r) => Object.fromEntries(schema.map((c, j) => [c.name, fromText(c.type, r[j])])));
}

export function readJsonlRows(bytes: Uint8Array, schema: Schema): Record<string, CellValue>[] {
  const text = new TextDecoder().decode(bytes);
  if (text !== '' && !text.endsWith('\n')) throw new Error('JSONL must end with a newline');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((line) => {
      const o = JSON.parse(line) as Record<string, unknown>;
      if (Object.keys(o).join() !== schema.map((c) => c.name).join()) throw new Error('JSONL keys differ from the schema');
      return Object.fromEntries(
        schema.map((c) => {
          const v = o[c.name];
          if (v === null) return [c.name, null];
          if (c.type === 'timestamp') return [c.name, isoToUs(v as string)];
          if (c.type === 'date') return [c.name, Date.parse(`${v as string}T00:00:00Z`) / 86_400_000];
          return [c.name, v as CellValue];
        }),
      );
    });
}

export async function readParquetRows(bytes: Uint8Array, schema: Schema): Promise<Record<string, CellValue>[]> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const rows = (await parquetReadObjects({ file, utf8: true })) as Record<string, unknown>[];
  return rows.map((o) =>
    Object.fromEntries(
      schema.map((c) => {
        const v = o[c.name];
        if (v === null || v === undefined) return [c.name, null];
        if (c.type === 'int') return [c.name, Number(v as bigint)];
        if (c.type === 'timestamp') return [c.name, (v as Date).getTime() * 1000];
        if (c.type === 'date') return [c.name, Math.round((v as Date).getTime() / 86_400_000)];
        return [c.name, v as CellValue];
      }),
    ),
  );
}

/** Rows of a landed file in any of the three formats, by its extension, typed by a schema. */
export async function readLandedRows(path: string, bytes: Uint8Array, schema: Schema): Promise<Record<string, CellValue>[]> {
  if (path.endsWith('.csv')) return readCsvRows(bytes, schema);
  if (path.endsWith('.jsonl')) return readJsonlRows(bytes, schema);
  if (path.endsWith('.parquet')) return readParquetRows(bytes, schema);
  throw new Error(`unknown format: ${path}`);
}

/** Each column's Parquet type as hyparquet reads it: physical type and logical type (TIMESTAMP unit and UTC flag). */
export async function parquetColumnTypes(bytes: Uint8Array): Promise<{ name: string; type: string; logical?: Record<string, unknown> }[]> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return parquetSchema(parquetMetadata(file)).children.map((c) => ({
    name: c.element.name,
    type: String(c.element.type),
    ...(c.element.logical_type ? { logical: c.element.logical_type as unknown as Record<string, unknown> } : {}),
  }));
}
