/**
 * Columnar tables: typed arrays for numbers, booleans, dates and instants; strings either as
 * UTF-8 bytes with offsets (ids, free text) or dictionary-coded (states, labels). A validity
 * mask (1 = present, 0 = null), when there is one, has one byte per row. Converted to Apache
 * Arrow only at the edges (Parquet writing, previews for the UI).
 *
 * Exact kinds for what users bring (issue 11): `bigint` (64-bit integers past ±2^53),
 * `decimal` (unscaled 64-bit values with a precision and scale: DECIMAL(p, s)) and `time`
 * (time of day). Simulators generate only the first six kinds; everything that reads or writes
 * any column (writers, summaries, previews, slicing) handles all of them.
 */

export type ColumnType = 'int' | 'float' | 'bool' | 'string' | 'timestamp' | 'date' | 'bigint' | 'decimal' | 'time';

interface ColumnBase {
  readonly name: string;
  /** One byte per row, 1 = value present, 0 = null; absent means no nulls. */
  readonly valid?: Uint8Array;
}

/** int: safe integers; float: doubles; timestamp: epoch microseconds, UTC. */
export interface NumberColumn extends ColumnBase {
  readonly type: 'int' | 'float' | 'timestamp';
  readonly values: Float64Array;
}

export interface BoolColumn extends ColumnBase {
  readonly type: 'bool';
  readonly values: Uint8Array;
}

/** Days since 1970-01-01. */
export interface DateColumn extends ColumnBase {
  readonly type: 'date';
  readonly values: Int32Array;
}

export interface Utf8Column extends ColumnBase {
  readonly type: 'string';
  readonly encoding: 'utf8';
  /** length + 1 offsets into `bytes`. */
  readonly offsets: Int32Array;
  readonly bytes: Uint8Array;
}

/** Row keys of gathered UTF-8 columns (see {@link rowKeysOf}). */
const rowKeys = new WeakMap<Utf8Column, Int32Array>();

/** `c`, known to hold the source's value `keys[i]` in row i (see {@link rowKeysOf}). */
export function withRowKeys<C extends Utf8Column>(c: C, keys: Int32Array): C {
  if (keys.length !== c.offsets.length - 1) throw new RangeError(`row keys: ${keys.length} keys for ${c.offsets.length - 1} rows`);
  rowKeys.set(c, keys);
  return c;
}

/**
 * The row keys of `c`, when it was gathered with them: row i holds the source's value `keys[i]`
 * (a row index, ≥ 0), so rows with the same key hold the same bytes (rows with different keys
 * may too). A hint for encoders, never part of the data (the Parquet dictionary hashes a key's
 * bytes once, not every row's). Held beside the column rather than in it, so any other column (a
 * copy, a rename, one sent to a thread) has none; slices made here carry theirs.
 */
export function rowKeysOf(c: Utf8Column): Int32Array | undefined {
  return rowKeys.get(c);
}

export interface DictColumn extends ColumnBase {
  readonly type: 'string';
  readonly encoding: 'dict';
  readonly dict: readonly string[];
  readonly codes: Int32Array;
}

export type StringColumn = Utf8Column | DictColumn;

/** Exact 64-bit integers (ids past 2^53, which a double would merge). */
export interface BigIntColumn extends ColumnBase {
  readonly type: 'bigint';
  readonly values: BigInt64Array;
}

/** Exact decimals DECIMAL(precision, scale): value = values[i] / 10^scale (unscaled 64-bit integers). */
export interface DecimalColumn extends ColumnBase {
  readonly type: 'decimal';
  /** Total significant digits, 1–38 (as declared by the source; the values fit 64 bits). */
  readonly precision: number;
  /** Digits after the decimal point, 0–precision. */
  readonly scale: number;
  readonly values: BigInt64Array;
}

