/**
 * Building result tables out of input columns: all-null columns, concatenation of same-typed
 * parts (originals, then generated rows), and keys as text. With `takeColumn` these give a
 * unified table whose rows come from several sources (financial stream's combined
 * transactions) without per-row objects.
 */
import {
  boolColumn,
  dateColumn,
  dictColumn,
  encodeDict,
  numberColumn,
  Utf8Builder,
  type Column,
  type ColumnType,
  type StringColumn,
  type Utf8Column,
} from './column';
import type { IdStream } from '../ids';

/** `n` nulls of a type. */
export function nullColumn(name: string, type: ColumnType, n: number): Column {
  const valid = new Uint8Array(n);
  if (type === 'string') return { name, type, encoding: 'utf8', offsets: new Int32Array(n + 1), bytes: new Uint8Array(0), valid };
  if (type === 'bool') return boolColumn(name, new Uint8Array(n), valid);
  if (type === 'date') return dateColumn(name, new Int32Array(n), valid);
  return numberColumn(name, type, new Float64Array(n), valid);
}

function lengthOf(c: Column): number {
  return c.type === 'string' ? (c.encoding === 'utf8' ? c.offsets.length - 1 : c.codes.length) : c.values.length;
}

/** The validity masks of the parts end to end, or undefined when no part has a null. */
function concatValid(parts: readonly Column[], n: number): Uint8Array | undefined {
  if (!parts.some((p) => p.valid)) return undefined;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    const len = lengthOf(p);
    if (p.valid) out.set(p.valid, o);
    else out.fill(1, o, o + len);
    o += len;
  }
  return out;
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

/**
 * The parts one after the other, as one column named `name`. Every part has the same type
 * (string parts may mix encodings: a shared dictionary stays a dictionary, else bytes).
 */
export function concatColumns(name: string, type: ColumnType, parts: readonly Column[]): Column {
  for (const p of parts) if (p.type !== type) throw new Error(`concatColumns ${name}: a ${p.type} part in a ${type} column`);
  const n = parts.reduce((a, p) => a + lengthOf(p), 0);
  const valid = concatValid(parts, n);
  if (type === 'string') {
    const strings = parts as StringColumn[];
    const dicts = strings.filter((p) => p.encoding === 'dict');
    const allNull = (p: StringColumn) => p.valid !== undefined && !p.valid.includes(1);
    // all-null parts fit any dictionary: they keep a shared dictionary a dictionary
    const first = dicts[0];
    if (first && strings.every((p) => (p.encoding === 'dict' && sameDict(p.dict, first.dict)) || allNull(p))) {
      const codes = new Int32Array(n);
      let o = 0;
      for (const p of strings) {
        if (p.encoding === 'dict') codes.set(p.codes, o);
        o += lengthOf(p);
      }
      return dictColumn(name, first.dict, codes, valid);
    }
    const bytes = strings.map(utf8Of);
    const total = bytes.reduce((a, p) => a + p.bytes.length, 0);
    const out = new Uint8Array(total);
    const offsets = new Int32Array(n + 1);
    let row = 0;
    let at = 0;
    for (const p of bytes) {
      out.set(p.bytes, at);
      for (let i = 1; i < p.offsets.length; i++) offsets[row + i] = at + p.offsets[i];
      row += p.offsets.length - 1;
      at += p.bytes.length;
    }
    return valid ? { name, type: 'string', encoding: 'utf8', offsets, bytes: out, valid } : { name, type: 'string', encoding: 'utf8', offsets, bytes: out };
  }
  const join = <A extends Float64Array | Int32Array | Uint8Array>(out: A): A => {
    let o = 0;
    for (const p of parts) {
      out.set((p as unknown as { values: A }).values, o);
      o += lengthOf(p);
    }
    return out;
  };
  if (type === 'bool') return boolColumn(name, join(new Uint8Array(n)), valid);
  if (type === 'date') return dateColumn(name, join(new Int32Array(n)), valid);
  return numberColumn(name, type, join(new Float64Array(n)), valid);
}

/** A key column as text: numbers in their shortest decimal form (`17`, never `17.0`), strings as they are. */
export function textOf(c: Column, name = c.name): StringColumn {
  if (c.type === 'string') return { ...c, name };
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
  for (let i = 0; i < n; i++) {
    ids.uuidInto(bytes, i * 36, k0[i], k1 ? k1[i] : 0);
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
