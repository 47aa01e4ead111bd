/**
 * Results of reading a user's file: a whole table or an error that names the file, the line
 * or row and the problem. Nothing half-loaded is ever returned as a table.
 */
import type { ColumnType, Table } from '../table/column';

/** A column as read: its type, and for timestamps whether the text carried a zone or offset. */
export interface ColumnInfo {
  readonly name: string;
  readonly type: ColumnType;
  /** Timestamps only: true when values carried `Z` or `±hh:mm` (all are stored as UTC). */
  readonly zone?: boolean;
  /**
   * What was not kept exactly as written, in words, shown on the page (issue 11): nanoseconds
   * floored to µs, values read as text because no exact type holds them, binary as hex.
   */
  readonly note?: string;
}

/** The info of a column as read (zone and note only when there are any). */
export function columnInfo(name: string, type: ColumnType, zone?: boolean, note?: string): ColumnInfo {
  return { name, type, ...(zone ? { zone } : {}), ...(note ? { note } : {}) };
}

export interface ReadError {
  readonly file: string;
  /** 1-based text line (CSV, JSONL). */
  readonly line?: number;
  /** 1-based data row (after the header). */
  readonly row?: number;
  readonly column?: string;
  readonly message: string;
}

export type ReadResult = { readonly ok: true; readonly table: Table; readonly columns: readonly ColumnInfo[] } | { readonly ok: false; readonly error: ReadError };

/** One line: `file: line 3: message` (or `row 3`, or just the file). */
export function formatReadError(e: ReadError): string {
  const where = [e.line !== undefined ? `line ${e.line}` : e.row !== undefined ? `row ${e.row}` : '', e.column !== undefined ? `column "${e.column}"` : ''].filter(Boolean).join(', ');
  return `${e.file}: ${where ? `${where}: ` : ''}${e.message}`;
}

export const fail = (error: ReadError): ReadResult => ({ ok: false, error });

/** Empty or duplicated column names are errors (a table needs distinct, non-empty names). */
export function checkColumnNames(file: string, names: readonly string[], line?: number): ReadError | null {
  if (names.length === 0) return { file, line, message: 'there are no columns' };
  const seen = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const n = names[i];
    if (n.trim() === '') return { file, line, message: `column ${i + 1} has an empty name` };
    const before = seen.get(n);
    if (before !== undefined) return { file, line, message: `column name "${n}" appears twice (columns ${before + 1} and ${i + 1})` };
    seen.set(n, i);
  }
  return null;
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function invalidUtf8At(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Decode UTF-8 text (a BOM dropped) or return the 1-based line of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; line: number } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    const at = invalidUtf8At(bytes);
    let line = 1;
    for (let i = 0; i < Math.max(0, at); i++) if (bytes[i] === 10) line++;
    return { ok: false, line };
  }
}