/** Time of day: microseconds since midnight, [0, 86,400,000,000). */
export interface TimeColumn extends ColumnBase {
  readonly type: 'time';
  readonly values: Float64Array;
}

/** The exact kinds: values a double cannot hold, and times of day. */
export type ExactColumn = BigIntColumn | DecimalColumn | TimeColumn;
export type Column = NumberColumn | BoolColumn | DateColumn | StringColumn | ExactColumn;

export interface Table {
  readonly name: string;
  readonly length: number;
  readonly columns: readonly Column[];
}

/** bigint and decimal cells are their exact text (`"1234567890123456789"`, `"19.99"`); time cells µs since midnight. */
export type CellValue = number | string | boolean | null;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export function columnLength(c: Column): number {
  if (c.type === 'string') return c.encoding === 'utf8' ? c.offsets.length - 1 : c.codes.length;
  return c.values.length;
}

export function isNull(c: Column, i: number): boolean {
  return c.valid !== undefined && c.valid[i] === 0;
}

/** The string at row i of a string column (decodes; use writers' byte paths on hot loops). */
export function stringAt(c: StringColumn, i: number): string | null {
  if (isNull(c, i)) return null;
  if (c.encoding === 'dict') return c.dict[c.codes[i]];
  return decoder.decode(c.bytes.subarray(c.offsets[i], c.offsets[i + 1]));
}

/** A cell as a plain value: timestamps as epoch µs, dates as epoch days, bools as booleans, bigint and decimal as exact text. */
export function cellAt(c: Column, i: number): CellValue {
  if (isNull(c, i)) return null;
  switch (c.type) {
    case 'string':
      return stringAt(c, i);
    case 'bool':
      return c.values[i] === 1;
    case 'bigint':
      return c.values[i].toString();
    case 'decimal':
      return decimalText(c.values[i], c.scale);
    default:
      return c.values[i];
  }
}

