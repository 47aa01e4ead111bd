import {
  Bool,
  DateDay,
  Field,
  Float64,
  Int64,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table as ArrowTable,
  TimestampMicrosecond,
  Utf8,
  type Data,
  type DataType,
} from 'apache-arrow';
import { columnLength, encodeDict, type Column, type Table } from '../table/column';
import { exactArrowType, exactColumnData } from './arrow-exact';

/** Bit-pack a byte-per-row mask (LSB first, Arrow's layout); returns the bitmap and its zero count. */
function packBits(bytes: Uint8Array): { bits: Uint8Array; zeros: number } {
  const n = bytes.length;
  const bits = new Uint8Array((n + 7) >> 3);
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i]) bits[i >> 3] |= 1 << (i & 7);
    else zeros++;
  }
  return { bits, zeros };
}

/** Expand a dictionary-coded string column to UTF-8 offsets and bytes. */
export function dictToUtf8(dict: readonly string[], codes: Int32Array, valid?: Uint8Array): { offsets: Int32Array; bytes: Uint8Array } {
  const encoded = encodeDict(dict);
  const n = codes.length;
  let total = 0;
  for (let i = 0; i < n; i++) if (!valid || valid[i]) total += encoded[codes[i]].length;
  const bytes = new Uint8Array(total);
  const offsets = new Int32Array(n + 1);
  let o = 0;
  for (let i = 0; i < n; i++) {
    if (!valid || valid[i]) {
      const e = encoded[codes[i]];
      bytes.set(e, o);
      o += e.length;
    }
    offsets[i + 1] = o;
  }
  return { offsets, bytes };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Safe integers as int64: written as two 32-bit words (three to four times faster than a
 * BigInt per value, which dominated turning timestamps into Arrow); anything else goes through
 * BigInt, which throws for a non-integer as before.
 */
function toBigInt64(values: Float64Array): BigInt64Array {
  const out = new BigInt64Array(values.length);
  const words = new Int32Array(out.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!LITTLE_ENDIAN || !Number.isSafeInteger(v)) {
      out[i] = BigInt(v);
      continue;
    }
    const hi = Math.floor(v / 4294967296);
    words[2 * i] = v - hi * 4294967296;
    words[2 * i + 1] = hi;
  }
  return out;
}

function arrowType(c: Column): DataType {
  switch (c.type) {
    case 'int':
      return new Int64();
    case 'float':
      return new Float64();
    case 'bool':
      return new Bool();
    case 'timestamp':
      return new TimestampMicrosecond('UTC');
    case 'date':
      return new DateDay();
    case 'string':
      return new Utf8();
    default:
      return exactArrowType(c);
  }
}

function columnData(c: Column): Data {
  const length = columnLength(c);
  const mask = c.valid ? packBits(c.valid) : undefined;
  const nulls = mask && mask.zeros > 0 ? { nullBitmap: mask.bits, nullCount: mask.zeros } : { nullCount: 0 };
  switch (c.type) {
    case 'int':
      return makeData({ type: new Int64(), length, data: toBigInt64(c.values), ...nulls });
    case 'timestamp':
      return makeData({ type: new TimestampMicrosecond('UTC'), length, data: toBigInt64(c.values), ...nulls });
    case 'float':
      return makeData({ type: new Float64(), length, data: c.values, ...nulls });
    case 'bool':
      return makeData({ type: new Bool(), length, data: packBits(c.values).bits, ...nulls });
    case 'date':
      return makeData({ type: new DateDay(), length, data: c.values, ...nulls });
    case 'string': {
      const { offsets, bytes } = c.encoding === 'utf8' ? c : dictToUtf8(c.dict, c.codes, c.valid);
      return makeData({ type: new Utf8(), length, valueOffsets: offsets, data: bytes, ...nulls });
    }
    default:
      return exactColumnData(c, length, nulls);
  }
}

/** Our table as an Apache Arrow table (one record batch, no copies of numeric buffers but int64s). */
export function toArrow(t: Table): ArrowTable {
  const fields = t.columns.map((c) => new Field(c.name, arrowType(c), true));
  const schema = new Schema(fields);
  const children = t.columns.map(columnData);
  const struct = makeData({ type: new Struct(fields), length: t.length, nullCount: 0, children });
  return new ArrowTable(schema, [new RecordBatch(schema, struct)]);
}
