/**
 * Arrow types and buffers for the exact column kinds (issue 11): bigint → Int64, decimal →
 * Decimal128(precision, scale) (Parquet DECIMAL), time → Time64(µs) (Parquet TIME). Kept apart
 * from `arrow.ts` so that the per-kind encoders stay small and separate.
 */
import { Decimal, Int64, makeData, TimeMicrosecond, type Data, type DataType } from 'apache-arrow';
import type { ExactColumn } from '../table/column';

type Nulls = { nullBitmap?: Uint8Array; nullCount: number };

export function exactArrowType(c: ExactColumn): DataType {
  switch (c.type) {
    case 'bigint':
      return new Int64();
    case 'decimal':
      return new Decimal(c.scale, c.precision, 128);
    case 'time':
      return new TimeMicrosecond();
  }
}

/** Unscaled 64-bit values as 128-bit little-endian two's complement words (Arrow's Decimal128 layout). */
export function decimal128Words(values: BigInt64Array): Uint32Array {
  const words = new Uint32Array(values.length * 4);
  const lo = new BigUint64Array(words.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    lo[i * 2] = BigInt.asUintN(64, v);
    // sign extension into the high 64 bits
    const hi = v < 0n ? 0xffffffff : 0;
    words[i * 4 + 2] = hi;
    words[i * 4 + 3] = hi;
  }
  return words;
}

function timeMicros(values: Float64Array): BigInt64Array {
  const out = new BigInt64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = BigInt(values[i]);
  return out;
}

export function exactColumnData(c: ExactColumn, length: number, nulls: Nulls): Data {
  switch (c.type) {
    case 'bigint':
      return makeData({ type: new Int64(), length, data: c.values, ...nulls });
    case 'decimal':
      return makeData({ type: new Decimal(c.scale, c.precision, 128), length, data: decimal128Words(c.values), ...nulls });
    case 'time':
      return makeData({ type: new TimeMicrosecond(), length, data: timeMicros(c.values), ...nulls });
  }
}
