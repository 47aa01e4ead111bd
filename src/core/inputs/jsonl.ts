/**
 * JSON Lines: one JSON object per line (blank lines skipped). Keys become columns in
 * first-seen order; a missing key is null. Booleans keep their type; numbers follow the one
 * rule of `numbers.ts` on their literal text (so `1234567890123456789` stays exact and `1e400`
 * is text with a note, never an empty cell); strings are inferred only as dates, times and
 * timestamps (a JSON string "42" stays text); nested values and mixed-type columns become their
 * JSON text, with a note.
 */
import { boolColumn, makeTable, stringColumn, type Column } from '../table/column';
import { inferColumn } from './infer';
import { parseJsonLine, type JsonCell } from './json-line';
import { classifyNumbers, columnOfNumbers } from './numbers';
import { checkColumnNames, columnInfo, decodeUtf8, fail, type ColumnInfo, type ReadResult } from './types';

export function readJsonl(file: string, name: string, bytes: Uint8Array): ReadResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return fail({ file, line: decoded.line, message: 'the file is not valid UTF-8 text (save it as UTF-8)' });
  const text = decoded.text;
  const keys: string[] = [];
  const index = new Map<string, number>();
  const cols: JsonCell[][] = [];
  let rows = 0;
  let line = 0;
  for (let from = 0; from <= text.length; ) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    line++;
    const raw = text.slice(from, to > from && text.charCodeAt(to - 1) === 13 ? to - 1 : to);
    from = to + 1;
    if (raw.trim() === '') continue;
    const r = parseJsonLine(raw);
    if (!r.ok) return fail({ file, line, message: r.message.startsWith('each line') ? r.message : `not valid JSON (${r.message})` });
    for (const [k, v] of r.entries) {
      let c = index.get(k);
      if (c === undefined) {
        c = keys.length;
        index.set(k, c);
        keys.push(k);
        cols.push(new Array<JsonCell>(rows).fill(null));
      }
      cols[c][rows] = v;
    }
    rows++;
    for (const col of cols) if (col.length < rows) col.push(null);
  }
  if (rows === 0) return fail({ file, message: 'the file is empty' });
  const bad = checkColumnNames(file, keys);
  if (bad) return fail(bad);
  const columns: Column[] = [];
  const info: ColumnInfo[] = [];
  keys.forEach((k, c) => {
    const { column, zone, note } = typedColumn(k, cols[c]);
    columns.push(column);
    info.push(columnInfo(k, column.type, zone, note));
  });
  return { ok: true, table: makeTable(name, columns), columns: info };
}

const kindOf = (v: JsonCell) => (v === null ? 'null' : typeof v === 'boolean' ? 'boolean' : typeof v === 'string' ? 'string' : 'num' in v ? 'number' : 'nested');

function typedColumn(name: string, values: readonly JsonCell[]): { column: Column; zone?: boolean; note?: string } {
  const kinds = new Set(values.map(kindOf));
  kinds.delete('null');
  const valid = values.some((v) => v === null) ? Uint8Array.from(values, (v) => (v === null ? 0 : 1)) : undefined;
  if (kinds.size === 1 && kinds.has('boolean')) return { column: boolColumn(name, Uint8Array.from(values, (v) => (v === true ? 1 : 0)), valid) };
  if (kinds.size === 1 && kinds.has('number')) {
    const texts = values.map((v) => (v === null ? null : (v as { num: string }).num));
    const cls = classifyNumbers(texts)!;
    return { column: columnOfNumbers(name, cls, texts), note: 'note' in cls ? cls.note : undefined };
  }
  const text = values.map((v) => (v === null ? null : typeof v === 'string' ? v : typeof v === 'boolean' ? String(v) : 'num' in v ? v.num : v.raw));
  if (kinds.size === 1 && kinds.has('string')) return inferColumn(name, text, { numbers: false });
  const note = kinds.has('nested') ? 'nested objects or arrays: read as their JSON text' : kinds.size > 1 ? `mixed JSON types (${[...kinds].join(', ')}): read as text` : undefined;
  return { column: stringColumn(name, text), note };
}
