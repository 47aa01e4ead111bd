/**
 * Type inference over text cells (CSV, JSONL strings): bool, numbers by the one rule of
 * `numbers.ts` (int, bigint, float, decimal), date, time of day, timestamp (with or without a
 * zone; stored as UTC µs with a flag), else string. Nulls are ignored; an all-null column is a
 * string column (unless `_spindle/tables.json` says otherwise). Integers with leading zeros (zip
 * codes, "0042") stay strings, so they round-trip. What could not be kept exactly comes with a
 * note for the page (timestamps past µs are floored, and say so).
 */
import { boolColumn, dateColumn, decimalColumn, numberColumn, stringColumn, timeColumn, type Column, type ColumnType } from '../table/column';
import { decimalParts, doubleKeeps, fitsInt64, parseTimeOfDay, precisionAt, scaleOf, unscaledAt } from '../table/exact';
import { daysFromCivil, daysInMonth, parseInstant } from '../time';
import { classifyNumbers, columnOfNumbers, INT_RE, NUMBER_RE } from './numbers';

const BOOL = /^(true|false)$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.(\d{1,9}))?)?\s*(Z|z|[+-]\d{2}:?\d{2})?$/;

/** Days since the epoch for `YYYY-MM-DD`, or null. */
export function parseDate(text: string): number | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
}

/**
 * Epoch µs of an ISO date-time (no zone = UTC), or null; `zone` reports whether one was given,
 * `floored` whether digits past microseconds were dropped.
 */
export function parseTimestamp(text: string): { us: number; zone: boolean; floored: boolean } | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  try {
    return { us: parseInstant(text), zone: m[2] !== undefined, floored: m[1] !== undefined && m[1].length > 6 && Number(m[1].slice(6)) !== 0 };
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
      return INT_RE.test(text) && Number.isSafeInteger(Number(text)) && BigInt(text) === BigInt(Number(text));
    case 'bigint':
      return INT_RE.test(text) && fitsInt64(BigInt(text));
    case 'float':
      // an integer too large for a double is an identifier: keep it as text
      return NUMBER_RE.test(text) && Number.isFinite(Number(text)) && !(INT_RE.test(text) && !parsesAs(text, 'int'));
    case 'decimal':
      return NUMBER_RE.test(text) && decimalParts(text) !== null;
    case 'date':
      return parseDate(text) !== null;
    case 'time':
      return parseTimeOfDay(text) !== null;
    case 'timestamp':
      return parseTimestamp(text) !== null || parseDate(text) !== null;
    case 'string':
      return true;
  }
}

export interface Inferred {
  readonly column: Column;
  /** Timestamps: values carried a zone or offset (stored as UTC). */
  readonly zone: boolean;
  /** What was not kept as written, in words (shown on the page). */
  readonly note?: string;
}

/**
 * The narrowest typed column every non-null value fits. `numbers: false` (JSON strings): only
 * dates, times and timestamps are inferred, so a JSON string "42" stays text.
 */
export function inferColumn(name: string, values: readonly (string | null)[], options: { numbers?: boolean } = {}): Inferred {
  const numbers = options.numbers ?? true;
  let any = false;
  let [bool, num, date, time, ts] = [numbers, numbers, true, true, true];
  for (const v of values) {
    if (v === null) continue;
    any = true;
    if (bool && !BOOL.test(v)) bool = false;
    if (num && !NUMBER_RE.test(v)) num = false;
    if (date && parseDate(v) === null) date = false;
    if (time && parseTimeOfDay(v) === null) time = false;
    if (ts && !date && parseTimestamp(v) === null && parseDate(v) === null) ts = false;
    if (!(bool || num || date || time || ts)) break;
  }
  if (!any) return { column: stringColumn(name, values), zone: false };
  if (bool) return { column: textColumn(name, 'bool', values), zone: false };
  if (num) {
    const cls = classifyNumbers(values)!;
    return { column: columnOfNumbers(name, cls, values), zone: false, ...('note' in cls ? { note: cls.note } : {}) };
  }
  if (date) return { column: textColumn(name, 'date', values), zone: false };
  if (time) {
    const r = timeFromText(name, values);
    return { column: r.column, zone: false, ...(r.note ? { note: r.note } : {}) };
  }
  if (ts) {
    const r = timestampFromText(name, values);
    return { column: r.column, zone: r.zone, ...(r.note ? { note: r.note } : {}) };
  }
  return { column: stringColumn(name, values), zone: false };
}

/** The narrowest type every non-null value parses as, and whether timestamps carried zones. */
export function inferType(values: readonly (string | null)[]): { type: ColumnType; zone: boolean } {
  const r = inferColumn('', values);
  return { type: r.column.type, zone: r.zone };
}

/** A bool or date column from values already known to parse. */
function textColumn(name: string, type: 'bool' | 'date', values: readonly (string | null)[]): Column {
  const n = values.length;
  let valid: Uint8Array | undefined;
  const markNull = (i: number) => ((valid ??= new Uint8Array(n).fill(1))[i] = 0);
  if (type === 'bool') {
    const out = new Uint8Array(n);
    values.forEach((v, i) => (v === null ? markNull(i) : (out[i] = v.toLowerCase() === 'true' ? 1 : 0)));
    return boolColumn(name, out, valid);
  }
  const out = new Int32Array(n);
  values.forEach((v, i) => (v === null ? markNull(i) : (out[i] = parseDate(v)!)));
  return dateColumn(name, out, valid);
}

