/**
 * Parquet via parquet-wasm (`readParquet`) and Apache Arrow (`tableFromIPC`), converted to our
 * column kinds without changing a value (issue 11): integers → int, or bigint when one is past
 * ±2^53; DECIMAL → decimal(p, s); floats → float; booleans; strings; timestamps of any unit →
 * UTC µs (nanoseconds floored, with a note); DATE → date; TIME → time (ns floored, with a note).
 * What no exact kind holds is text with a note: UINT64 past 2^63, decimals past 64 bits, UUIDs,
 * binary (hex), nested values (JSON). INTERVAL is refused: the Parquet reader keeps only its
 * days and milliseconds, so months would be lost silently.
 */
import { tableFromIPC, Type, type Data, type DataType, type Vector } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/esm';
import { bigintColumn, boolColumn, dateColumn, decimalColumn, decimalText, makeTable, numberColumn, stringColumn, timeColumn, type Column } from '../table/column';
import { fitsInt64, floorDiv } from '../table/exact';
import { nestedText, hexText, uuidText } from './parquet-text';
import { checkColumnNames, columnInfo, fail, type ColumnInfo, type ReadResult } from './types';

interface Converted {
  readonly column: Column;
  readonly zone?: boolean;
  readonly note?: string;
}

/** A column the engine cannot hold exactly in any form: the whole file is refused, naming it. */
class Refused extends Error {}

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

/** Every raw value of a fixed-width column as a bigint (64-bit ints, times, timestamps), chunk by chunk. */
function rawBigints(v: Vector): bigint[] {
  const out: bigint[] = new Array(v.length);
  let k = 0;
  for (const chunk of v.data as Data[]) {
    const raw = chunk.values as ArrayLike<bigint | number>;
    for (let i = 0; i < chunk.length; i++) out[k++] = BigInt(raw[i]);
  }
  return out;
}

/** 64-bit integers: int when all are within ±2^53, bigint when all fit int64, else text (UINT64 past 2^63). */
function int64Column(name: string, v: Vector, valid: Uint8Array | undefined): Converted {
  const raw = rawBigints(v);
  const present = (i: number) => !valid || valid[i] === 1;
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  let safe = true;
  let fits = true;
  for (let i = 0; i < raw.length; i++) {
    if (!present(i)) continue;
    if (raw[i] > limit || raw[i] < -limit) safe = false;
    if (!fitsInt64(raw[i])) fits = false;
  }
  if (safe) return { column: numberColumn(name, 'int', Float64Array.from(raw, Number), valid) };
  if (fits) return { column: bigintColumn(name, BigInt64Array.from(raw), valid) };
  return {
    column: stringColumn(name, raw.map((x, i) => (present(i) ? x.toString() : null))),
    note: 'unsigned 64-bit integers past 9,223,372,036,854,775,807: read as text to keep every digit',
  };
}

/** Decimal128/256 words (little-endian two's complement) as bigints. */
function decimalValues(v: Vector, bitWidth: number): bigint[] {
  const stride = bitWidth / 32;
  const out: bigint[] = new Array(v.length);
  let k = 0;
  for (const chunk of v.data as Data[]) {
    const words = chunk.values as Uint32Array;
    for (let i = 0; i < chunk.length; i++) {
      let x = 0n;
      for (let w = stride - 1; w >= 0; w--) x = (x << 32n) | BigInt(words[i * stride + w]);
      out[k++] = BigInt.asIntN(bitWidth, x);
    }
  }
  return out;
}

function decimalColumnOf(name: string, v: Vector, valid: Uint8Array | undefined): Converted {
  const t = v.type as DataType & { scale: number; precision: number; bitWidth: number };
  const raw = decimalValues(v, t.bitWidth);
  const present = (i: number) => !valid || valid[i] === 1;
  if (raw.every((x, i) => !present(i) || fitsInt64(x))) return { column: decimalColumn(name, Math.min(38, t.precision), t.scale, BigInt64Array.from(raw), valid) };
  return {
    column: stringColumn(name, raw.map((x, i) => (present(i) ? decimalText(x, t.scale) : null))),
    note: `decimal(${t.precision},${t.scale}) values past 18 digits: read as exact text`,
  };
}

/** µs per unit of an Arrow time unit (SECOND=0 … NANOSECOND=3), as bigints; nanoseconds floor. */
const US_PER_UNIT = [1_000_000n, 1000n, 1n];

