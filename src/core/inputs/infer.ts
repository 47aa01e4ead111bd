/**
 * Type inference over text cells (CSV, JSONL strings): bool, int, float, date, timestamp
 * (with or without a zone; stored as UTC µs with a flag), else string. Nulls are ignored; an
 * all-null column is a string column. Integers with leading zeros (zip codes, "0042") stay
 * strings, so they round-trip.
 */
import { boolColumn, dateColumn, numberColumn, stringColumn, type Column, type ColumnType } from '../table/column';
import { daysFromCivil, daysInMonth, parseInstant } from '../time';

const BOOL = /^(true|false)$/i;
const INT = /^[+-]?(0|[1-9]\d*)$/;
const FLOAT = /^[+-]?(?:(?:0|[1-9]\d*)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?\s*(Z|z|[+-]\d{2}:?\d{2})?$/;

/** Days since the epoch for `YYYY-MM-DD`, or null. */
export function parseDate(text: string): number | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
}

/** Epoch µs of an ISO date-time (no zone = UTC), or null; `zone` reports whether one was given. */
export function parseTimestamp(text: string): { us: number; zone: boolean } | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  try {
    return { us: parseInstant(text), zone: m[1] !== undefined };
  } catch {
    return null;
  }
}

/** Whether one text value parses as the type (the rule inference and retyping share). */
export function parsesAs(text: string, type: ColumnType): boolean {
  switch (type) {
    case 'bool':
      return BOOL.test(text);
    case 'int':
      return INT.test(text) && Number.isSafeInteger(Number(text));
    case 'float':
      // an integer too large for a double is an identifier: keep it as text
      return FLOAT.test(text) && Number.isFinite(Number(text)) && !(INT.test(text) && !Number.isSafeInteger(Number(text)));
    case 'date':
      return parseDate(text) !== null;
    case 'timestamp':
      return parseTimestamp(text) !== null || parseDate(text) !== null;
    case 'string':
      return true;
  }
}

const ORDER: readonly ColumnType[] = ['bool', 'int', 'float', 'date', 'timestamp'];

/** The narrowest type every non-null value parses as, and whether timestamps carried zones. */
export function inferType(values: readonly (string | null)[]): { type: ColumnType; zone: boolean } {
  let candidates = ORDER.slice();
  let any = false;
  for (const v of values) {
    if (v === null) continue;
    any = true;
    candidates = candidates.filter((t) => parsesAs(v, t));
    if (candidates.length === 0) return { type: 'string', zone: false };
  }
  if (!any) return { type: 'string', zone: false };
  const type = candidates[0];
  let zone = false;
  if (type === 'timestamp') for (const v of values) if (v !== null && parseTimestamp(v)?.zone) zone = true;
  return { type, zone };
}

/**
 * A typed column from text values, or the 0-based index of the first value that does not
 * parse. Dates parse as timestamps at midnight UTC; every text parses as a string.
 */
export function columnFromText(name: string, type: ColumnType, values: readonly (string | null)[]): { ok: true; column: Column } | { ok: false; bad: number[] } {
  const n = values.length;
  const bad: number[] = [];
  let valid: Uint8Array | undefined;
  const markNull = (i: number) => ((valid ??= new Uint8Array(n).fill(1))[i] = 0);
  if (type === 'string') return { ok: true, column: stringColumn(name, values) };
  if (type === 'bool') {
    const out = new Uint8Array(n);
    values.forEach((v, i) => (v === null ? markNull(i) : BOOL.test(v) ? (out[i] = v.toLowerCase() === 'true' ? 1 : 0) : bad.push(i)));
    return bad.length ? { ok: false, bad } : { ok: true, column: boolColumn(name, out, valid) };
  }
  if (type === 'date') {
    const out = new Int32Array(n);
    values.forEach((v, i) => {
      if (v === null) return markNull(i);
      const d = parseDate(v);
      if (d === null) bad.push(i);
      else out[i] = d;
    });
    return bad.length ? { ok: false, bad } : { ok: true, column: dateColumn(name, out, valid) };
  }
  const out = new Float64Array(n);
  values.forEach((v, i) => {
    if (v === null) return markNull(i);
    if (!parsesAs(v, type)) return bad.push(i);
    if (type === 'timestamp') out[i] = parseTimestamp(v)?.us ?? parseDate(v)! * 86_400_000_000;
    else out[i] = Number(v);
  });
  return bad.length ? { ok: false, bad } : { ok: true, column: numberColumn(name, type, out, valid) };
}
