/**
 * Building result tables out of input columns: all-null columns, columns gathered from several
 * same-typed parts (originals, then generated rows) in one pass, keys as text, ids and doubles
 * as columns. They give a unified table whose rows come from several sources (the financial
 * stream's combined transactions) without per-row objects.
 */
import {
  boolColumn,
  gatherF64,
  gatherI32,
  gatherU8,
  takeColumn,
  type BoolColumn,
  type DateColumn,
  type NumberColumn,
  dateColumn,
  dictColumn,
  encodeDict,
  numberColumn,
  Utf8Builder,
  type Column,
  type ColumnType,
  type StringColumn,
  type Utf8Column,
  type BigIntColumn,
  type DecimalColumn,
  type TimeColumn,
} from './column';
import { idView, type IdStream } from '../ids';

/** `n` nulls of a type. */
export function nullColumn(name: string, type: ColumnType, n: number): Column {
  const valid = new Uint8Array(n);
  if (type === 'string') return { name, type, encoding: 'utf8', offsets: new Int32Array(n + 1), bytes: new Uint8Array(0), valid };
  if (type === 'bool') return boolColumn(name, new Uint8Array(n), valid);
  if (type === 'date') return dateColumn(name, new Int32Array(n), valid);
  if (type === 'bigint') return { name, type, values: new BigInt64Array(n), valid };
  if (type === 'decimal') return { name, type, precision: 18, scale: 0, values: new BigInt64Array(n), valid };
  if (type === 'time') return { name, type, values: new Float64Array(n), valid };
  return numberColumn(name, type, new Float64Array(n), valid);
}


const sameDict = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

/** A string column as UTF-8 bytes (dictionary columns are expanded). */
export function utf8Of(c: StringColumn): Utf8Column {
  if (c.encoding === 'utf8') return c;
  const encoded = encodeDict(c.dict);
  const n = c.codes.length;
  const b = new Utf8Builder(n, 8);
  for (let i = 0; i < n; i++) {
    if (c.valid && c.valid[i] === 0) b.appendNull();
    else b.appendBytes(encoded[c.codes[i]]);
  }
  return b.finish(c.name);
}

/** Typed arrays end to end (native copies). */
function joined<A extends Float64Array | Int32Array | Uint8Array | BigInt64Array>(arrays: readonly A[], make: (n: number) => A): A {
  const out = make(arrays.reduce((x, a) => x + a.length, 0));
  let o = 0;
  for (const a of arrays) {
    (out as { set(a: ArrayLike<number | bigint>, o: number): void }).set(a, o);
    o += a.length;
  }
  return out;
}

const rowsOf = (c: Column) => (c.type === 'string' ? (c.encoding === 'utf8' ? c.offsets.length - 1 : c.codes.length) : c.values.length);

/**
 * The parts laid end to end, then reordered: row i of the result is row order[i] of the
 * concatenation. Every part has the same type (string parts may mix encodings: a shared
 * dictionary stays a dictionary, else bytes). This is how a table whose rows come from several
 * sources is built column by column without per-row objects.
 */
