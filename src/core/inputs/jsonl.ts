/**
 * JSON Lines: one JSON object per line (blank lines skipped). Keys become columns in
 * first-seen order; a missing key is null. Booleans and numbers keep their JSON types;
 * strings are inferred only as dates and timestamps (a JSON string "42" stays text); nested
 * values and mixed-type columns become JSON text.
 */
import { boolColumn, makeTable, numberColumn, stringColumn, type Column } from '../table/column';
import { columnFromText, inferType } from './infer';
import { checkColumnNames, decodeUtf8, fail, type ColumnInfo, type ReadResult } from './types';

type Json = string | number | boolean | null | object;

export function readJsonl(file: string, name: string, bytes: Uint8Array): ReadResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return fail({ file, line: decoded.line, message: 'the file is not valid UTF-8 text (save it as UTF-8)' });
  const lines = decoded.text.split('\n');
  const keys: string[] = [];
  const index = new Map<string, number>();
  const cols: Json[][] = [];
  let rows = 0;
  for (let l = 0; l < lines.length; l++) {
    const text = lines[l].endsWith('\r') ? lines[l].slice(0, -1) : lines[l];
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return fail({ file, line: l + 1, message: `not valid JSON (${(e as Error).message})` });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail({ file, line: l + 1, message: 'each line must be a JSON object ({"column": value, …})' });
    for (const [k, v] of Object.entries(value)) {
      let c = index.get(k);
      if (c === undefined) {
        c = keys.length;
        index.set(k, c);
        keys.push(k);
        cols.push(new Array<Json>(rows).fill(null));
      }
      cols[c][rows] = v as Json;
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
    const { column, zone } = typedColumn(k, cols[c]);
    columns.push(column);
    info.push(zone ? { name: k, type: column.type, zone } : { name: k, type: column.type });
  });
  return { ok: true, table: makeTable(name, columns), columns: info };
}

function typedColumn(name: string, values: readonly Json[]): { column: Column; zone: boolean } {
  const kinds = new Set(values.filter((v) => v !== null).map((v) => typeof v));
  const valid = values.some((v) => v === null) ? Uint8Array.from(values, (v) => (v === null ? 0 : 1)) : undefined;
  if (kinds.size === 1 && kinds.has('boolean')) return { column: boolColumn(name, Uint8Array.from(values, (v) => (v === true ? 1 : 0)), valid), zone: false };
  if (kinds.size === 1 && kinds.has('number')) {
    const nums = Float64Array.from(values, (v) => (typeof v === 'number' ? v : 0));
    const int = nums.every((x, i) => (valid && !valid[i]) || Number.isSafeInteger(x));
    return { column: numberColumn(name, int ? 'int' : 'float', nums, valid), zone: false };
  }
  const text = values.map((v) => (v === null ? null : typeof v === 'string' ? v : JSON.stringify(v)));
  if (kinds.size === 1 && kinds.has('string')) {
    const { type, zone } = inferType(text);
    if (type === 'date' || type === 'timestamp') {
      const r = columnFromText(name, type, text);
      if (r.ok) return { column: r.column, zone };
    }
  }
  return { column: stringColumn(name, text), zone: false };
}
