/**
 * Independent readers for the files the engine writes (tests only): a small RFC 4180 CSV
 * reader, JSON.parse for JSONL and hyparquet for Parquet, each giving rows as plain values
 * typed by a schema, so a test can compare landed files with the input rows they came from.
 */
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import type { CellValue, ColumnType } from '../src/core/table/column';

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
      return c.text;
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

/** Rows of a landed file in any of the three formats, by its extension. */
export async function readRows(path: string, bytes: Uint8Array, schema: Schema): Promise<Record<string, CellValue>[]> {
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
