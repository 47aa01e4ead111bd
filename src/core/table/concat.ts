/**
 * Concatenate tables of the same schema (row groups built from a producer's chunks). Generic
 * over column kinds: UTF-8 strings (offsets rebased), dictionary strings (codes remapped when
 * the dictionaries differ), and every other kind by concatenating its per-row typed arrays, so
 * a new fixed-width kind needs no change here.
 */
import { makeTable, type Column, type DictColumn, type Table, type Utf8Column } from './column';

export type RowArray = Float64Array | Int32Array | Uint8Array | BigInt64Array | Float32Array | Int16Array | Int8Array | Uint16Array | Uint32Array | BigUint64Array;

function isRowArray(v: unknown, n: number): v is RowArray {
  return ArrayBuffer.isView(v) && !(v instanceof DataView) && (v as RowArray).length === n;
}

/** Typed arrays of one kind, one after another. */
export function concatArrays<A extends RowArray>(parts: readonly A[]): A {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new (parts[0].constructor as new (n: number) => A)(n);
  let o = 0;
  for (const p of parts) {
    (out as RowArray).set(p as never, o);
    o += p.length;
  }
  return out;
}

/** Validity masks of the parts, or undefined when no part has nulls. */
function concatValid(parts: readonly Column[], lengths: readonly number[]): Uint8Array | undefined {
  if (parts.every((c) => !c.valid)) return undefined;
  return concatArrays(parts.map((c, i) => c.valid ?? new Uint8Array(lengths[i]).fill(1)));
}

function concatUtf8(parts: readonly Utf8Column[]): Omit<Utf8Column, 'valid' | 'name'> {
  let rows = 0;
  for (const p of parts) rows += p.offsets.length - 1;
  const offsets = new Int32Array(rows + 1);
  let r = 0;
  let base = 0;
  for (const p of parts) {
    const first = p.offsets[0];
    for (let i = 1; i < p.offsets.length; i++) offsets[++r] = p.offsets[i] - first + base;
    base += p.offsets[p.offsets.length - 1] - first;
  }
  const bytes = new Uint8Array(base);
  let o = 0;
  for (const p of parts) {
    const slice = p.bytes.subarray(p.offsets[0], p.offsets[p.offsets.length - 1]);
    bytes.set(slice, o);
    o += slice.length;
  }
  return { type: 'string', encoding: 'utf8', offsets, bytes };
}

function concatDict(parts: readonly DictColumn[]): Omit<DictColumn, 'valid' | 'name'> {
  const dict = parts[0].dict;
  const same = parts.every((p) => p.dict === dict || (p.dict.length === dict.length && p.dict.every((s, i) => s === dict[i])));
  if (same) return { type: 'string', encoding: 'dict', dict, codes: concatArrays(parts.map((p) => p.codes)) };
  // dictionaries differ: one merged dictionary in order of first appearance, codes remapped
  const merged: string[] = [];
  const index = new Map<string, number>();
  const codes = concatArrays(
    parts.map((p) => {
      const remap = p.dict.map((s) => {
        let k = index.get(s);
        if (k === undefined) {
          k = merged.length;
          merged.push(s);
          index.set(s, k);
        }
        return k;
      });
      return p.codes.map((c) => remap[c]);
    }),
  );
  return { type: 'string', encoding: 'dict', dict: merged, codes };
}

/** Rows of `parts[0]`, then `parts[1]`, …; all parts must share column names and kinds. */
export function concatTables(parts: readonly Table[]): Table {
  if (parts.length === 0) throw new Error('concatTables: no tables');
  if (parts.length === 1) return parts[0];
  const first = parts[0];
  const lengths = parts.map((p) => p.length);
  const columns = first.columns.map((c, j): Column => {
    const cols = parts.map((p) => {
      const other = p.columns[j];
      const same = other && other.name === c.name && other.type === c.type && (c.type !== 'string' || (other.type === 'string' && other.encoding === c.encoding));
      if (!same) throw new Error(`concatTables: ${first.name}.${c.name} differs between chunks`);
      return other;
    });
    const valid = concatValid(cols, lengths);
    const withValid = <C extends object>(col: C) => (valid ? { ...col, name: c.name, valid } : { ...col, name: c.name });
    if (c.type === 'string') return withValid(c.encoding === 'utf8' ? concatUtf8(cols as Utf8Column[]) : concatDict(cols as DictColumn[])) as Column;
    // any other kind: every per-row typed array (values, …) concatenated; other fields from the first
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(c)) {
      if (key === 'valid') continue;
      out[key] = isRowArray(value, first.length) ? concatArrays(cols.map((x) => (x as unknown as Record<string, RowArray>)[key])) : value;
    }
    return withValid(out) as unknown as Column;
  });
  if (parts.some((p) => p.columns.length !== columns.length)) throw new Error(`concatTables: ${first.name} chunks have different columns`);
  return makeTable(first.name, columns);
}