/** Raw times or timestamps in `unit` → µs, floored from ns; counts the values that lost digits. */
function toMicros(raw: readonly bigint[], unit: number, valid: Uint8Array | undefined): { us: Float64Array; floored: number } {
  const us = new Float64Array(raw.length);
  let floored = 0;
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  for (let i = 0; i < raw.length; i++) {
    if (valid && valid[i] === 0) continue;
    let x: bigint;
    if (unit === 3) {
      x = floorDiv(raw[i], 1000n);
      if (raw[i] - x * 1000n !== 0n) floored++;
    } else x = raw[i] * US_PER_UNIT[unit];
    if (x > limit || x < -limit) throw new Refused('holds instants past the range a microsecond clock can hold (±285,000 years)');
    us[i] = Number(x);
  }
  return { us, floored };
}

const flooredNote = (k: number) => `${k.toLocaleString('en-US')} value${k === 1 ? '' : 's'} had nanoseconds: floored to microseconds`;

function convert(name: string, v: Vector): Converted {
  const type: DataType = v.type;
  const n = v.length;
  const valid = validity(v);
  switch (type.typeId) {
    case Type.Int: {
      if ((type as DataType & { bitWidth: number }).bitWidth === 64) return int64Column(name, v, valid);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = Number(v.get(i) ?? 0);
      return { column: numberColumn(name, 'int', out, valid) };
    }
    case Type.Float: {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = Number(v.get(i) ?? 0);
      return { column: numberColumn(name, 'float', out, valid) };
    }
    case Type.Decimal:
      return decimalColumnOf(name, v, valid);
    case Type.Bool: {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = v.get(i) ? 1 : 0;
      return { column: boolColumn(name, out, valid) };
    }
    case Type.Timestamp: {
      const t = type as DataType & { unit: number; timezone?: string | null };
      const { us, floored } = toMicros(rawBigints(v), t.unit, valid);
      return { column: numberColumn(name, 'timestamp', us, valid), zone: !!t.timezone, note: floored ? flooredNote(floored) : undefined };
    }
    case Type.Time: {
      const t = type as DataType & { unit: number };
      const { us, floored } = toMicros(rawBigints(v), t.unit, valid);
      return { column: timeColumn(name, us, valid), note: floored ? flooredNote(floored) : undefined };
    }
    case Type.Date: {
      // DateDay holds days; DateMillisecond holds ms (whole days by Arrow's definition)
      const days = (type as DataType & { unit: number }).unit === 0;
      const raw = rawBigints(v);
      const out = Int32Array.from(raw, (x) => Number(days ? x : floorDiv(x, 86_400_000n)));
      return { column: dateColumn(name, out, valid) };
    }
    case Type.Utf8:
      return { column: utf8Column(name, v, valid) };
    case Type.LargeUtf8:
    case Type.Dictionary:
      return { column: stringColumn(name, Array.from({ length: n }, (_, i) => (v.isValid(i) ? String(v.get(i)) : null))) };
    case Type.FixedSizeBinary: {
      const width = (type as DataType & { byteWidth: number }).byteWidth;
      const text = Array.from({ length: n }, (_, i) => (v.isValid(i) ? (width === 16 ? uuidText : hexText)(v.get(i) as Uint8Array) : null));
      return { column: stringColumn(name, text), note: width === 16 ? '16-byte values (UUID): read as UUID text' : `${width}-byte binary values: read as hex text` };
    }
    case Type.Binary:
    case Type.LargeBinary:
      return { column: stringColumn(name, Array.from({ length: n }, (_, i) => (v.isValid(i) ? hexText(v.get(i) as Uint8Array) : null))), note: 'binary values: read as hex text' };
    case Type.Interval:
      throw new Refused('is an INTERVAL: the Parquet reader keeps only its days and milliseconds, so months would be lost; cast it to text (VARCHAR) or to a number of seconds before exporting');
    case Type.Null:
      return { column: stringColumn(name, new Array<null>(n).fill(null)) };
    default:
      return {
        column: stringColumn(name, Array.from({ length: n }, (_, i) => (v.isValid(i) ? nestedText(v.get(i)) : null))),
        note: `${String(type)} values: read as their JSON text`,
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
  for (let j = 0; j < names.length; j++) {
    let r: Converted;
    try {
      r = convert(names[j], arrow.getChildAt(j)!);
    } catch (e) {
      if (e instanceof Refused) return fail({ file, column: names[j], message: `this column ${e.message}` });
      throw e;
    }
    columns.push(r.column);
    info.push(columnInfo(names[j], r.column.type, r.zone, r.note));
  }
  return { ok: true, table: makeTable(name, columns), columns: info };
}
