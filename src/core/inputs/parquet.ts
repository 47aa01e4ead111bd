/**
 * Parquet via parquet-wasm (`readParquet`) and Apache Arrow (`tableFromIPC`), converted to our
 * column types: integers → int (past 2^53 → float), floats and decimals → float, booleans,
 * strings (plain or dictionary) → string, timestamps of any unit → UTC µs (zone flag from the
 * Arrow type), dates → date; anything else (lists, structs, binary) → JSON text.
 */
import { tableFromIPC, Type, type Data, type DataType, type Vector } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/esm';
import { boolColumn, dateColumn, makeTable, numberColumn, stringColumn, type Column } from '../table/column';
import { checkColumnNames, fail, type ColumnInfo, type ReadResult } from './types';

function validity(v: Vector): Uint8Array | undefined {
  if (v.nullCount === 0) return undefined;
  const out = new Uint8Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v.isValid(i) ? 1 : 0;
  return out;
}

/** Copy Arrow UTF-8 buffers chunk by chunk (no JS strings: a million strings cost seconds). */
function utf8Column(name: string, v: Vector, valid: Uint8Array | undefined): Column {
  const chunks = v.data as Data[];
  let total = 0;
  for (const d of chunks) total += d.valueOffsets[d.offset + d.length] - d.valueOffsets[d.offset];
  const bytes = new Uint8Array(total);
  const offsets = new Int32Array(v.length + 1);
  let row = 0;
  let o = 0;
  for (const d of chunks) {
    const off = d.valueOffsets as Int32Array;
    const base = off[d.offset];
    const end = off[d.offset + d.length];
    bytes.set((d.values as Uint8Array).subarray(base, end), o);
    for (let i = 0; i < d.length; i++) offsets[++row] = o + off[d.offset + i + 1] - base;
    o += end - base;
  }
  return valid ? { name, type: 'string', encoding: 'utf8', offsets, bytes, valid } : { name, type: 'string', encoding: 'utf8', offsets, bytes };
}

/** µs per unit of an Arrow timestamp or time unit (SECOND=0 … NANOSECOND=3). */
const US_PER_UNIT = [1e6, 1e3, 1, 1e-3];

function convert(name: string, v: Vector): { column: Column; zone?: boolean } {
  const type: DataType = v.type;
  const n = v.length;
  const valid = validity(v);
  switch (type.typeId) {
    case Type.Int: {
      const out = new Float64Array(n);
      let safe = true;
      for (let i = 0; i < n; i++) {
        const x = v.get(i);
        if (x === null) continue;
        out[i] = Number(x);
        if (!Number.isSafeInteger(out[i])) safe = false;
      }
      return { column: numberColumn(name, safe ? 'int' : 'float', out, valid) };
    }
    case Type.Float:
    case Type.Decimal: {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const x = v.get(i);
        if (x !== null) out[i] = Number(x);
      }
      return { column: numberColumn(name, 'float', out, valid) };
    }
    case Type.Bool: {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = v.get(i) ? 1 : 0;
      return { column: boolColumn(name, out, valid) };
    }
    case Type.Timestamp: {
      const t = type as DataType & { unit: number; timezone?: string | null };
      const out = new Float64Array(n);
      const scale = US_PER_UNIT[t.unit];
      // read the raw int64 values: Vector.get() gives milliseconds and loses µs (TOOLCHAIN.md)
      let k = 0;
      for (const chunk of v.data as Data[]) {
        const raw = chunk.values as BigInt64Array;
        for (let i = 0; i < chunk.length; i++, k++) out[k] = Math.round(Number(raw[i]) * scale);
      }
      return { column: numberColumn(name, 'timestamp', out, valid), zone: !!t.timezone };
    }
    case Type.Date: {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const x = v.get(i) as Date | number | null;
        if (x !== null) out[i] = Math.floor(Number(x instanceof Date ? x.getTime() : x) / 86_400_000);
      }
      return { column: dateColumn(name, out, valid) };
    }
    case Type.Utf8:
      return { column: utf8Column(name, v, valid) };
    case Type.LargeUtf8:
    case Type.Dictionary:
      return { column: stringColumn(name, Array.from({ length: n }, (_, i) => (v.isValid(i) ? String(v.get(i)) : null))) };
    default:
      return {
        column: stringColumn(
          name,
          Array.from({ length: n }, (_, i) => (v.isValid(i) ? JSON.stringify(v.get(i), (_k, x) => (typeof x === 'bigint' ? Number(x) : x)) : null)),
        ),
      };
  }
}

export function readParquetTable(file: string, name: string, bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) return fail({ file, message: 'the file is empty' });
  let arrow;
  try {
    arrow = tableFromIPC(readParquet(bytes).intoIPCStream());
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail({ file, message: `not a readable Parquet file: its footer or metadata cannot be read (${detail})` });
  }
  const names = arrow.schema.fields.map((f) => f.name);
  const bad = checkColumnNames(file, names);
  if (bad) return fail(bad);
  const columns: Column[] = [];
  const info: ColumnInfo[] = [];
  arrow.schema.fields.forEach((f, j) => {
    const { column, zone } = convert(f.name, arrow.getChildAt(j)!);
    columns.push(column);
    info.push(column.type === 'timestamp' ? { name: f.name, type: column.type, zone: !!zone } : { name: f.name, type: column.type });
  });
  return { ok: true, table: makeTable(name, columns), columns: info };
}