const flooredNote = (k: number, what: string) => `${k} ${what} had digits past microseconds: floored to µs`;

function timeFromText(name: string, values: readonly (string | null)[]): { column: Column; note?: string; bad: number[] } {
  const out = new Float64Array(values.length);
  let valid: Uint8Array | undefined;
  let floored = 0;
  const bad: number[] = [];
  values.forEach((v, i) => {
    if (v === null) return ((valid ??= new Uint8Array(values.length).fill(1))[i] = 0);
    const t = parseTimeOfDay(v);
    if (!t) return bad.push(i);
    out[i] = t.us;
    if (t.floored) floored++;
  });
  return { column: timeColumn(name, out, valid), bad, ...(floored ? { note: flooredNote(floored, floored === 1 ? 'time' : 'times') } : {}) };
}

function timestampFromText(name: string, values: readonly (string | null)[]): { column: Column; zone: boolean; note?: string; bad: number[] } {
  const out = new Float64Array(values.length);
  let valid: Uint8Array | undefined;
  let floored = 0;
  let zone = false;
  const bad: number[] = [];
  values.forEach((v, i) => {
    if (v === null) return ((valid ??= new Uint8Array(values.length).fill(1))[i] = 0);
    const t = parseTimestamp(v);
    if (t) {
      out[i] = t.us;
      if (t.zone) zone = true;
      if (t.floored) floored++;
      return;
    }
    const d = parseDate(v);
    if (d === null) return bad.push(i);
    out[i] = d * 86_400_000_000;
  });
  return { column: numberColumn(name, 'timestamp', out, valid), zone, bad, ...(floored ? { note: flooredNote(floored, floored === 1 ? 'timestamp' : 'timestamps') } : {}) };
}

export type FromText = { ok: true; column: Column; note?: string } | { ok: false; bad: number[] };

/** The declared type of a decimal: precision and scale (inferred from the values when absent). */
export interface DecimalSpec {
  readonly precision?: number;
  readonly scale?: number;
}

/**
 * A typed column from text values, or the 0-based indices of the values that do not parse
 * exactly. Dates parse as timestamps at midnight UTC; every text parses as a string; a decimal
 * takes `spec`'s scale (else the most digits after the point any value has).
 */
export function columnFromText(name: string, type: ColumnType, values: readonly (string | null)[], spec: DecimalSpec = {}): FromText {
  const n = values.length;
  const bad: number[] = [];
  if (type === 'string') return { ok: true, column: stringColumn(name, values) };
  for (let i = 0; i < n; i++) if (values[i] !== null && !parsesAs(values[i]!, type)) bad.push(i);
  if (bad.length) return { ok: false, bad };
  switch (type) {
    case 'bool':
    case 'date':
      return { ok: true, column: textColumn(name, type, values) };
    case 'time':
    case 'timestamp': {
      const r = type === 'time' ? timeFromText(name, values) : timestampFromText(name, values);
      return r.bad.length ? { ok: false, bad: r.bad } : { ok: true, column: r.column, ...(r.note ? { note: r.note } : {}) };
    }
    case 'decimal':
      return decimalFromText(name, values, spec);
    case 'bigint':
      return { ok: true, column: columnOfNumbers(name, { type }, values) };
    default: {
      // the user chose float: values with more digits than a double holds are rounded, and that is said
      const rounded = type === 'float' ? values.filter((v) => v !== null && v.length > 16 && !doubleKeeps(v)).length : 0;
      const column = numberColumn(name, type, Float64Array.from(values, (v) => (v === null ? 0 : Number(v))), nullMask(values));
      return { ok: true, column, ...(rounded ? { note: `${rounded} value${rounded === 1 ? '' : 's'} had more digits than a double holds: rounded to the nearest double` } : {}) };
    }
  }
}

function nullMask(values: readonly (string | null)[]): Uint8Array | undefined {
  return values.includes(null) ? Uint8Array.from(values, (v) => (v === null ? 0 : 1)) : undefined;
}

function decimalFromText(name: string, values: readonly (string | null)[], spec: DecimalSpec): FromText {
  const parts = values.map((v) => (v === null ? null : decimalParts(v)!));
  const scale = spec.scale ?? Math.min(38, parts.reduce((a, p) => (p ? Math.max(a, scaleOf(p)) : a), 0));
  let precision = spec.precision ?? 1;
  const out = new BigInt64Array(values.length);
  const bad: number[] = [];
  parts.forEach((p, i) => {
    if (!p) return;
    const v = unscaledAt(p, scale);
    const need = precisionAt(p, scale);
    if (v === null || !fitsInt64(v) || (spec.precision !== undefined && need > spec.precision)) return bad.push(i);
    out[i] = v;
    if (spec.precision === undefined) precision = Math.max(precision, need);
  });
  if (bad.length) return { ok: false, bad };
  return { ok: true, column: decimalColumn(name, Math.min(38, Math.max(precision, scale, 1)), scale, out, nullMask(values)) };
}