/** Exact text of an unscaled decimal: `decimalText(-5n, 2)` = `"-0.05"` (trailing zeros kept, as DECIMAL prints). */
export function decimalText(unscaled: bigint, scale: number): string {
  const neg = unscaled < 0n;
  const digits = (neg ? -unscaled : unscaled).toString();
  if (scale === 0) return neg ? `-${digits}` : digits;
  const padded = digits.padStart(scale + 1, '0');
  const text = `${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
  return neg ? `-${text}` : text;
}

export function getColumn(t: Table, name: string): Column {
  const c = t.columns.find((col) => col.name === name);
  if (!c) throw new Error(`table ${t.name} has no column ${name}`);
  return c;
}

export function makeTable(name: string, columns: readonly Column[]): Table {
  const length = columns.length ? columnLength(columns[0]) : 0;
  for (const c of columns) {
    const n = columnLength(c);
    if (n !== length) throw new Error(`column ${name}.${c.name} has ${n} rows, expected ${length}`);
    if (c.valid && c.valid.length !== n) throw new Error(`column ${name}.${c.name} has a validity mask of the wrong length`);
  }
  return { name, length, columns };
}

export function numberColumn(
  name: string,
  type: 'int' | 'float' | 'timestamp',
  values: Float64Array,
  valid?: Uint8Array,
): NumberColumn {
  return valid ? { name, type, values, valid } : { name, type, values };
}

export function boolColumn(name: string, values: Uint8Array, valid?: Uint8Array): BoolColumn {
  return valid ? { name, type: 'bool', values, valid } : { name, type: 'bool', values };
}

export function dateColumn(name: string, values: Int32Array, valid?: Uint8Array): DateColumn {
  return valid ? { name, type: 'date', values, valid } : { name, type: 'date', values };
}

export function bigintColumn(name: string, values: BigInt64Array, valid?: Uint8Array): BigIntColumn {
  return valid ? { name, type: 'bigint', values, valid } : { name, type: 'bigint', values };
}

export function decimalColumn(name: string, precision: number, scale: number, values: BigInt64Array, valid?: Uint8Array): DecimalColumn {
  if (!(Number.isInteger(precision) && precision >= 1 && precision <= 38 && Number.isInteger(scale) && scale >= 0 && scale <= precision))
    throw new Error(`column ${name}: DECIMAL(${precision}, ${scale}) is not a valid decimal type; allowed: precision 1–38, scale 0–precision`);
  return valid ? { name, type: 'decimal', precision, scale, values, valid } : { name, type: 'decimal', precision, scale, values };
}

export function timeColumn(name: string, values: Float64Array, valid?: Uint8Array): TimeColumn {
  return valid ? { name, type: 'time', values, valid } : { name, type: 'time', values };
}

/** The same kind of column (name, type, precision and scale) over new values. */
function sameKind(c: Column, values: Float64Array | Int32Array | Uint8Array | BigInt64Array, valid?: Uint8Array): Column {
  switch (c.type) {
    case 'bool':
      return boolColumn(c.name, values as Uint8Array, valid);
    case 'date':
      return dateColumn(c.name, values as Int32Array, valid);
    case 'bigint':
      return bigintColumn(c.name, values as BigInt64Array, valid);
    case 'decimal':
      return decimalColumn(c.name, c.precision, c.scale, values as BigInt64Array, valid);
    case 'time':
      return timeColumn(c.name, values as Float64Array, valid);
    case 'string':
      throw new Error(`column ${c.name}: strings have no value array`);
    default:
      return numberColumn(c.name, c.type, values as Float64Array, valid);
  }
}

export function dictColumn(name: string, dict: readonly string[], codes: Int32Array, valid?: Uint8Array): DictColumn {
  return valid ? { name, type: 'string', encoding: 'dict', dict, codes, valid } : { name, type: 'string', encoding: 'dict', dict, codes };
}

/** A UTF-8 column from JS strings (null → null). For small or already-materialised data. */
export function stringColumn(name: string, values: readonly (string | null)[]): Utf8Column {
  const b = new Utf8Builder(values.length, 16);
  for (const v of values) {
    if (v === null) b.appendNull();
    else b.append(v);
  }
  return b.finish(name);
}

/** Build a column of any type from plain values (tests, small tables, uploads). */
export function columnFromValues(name: string, type: ColumnType, values: readonly CellValue[]): Column {
  const n = values.length;
  let valid: Uint8Array | undefined;
  const markNull = (i: number) => {
    valid ??= new Uint8Array(n).fill(1);
    valid[i] = 0;
  };
  if (type === 'string') return stringColumn(name, values.map((v) => (v === null ? null : String(v))));
  if (type === 'bool') {
    const out = new Uint8Array(n);
    values.forEach((v, i) => (v === null ? markNull(i) : (out[i] = v ? 1 : 0)));
    return boolColumn(name, out, valid);
  }
  if (type === 'date') {
    const out = new Int32Array(n);
    values.forEach((v, i) => (v === null ? markNull(i) : (out[i] = Number(v))));
    return dateColumn(name, out, valid);
  }
  if (type === 'bigint') {
    const out = new BigInt64Array(n);
    values.forEach((v, i) => (v === null ? markNull(i) : (out[i] = BigInt(v))));
    return bigintColumn(name, out, valid);
  }
  if (type === 'decimal') throw new Error(`column ${name}: build decimals with decimalColumn (they need a precision and scale)`);
  const out = new Float64Array(n);
  values.forEach((v, i) => (v === null ? markNull(i) : (out[i] = Number(v))));
  return type === 'time' ? timeColumn(name, out, valid) : numberColumn(name, type, out, valid);
}

/**
 * Grows a UTF-8 string column. `reserveRaw(len)` hands back a byte offset to write into
 * directly (ids, fixed-width keys); `append` encodes JS strings.
 */
export class Utf8Builder {
  bytes: Uint8Array;
  private offsets: Int32Array;
  private valid: Uint8Array | undefined;
  private count = 0;
  private used = 0;

  constructor(expectedRows = 1024, bytesPerRow = 16) {
    this.offsets = new Int32Array(Math.max(1, expectedRows) + 1);
    this.bytes = new Uint8Array(Math.max(64, expectedRows * bytesPerRow));
  }

  get length(): number {
    return this.count;
  }

  /** Room for `rows` more rows holding `bytes` bytes in all, made at once (one copy, not one per doubling). */
  reserve(rows: number, bytes: number): void {
    this.ensureRows(rows);
    this.ensureBytes(bytes);
  }

  private ensureRows(more = 1): void {
    if (this.count + more >= this.offsets.length) {
      let size = this.offsets.length * 2;
      while (size <= this.count + more) size *= 2;
      const next = new Int32Array(size);
      next.set(this.offsets);
      this.offsets = next;
      if (this.valid) {
        const v = new Uint8Array(next.length);
        v.set(this.valid);
        this.valid = v;
      }
    }
  }

  private ensureBytes(extra: number): void {
    if (this.used + extra > this.bytes.length) {
      let size = this.bytes.length * 2;
      while (size < this.used + extra) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.bytes.subarray(0, this.used));
      this.bytes = next;
    }
  }

  /** Reserve `len` bytes for the next row and return their offset in `this.bytes`. */
  reserveRaw(len: number): number {
    this.ensureRows();
    this.ensureBytes(len);
    const at = this.used;
    this.used += len;
    this.count++;
    this.offsets[this.count] = this.used;
    if (this.valid) this.valid[this.count - 1] = 1;
    return at;
  }

  append(s: string): void {
    // at most 3 bytes per UTF-16 unit; ASCII text through a loop (the native encoder's call and
    // subarray cost as much as a few hundred characters: about 2 µs in Chromium), other text
    // and very long text through the native encoder
    this.ensureRows();
    this.ensureBytes(s.length * 3);
    let o = this.used;
    let ascii = s.length <= 1024;
    for (let i = 0; ascii && i < s.length; i++) {
      const ch = s.charCodeAt(i);
      if (ch >= 128) ascii = false;
      else this.bytes[o++] = ch;
    }
    if (!ascii) o = this.used + encoder.encodeInto(s, this.bytes.subarray(this.used)).written;
    this.used = o;
    this.count++;
    this.offsets[this.count] = o;
    if (this.valid) this.valid[this.count - 1] = 1;
  }

  appendBytes(src: Uint8Array): void {
    const at = this.reserveRaw(src.length);
    this.bytes.set(src, at);
  }

  /** Append src[start, end) as the next row's UTF-8 (a range of a reused buffer: no view made, short rows copied by a loop). */
  appendRange(src: Uint8Array, start: number, end: number): void {
    const at = this.reserveRaw(end - start);
    if (end - start < 64) {
      const bytes = this.bytes;
      for (let i = start, o = at; i < end; i++, o++) bytes[o] = src[i];
    } else this.bytes.set(src.subarray(start, end), at);
  }

  appendNull(): void {
    this.ensureRows();
    if (!this.valid) {
      this.valid = new Uint8Array(this.offsets.length);
      this.valid.fill(1, 0, this.count);
    }
    this.count++;
    this.offsets[this.count] = this.used;
    this.valid[this.count - 1] = 0;
  }

  /**
   * The rows so far as a column. With `share`, an array at least three quarters full is handed
   * out as a view on the builder's memory instead of a copy (an answer key's 30 MB of details,
   * finished several times per run): appends never change rows already written, so the column
   * stays as it is while the builder goes on; the builder's spare room stays alive with it.
   */
  finish(name: string, share = false): Utf8Column {
    const part = <A extends Int32Array | Uint8Array>(a: A, n: number): A => (share && n >= a.length * 0.75 ? (a.subarray(0, n) as A) : (a.slice(0, n) as A));
    const offsets = part(this.offsets, this.count + 1);
    const bytes = part(this.bytes, this.used);
    const valid = this.valid && part(this.valid, this.count);
    return valid ? { name, type: 'string', encoding: 'utf8', offsets, bytes, valid } : { name, type: 'string', encoding: 'utf8', offsets, bytes };
  }
}

/** A growable Float64Array (and Int32Array below) for columns whose length is not known up front. */
export class Float64Growable {
  data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  finish(): Float64Array {
    return this.data.slice(0, this.length);
  }
  /** The values as a view on this buffer, no copy (its unwritten tail stays out of memory when the buffer came fresh from the system, as large ones do). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

export class Int32Growable {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  finish(): Int32Array {
    return this.data.slice(0, this.length);
  }
  /** The values as a view on this buffer, no copy (its unwritten tail stays out of memory when the buffer came fresh from the system, as large ones do). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

export class Uint8Growable {
  data: Uint8Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint8Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint8Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  finish(): Uint8Array {
    return this.data.slice(0, this.length);
  }
  /** The values as a view on this buffer, no copy (its unwritten tail stays out of memory when the buffer came fresh from the system, as large ones do). */
  view(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Where a copy's memory comes from: a buffer of at least `bytes` (a pool's reused buffer, whose
 * first `bytes` the copy overwrites). Without one, copies get fresh buffers of their own size.
 */
export type Alloc = (bytes: number) => ArrayBuffer;

export type Copyable = Float64Array | Int32Array | Uint8Array | BigInt64Array;

/** Elements [start, end) of `src` as a new array, in memory from `alloc` when given. */
export function copyRange<A extends Copyable>(src: A, start: number, end: number, alloc?: Alloc): A {
  if (!alloc) return src.slice(start, end) as A;
  const n = end - start;
  const out = new (src.constructor as new (b: ArrayBuffer, at: number, n: number) => A)(alloc(n * src.BYTES_PER_ELEMENT), 0, n);
  (out as Copyable).set(src.subarray(start, end) as never);
  return out;
}

/** Rows [start, end) of a column, sharing no buffers with the source (in memory from `alloc` when given). */
export function sliceColumn(c: Column, start: number, end: number, alloc?: Alloc): Column {
  return rowsOf(c, start, end, false, alloc);
}

/**
 * Rows [start, end) of a column as views on the source's buffers (string offsets rebased into a
 * new array unless they already start at 0): no copy, for work on this thread that only reads
 * the rows while the source stays as it is.
 */
export function viewColumn(c: Column, start: number, end: number): Column {
  return rowsOf(c, start, end, true);
}

function rowsOf(c: Column, start: number, end: number, view: boolean, alloc?: Alloc): Column {
  const range = <A extends Copyable>(src: A, from: number, to: number): A => (view ? (src.subarray(from, to) as A) : copyRange(src, from, to, alloc));
  const valid = c.valid && range(c.valid, start, end);
  if (c.type === 'string') {
    if (c.encoding === 'dict') return dictColumn(c.name, c.dict, range(c.codes, start, end), valid);
    const base = c.offsets[start];
    const n = end - start + 1;
    let offsets: Int32Array;
    if (view && base === 0) offsets = c.offsets.subarray(start, start + n);
    else {
      offsets = alloc ? new Int32Array(alloc(4 * n), 0, n) : new Int32Array(n);
      for (let i = 0; i < n; i++) offsets[i] = c.offsets[start + i] - base;
    }
    const bytes = range(c.bytes, base, c.offsets[end]);
    const rows: Utf8Column = valid ? { name: c.name, type: 'string', encoding: 'utf8', offsets, bytes, valid } : { name: c.name, type: 'string', encoding: 'utf8', offsets, bytes };
    const keys = rowKeys.get(c);
    return keys ? withRowKeys(rows, view ? keys.subarray(start, end) : keys.slice(start, end)) : rows;
  }
  return sameKind(c, range(c.values, start, end), valid);
}

/** Rows [start, end) of a table, sharing no buffers with it (in memory from `alloc` when given). */
export function sliceTable(t: Table, start: number, end: number, alloc?: Alloc): Table {
  const e = Math.min(end, t.length);
  const s = Math.min(start, e);
  return makeTable(t.name, t.columns.map((c) => sliceColumn(c, s, e, alloc)));
}

/** Rows [start, end) of a table as views on its buffers ({@link viewColumn}): read them on this thread only. */
export function viewTable(t: Table, start: number, end: number): Table {
  const e = Math.min(end, t.length);
  const s = Math.min(start, e);
  return makeTable(t.name, t.columns.map((c) => viewColumn(c, s, e)));
}

// Gathers, one per element type: a single generic loop sees every typed-array kind and
// V8 compiles it for none of them (a landing zone gathers tens of millions of cells). With
// `alloc`, the result is in memory it hands out (reused scratch memory).
export function gatherF64(src: Float64Array, idx: Int32Array, alloc?: Alloc): Float64Array {
  const out = alloc ? new Float64Array(alloc(idx.length * 8), 0, idx.length) : new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = src[idx[i]];
  return out;
}
export function gatherI32(src: Int32Array, idx: Int32Array, alloc?: Alloc): Int32Array {
  const out = alloc ? new Int32Array(alloc(idx.length * 4), 0, idx.length) : new Int32Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = src[idx[i]];
  return out;
}
export function gatherU8(src: Uint8Array, idx: Int32Array, alloc?: Alloc): Uint8Array {
  const out = alloc ? new Uint8Array(alloc(idx.length), 0, idx.length) : new Uint8Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = src[idx[i]];
  return out;
}
export function gatherI64(src: BigInt64Array, idx: Int32Array, alloc?: Alloc): BigInt64Array {
  const out = alloc ? new BigInt64Array(alloc(idx.length * 8), 0, idx.length) : new BigInt64Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = src[idx[i]];
  return out;
}

/** The UTF-8 strings at `idx`: offsets and bytes gathered. */
function gatherUtf8(c: Utf8Column, idx: Int32Array, valid: Uint8Array | undefined, alloc?: Alloc): Utf8Column {
  const n = idx.length;
  const src = c.bytes;
  const from = c.offsets;
  let total = 0;
  for (let i = 0; i < n; i++) total += from[idx[i] + 1] - from[idx[i]];
  const offsets = alloc ? new Int32Array(alloc(4 * (n + 1)), 0, n + 1) : new Int32Array(n + 1);
  const bytes = alloc ? new Uint8Array(alloc(total), 0, total) : new Uint8Array(total);
  offsets[0] = 0; // memory from `alloc` may hold an earlier block's offsets
  let o = 0;
  for (let i = 0; i < n; i++) {
    const a = from[idx[i]];
    const b = from[idx[i] + 1];
    // a loop beats a subarray and a native copy for the short strings most columns hold
    if (b - a < 48) for (let j = a; j < b; j++) bytes[o++] = src[j];
    else {
      bytes.set(src.subarray(a, b), o);
      o += b - a;
    }
    offsets[i + 1] = o;
  }
  return valid ? { name: c.name, type: 'string', encoding: 'utf8', offsets, bytes, valid } : { name: c.name, type: 'string', encoding: 'utf8', offsets, bytes };
}

/** The rows at `indices`, in that order (in memory from `alloc` when given). */
export function takeColumn(c: Column, indices: ArrayLike<number>, alloc?: Alloc): Column {
  const idx = indices instanceof Int32Array ? indices : Int32Array.from(indices);
  const valid = c.valid ? gatherU8(c.valid, idx, alloc) : undefined;
  if (c.type === 'string') return c.encoding === 'dict' ? dictColumn(c.name, c.dict, gatherI32(c.codes, idx, alloc), valid) : gatherUtf8(c, idx, valid, alloc);
  if (c.type === 'bigint' || c.type === 'decimal') return sameKind(c, gatherI64(c.values, idx, alloc), valid);
  if (c.type === 'bool') return boolColumn(c.name, gatherU8(c.values, idx, alloc), valid);
  if (c.type === 'date') return dateColumn(c.name, gatherI32(c.values, idx, alloc), valid);
  return sameKind(c, gatherF64(c.values, idx, alloc), valid);
}

/** The rows at `indices` of every column, in that order (in memory from `alloc` when given). */
export function takeTable(t: Table, indices: ArrayLike<number>, alloc?: Alloc): Table {
  const idx = indices instanceof Int32Array ? indices : Int32Array.from(indices);
  return makeTable(t.name, t.columns.map((c) => takeColumn(c, idx, alloc)));
}

const encodedDicts = new WeakMap<readonly string[], readonly Uint8Array[]>();

/**
 * A string column's dictionary entries as UTF-8, encoded once per dictionary and shared (read
 * only): a landing zone writes thousands of small files whose columns share one large dictionary.
 */
export function encodeDict(dict: readonly string[]): readonly Uint8Array[] {
  let e = encodedDicts.get(dict);
  if (!e) {
    e = dict.map((s) => encoder.encode(s));
    encodedDicts.set(dict, e);
  }
  return e;
}

/**
 * The UTF-8 of some entries of a dictionary: from the shared encoding when the dictionary has
 * one, else each entry encoded on its own when they are few (a small file's rows use a few of a
 * large dictionary's entries, and a dictionary that crossed to another thread is a new array
 * every time, so a shared encoding of all its entries would be made per file and thrown away).
 */
export function encodeDictEntries(dict: readonly string[], codes: readonly number[]): Uint8Array[] {
  const all = encodedDicts.get(dict) ?? (codes.length * 4 >= dict.length ? encodeDict(dict) : undefined);
  return codes.map((code) => (all ? all[code] : encoder.encode(dict[code])));
}

/** A dictionary's entries as UTF-8, one code at a time: the shared encoding when there is one, else each entry encoded when first asked for. */
export function dictEntryEncoder(dict: readonly string[]): (code: number) => Uint8Array {
  const all = encodedDicts.get(dict);
  if (all) return (code) => all[code];
  const some: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(dict.length);
  return (code) => (some[code] ??= encoder.encode(dict[code]));
}

/** A column's name and type (decimals with their precision and scale): what schemas and tables.json record. */
export interface ColumnSchema {
  readonly name: string;
  readonly type: ColumnType;
  readonly precision?: number;
  readonly scale?: number;
}

export function columnSchema(c: Column): ColumnSchema {
  return c.type === 'decimal' ? { name: c.name, type: c.type, precision: c.precision, scale: c.scale } : { name: c.name, type: c.type };
}

/** `decimal(10,2)` for decimals, else the type's name (labels, messages). */
export function typeLabel(c: { readonly type: ColumnType; readonly precision?: number; readonly scale?: number }): string {
  return c.type === 'decimal' && c.precision !== undefined ? `decimal(${c.precision},${c.scale ?? 0})` : c.type;
}

/** Column types of a table, in order (the table's schema). */
export function tableSchema(t: Table): ColumnSchema[] {
  return t.columns.map(columnSchema);
}

/** Rows as plain objects (small tables, tests, previews): timestamps as epoch µs, dates as epoch days. */
export function tableRows(t: Table): Record<string, CellValue>[] {
  const rows: Record<string, CellValue>[] = [];
  for (let i = 0; i < t.length; i++) {
    const row: Record<string, CellValue> = {};
    for (const c of t.columns) row[c.name] = cellAt(c, i);
    rows.push(row);
  }
  return rows;
}