export function gatherParts(name: string, type: ColumnType, parts: readonly Column[], order: Int32Array): Column {
  for (const p of parts) if (p.type !== type) throw new Error(`gatherParts ${name}: a ${p.type} part in a ${type} column`);
  const total = parts.reduce((x, p) => x + rowsOf(p), 0);
  for (let i = 0; i < order.length; i++) if (!(order[i] >= 0 && order[i] < total)) throw new Error(`gatherParts ${name}: row ${order[i]} of ${total}`);
  const valid = parts.some((p) => p.valid) ? gatherU8(joined(parts.map((p) => p.valid ?? new Uint8Array(rowsOf(p)).fill(1)), (n) => new Uint8Array(n)), order) : undefined;
  if (type === 'string') {
    const strings = parts as StringColumn[];
    const allNull = (p: StringColumn) => p.valid !== undefined && !p.valid.includes(1);
    const first = strings.find((p) => p.encoding === 'dict') as (StringColumn & { encoding: 'dict' }) | undefined;
    if (first && strings.every((p) => (p.encoding === 'dict' && sameDict(p.dict, first.dict)) || allNull(p))) {
      const codes = joined(strings.map((p) => (p.encoding === 'dict' ? p.codes : new Int32Array(rowsOf(p)))), (n) => new Int32Array(n));
      return dictColumn(name, first.dict, gatherI32(codes, order), valid);
    }
    const utf8 = strings.map(utf8Of);
    const offsets = new Int32Array(total + 1);
    let row = 0;
    let at = 0;
    for (const p of utf8) {
      for (let i = 1; i < p.offsets.length; i++) offsets[row + i] = at + p.offsets[i];
      row += p.offsets.length - 1;
      at += p.bytes.length;
    }
    const all: Utf8Column = { name, type: 'string', encoding: 'utf8', offsets, bytes: joined(utf8.map((p) => p.bytes), (n) => new Uint8Array(n)) };
    const taken = takeColumn(all, order) as Utf8Column;
    return valid ? { ...taken, valid } : taken;
  }
  if (type === 'bool') return boolColumn(name, gatherU8(joined(parts.map((p) => (p as BoolColumn).values), (n) => new Uint8Array(n)), order), valid);
  if (type === 'date') return dateColumn(name, gatherI32(joined(parts.map((p) => (p as DateColumn).values), (n) => new Int32Array(n)), order), valid);
  if (type === 'bigint' || type === 'decimal') {
    const exact = parts as (BigIntColumn | DecimalColumn)[];
    const src = joined(exact.map((p) => p.values), (n) => new BigInt64Array(n));
    const values = new BigInt64Array(order.length);
    for (let i = 0; i < order.length; i++) values[i] = src[order[i]];
    const first = exact[0];
    if (type === 'decimal' && exact.some((p) => (p as DecimalColumn).scale !== (first as DecimalColumn).scale)) throw new Error(`gatherParts ${name}: decimal parts of different scales`);
    const v = valid ? { valid } : {};
    return type === 'decimal' ? { name, type, precision: (first as DecimalColumn | undefined)?.precision ?? 18, scale: (first as DecimalColumn | undefined)?.scale ?? 0, values, ...v } : { name, type, values, ...v };
  }
  if (type === 'time') {
    const values = gatherF64(joined(parts.map((p) => (p as TimeColumn).values), (n) => new Float64Array(n)), order);
    return valid ? { name, type, values, valid } : { name, type, values };
  }
  return numberColumn(name, type, gatherF64(joined(parts.map((p) => (p as NumberColumn).values), (n) => new Float64Array(n)), order), valid);
}

/** Decimal digits of non-negative safe integers, written in two passes (lengths, then bytes); null when a value is not one. */
function digitsOf(values: Float64Array, valid: Uint8Array | undefined, name: string): Utf8Column | null {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let len = 0;
    if (!valid || valid[i]) {
      const v = values[i];
      if (!(Number.isSafeInteger(v) && v >= 0)) return null;
      len = 1;
      for (let x = v; x >= 10; x = Math.floor(x / 10)) len++;
    }
    offsets[i + 1] = offsets[i] + len;
  }
  const bytes = new Uint8Array(offsets[n]);
  for (let i = 0; i < n; i++) {
    const a = offsets[i];
    let x = values[i];
    for (let o = offsets[i + 1] - 1; o >= a; o--) {
      const q = Math.floor(x / 10);
      bytes[o] = 48 + (x - q * 10); // the digit first: 48 + x could pass 2^53
      x = q;
    }
  }
  return valid ? { name, type: 'string', encoding: 'utf8', offsets, bytes, valid } : { name, type: 'string', encoding: 'utf8', offsets, bytes };
}

/** A key column as text: numbers in their shortest decimal form (`17`, never `17.0`), strings as they are. */
export function textOf(c: Column, name = c.name): StringColumn {
  if (c.type === 'string') return { ...c, name };
  if (c.type === 'int') {
    const fast = digitsOf(c.values, c.valid, name);
    if (fast) return fast;
  }
  const n = c.values.length;
  const b = new Utf8Builder(n, 8);
  for (let i = 0; i < n; i++) {
    if (c.valid && c.valid[i] === 0) b.appendNull();
    else if (c.type === 'bool') b.append(c.values[i] ? 'true' : 'false');
    else b.append(String(c.values[i]));
  }
  return b.finish(name);
}

/** A column of UUIDs written as bytes: row i is the id of key (k0[i], k1[i] or 0). */
export function uuidColumn(name: string, ids: IdStream, k0: ArrayLike<number>, k1?: ArrayLike<number>): Utf8Column {
  const n = k0.length;
  const bytes = new Uint8Array(n * 36);
  const offsets = new Int32Array(n + 1);
  const view = idView(bytes);
  for (let i = 0; i < n; i++) {
    ids.uuidInto(bytes, i * 36, k0[i], k1 ? k1[i] : 0, view);
    offsets[i + 1] = (i + 1) * 36;
  }
  return { name, type: 'string', encoding: 'utf8', offsets, bytes };
}

/** A float column from doubles, NaN as null (the array is used as is when it holds no NaN). */
export function floatColumnOf(name: string, values: Float64Array, type: 'float' | 'timestamp' = 'float'): Column {
  let valid: Uint8Array | undefined;
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== values[i]) {
      valid ??= new Uint8Array(values.length).fill(1);
      valid[i] = 0;
    }
  }
  if (!valid) return numberColumn(name, type, values);
  const clean = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) clean[i] = valid[i] ? values[i] : 0;
  return numberColumn(name, type, clean, valid);
}
