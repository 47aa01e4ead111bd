/**
 * PLAIN-encoded values and their statistics for each column kind: the non-null values of one
 * row group, in row order, as the bytes a Parquet data page holds after its levels.
 *
 * Statistics are the chunk's minimum and maximum in the column's sort order (signed for
 * integers, times and decimals, IEEE order without NaN for doubles, unsigned bytes for strings),
 * plain-encoded as Parquet's `min_value` / `max_value` expect.
 */
import type { Column, DictColumn, Utf8Column } from '../../table/column';
import { viewOf } from '../bytes';
import { scratchF64, scratchI32, scratchI64, scratchU8 } from './scratch';

export interface Encoded {
  /** PLAIN values (or, for a dictionary column, the dictionary page's PLAIN values). */
  readonly values: Uint8Array;
  readonly min?: Uint8Array;
  readonly max?: Uint8Array;
}

/** String statistics longer than this are left out (a reader then cannot skip on them, nothing worse). */
const MAX_STAT_BYTES = 64;

const le64 = (v: bigint): Uint8Array => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, v, true);
  return b;
};

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The bytes under a typed array (a view, not a copy). */
const bytesOf = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

const f64 = (v: number): Uint8Array => new Uint8Array(new Float64Array([v]).buffer);

/** Rows present (the mask's ones), or all rows. */
export function presentCount(valid: Uint8Array | undefined, n: number): number {
  if (!valid) return n;
  let k = 0;
  for (let i = 0; i < n; i++) k += valid[i];
  return k;
}

/** Safe integers held as doubles → int64 little-endian, as two 32-bit words (BigInt per value is several times slower). */
function int64FromDoubles(values: Float64Array, valid: Uint8Array | undefined): Encoded {
  const n = values.length;
  const out = scratchI32(presentCount(valid, n) * 2);
  let k = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (valid && !valid[i]) continue;
    const v = values[i];
    if (!Number.isSafeInteger(v)) throw new RangeError(`parquet: ${v} is not an integer that can be written exactly`);
    if (v < min) min = v;
    if (v > max) max = v;
    const hi = Math.floor(v / 4294967296);
    out[k++] = v - hi * 4294967296;
    out[k++] = hi;
  }
  const bytes = bytesOf(out);
  return k === 0 ? { values: bytes } : { values: bytes, min: le64(BigInt(min)), max: le64(BigInt(max)) };
}

function int64Exact(values: BigInt64Array, valid: Uint8Array | undefined): Encoded {
  const n = values.length;
  const out = valid ? scratchI64(presentCount(valid, n)) : values;
  let min: bigint | undefined;
  let max: bigint | undefined;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (valid && !valid[i]) continue;
    const v = values[i];
    if (min === undefined || v < min) min = v;
    if (max === undefined || v > max) max = v;
    if (valid) out[k] = v;
    k++;
  }
  const bytes = bytesOf(out);
  return min === undefined ? { values: bytes } : { values: bytes, min: le64(min), max: le64(max!) };
}

/** Present values of a double or int32 column, copied together (or viewed when none is null), with their range (NaN left out). */
function fixedWidth<A extends Float64Array | Int32Array>(values: A, valid: Uint8Array | undefined, alloc: (n: number) => A): { bytes: Uint8Array; min: number; max: number } {
  const n = values.length;
  const out = valid ? alloc(presentCount(valid, n)) : values;
  let min = Infinity;
  let max = -Infinity;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (valid && !valid[i]) continue;
    const v = values[i];
    if (valid) out[k] = v;
    k++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { bytes: bytesOf(out), min, max };
}

function doubles(values: Float64Array, valid: Uint8Array | undefined): Encoded {
  // NaN fails both comparisons, so it takes no part in the range
  const { bytes, min, max } = fixedWidth(values, valid, scratchF64);
  if (min > max) return { values: bytes };
  // the spec's rule for zeros: a zero minimum is written as -0, a zero maximum as +0
  return { values: bytes, min: f64(min === 0 ? -0 : min), max: f64(max === 0 ? 0 : max) };
}

function int32s(values: Int32Array, valid: Uint8Array | undefined): Encoded {
  const { bytes, min, max } = fixedWidth(values, valid, scratchI32);
  const le32 = (v: number) => new Uint8Array(new Int32Array([v]).buffer);
  return min > max ? { values: bytes } : { values: bytes, min: le32(min), max: le32(max) };
}

function booleans(values: Uint8Array, valid: Uint8Array | undefined): Encoded {
  const n = values.length;
  const out = new Uint8Array((presentCount(valid, n) + 7) >> 3);
  let k = 0;
  let any = 0;
  let all = 1;
  for (let i = 0; i < n; i++) {
    if (valid && !valid[i]) continue;
    const v = values[i] ? 1 : 0;
    out[k >> 3] |= v << (k & 7);
    any |= v;
    all &= v;
    k++;
  }
  return k === 0 ? { values: out } : { values: out, min: new Uint8Array([all]), max: new Uint8Array([any]) };
}

/** Unsigned byte order, as Parquet orders UTF-8 strings. */
export function compareBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): number {
  const n = Math.min(aEnd - aStart, bEnd - bStart);
  for (let i = 0; i < n; i++) {
    const d = a[aStart + i] - b[bStart + i];
    if (d !== 0) return d;
  }
  return aEnd - aStart - (bEnd - bStart);
}

/**
 * {@link compareBytes} for two ranges of one buffer (`view` over `bytes`), four bytes at a time:
 * big-endian words compare as their bytes do, and ids share long prefixes.
 */
function compareWithin(view: DataView, bytes: Uint8Array, aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const n = Math.min(aEnd - aStart, bEnd - bStart);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const x = view.getUint32(aStart + i);
    const y = view.getUint32(bStart + i);
    if (x !== y) return x < y ? -1 : 1;
  }
  for (; i < n; i++) {
    const d = bytes[aStart + i] - bytes[bStart + i];
    if (d !== 0) return d;
  }
  return aEnd - aStart - (bEnd - bStart);
}

export const shortStat = (b: Uint8Array) => (b.length <= MAX_STAT_BYTES ? b : undefined);

/** The width of every value when all have the same non-zero width and none is null (ids); else 0. */
function fixedByteWidth(c: Utf8Column): number {
  const { offsets, valid } = c;
  const n = offsets.length - 1;
  if (valid || n === 0) return 0;
  const w = offsets[1] - offsets[0];
  if (w === 0) return 0;
  for (let i = 1; i < n; i++) if (offsets[i + 1] - offsets[i] !== w) return 0;
  return w;
}

/**
 * PLAIN values of fixed-width ids a word at a time: `[width][id]` per row is a whole number of
 * 32-bit words when the width is (36-byte UUIDs: 10 words a row instead of 40 byte copies).
 * Statistics as {@link utf8Strings} computes them.
 */
function fixedWidthStrings(c: Utf8Column, w: number): Encoded {
  const { offsets, bytes } = c;
  const n = offsets.length - 1;
  const words = w / 4;
  const src = new Int32Array(bytes.buffer, bytes.byteOffset + offsets[0], n * words);
  const out = scratchI32(n * (words + 1));
  let o = 0;
  let s = 0;
  const { minAt, maxAt } = fixedMinMax(c, w);
  for (let i = 0; i < n; i++) {
    out[o++] = w;
    for (let k = 0; k < words; k++) out[o++] = src[s++];
  }
  const values = bytesOf(out);
  const min = shortStat(bytes.slice(offsets[minAt], offsets[minAt] + w));
  const max = shortStat(bytes.slice(offsets[maxAt], offsets[maxAt] + w));
  return min && max ? { values, min, max } : { values };
}

/** Rows of the least and the greatest of `n` values `w` bytes wide (the first of equals). */
function fixedMinMax(c: Utf8Column, w: number): { minAt: number; maxAt: number } {
  const { offsets, bytes } = c;
  const view = viewOf(bytes);
  const n = offsets.length - 1;
  let minAt = 0;
  let maxAt = 0;
  if (w < 4 || n === 0) {
    for (let i = 1; i < n; i++) {
      const at = offsets[i];
      if (compareWithin(view, bytes, at, at + w, offsets[maxAt], offsets[maxAt] + w) > 0) maxAt = i;
      else if (compareWithin(view, bytes, at, at + w, offsets[minAt], offsets[minAt] + w) < 0) minAt = i;
    }
    return { minAt, maxAt };
  }
  // the first word settles nearly every comparison of random ids: the rest only on a tie
  let maxHead = view.getUint32(offsets[0]);
  let minHead = maxHead;
  for (let i = 1; i < n; i++) {
    const at = offsets[i];
    const head = view.getUint32(at);
    if (head > maxHead || (head === maxHead && compareWithin(view, bytes, at, at + w, offsets[maxAt], offsets[maxAt] + w) > 0)) {
      maxAt = i;
      maxHead = head;
    } else if (head < minHead || (head === minHead && compareWithin(view, bytes, at, at + w, offsets[minAt], offsets[minAt] + w) < 0)) {
      minAt = i;
      minHead = head;
    }
  }
  return { minAt, maxAt };
}

/** PLAIN values of fixed-width ids of any width: the length, then the bytes a word at a time. */
function fixedBytesStrings(c: Utf8Column, w: number): Encoded {
  const { offsets, bytes } = c;
  const n = offsets.length - 1;
  const src = viewOf(bytes);
  const values = scratchU8(n * (w + 4));
  const out = viewOf(values);
  const whole = w & ~3;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const s = offsets[i];
    out.setUint32(o, w, true);
    o += 4;
    let k = 0;
    for (; k < whole; k += 4) out.setUint32(o + k, src.getUint32(s + k));
    for (; k < w; k++) values[o + k] = bytes[s + k];
    o += w;
  }
  const { minAt, maxAt } = fixedMinMax(c, w);
  const min = shortStat(bytes.slice(offsets[minAt], offsets[minAt] + w));
  const max = shortStat(bytes.slice(offsets[maxAt], offsets[maxAt] + w));
  return min && max ? { values, min, max } : { values };
}

function utf8Strings(c: Utf8Column): Encoded {
  const width = fixedByteWidth(c);
  if (width > 0) return LITTLE_ENDIAN && width % 4 === 0 && (c.bytes.byteOffset + c.offsets[0]) % 4 === 0 ? fixedWidthStrings(c, width) : fixedBytesStrings(c, width);
  const { offsets, bytes: src, valid } = c;
  const view = viewOf(src);
  const n = offsets.length - 1;
  const present = presentCount(valid, n);
  let size = present * 4;
  for (let i = 0; i < n; i++) if (!valid || valid[i]) size += offsets[i + 1] - offsets[i];
  const out = scratchU8(size);
  let o = 0;
  let minAt = -1;
  let maxAt = -1;
  let minFirst = 256;
  let maxFirst = -1;
  for (let i = 0; i < n; i++) {
    if (valid && !valid[i]) continue;
    const s = offsets[i];
    const e = offsets[i + 1];
    const len = e - s;
    out[o] = len & 0xff;
    out[o + 1] = (len >>> 8) & 0xff;
    out[o + 2] = (len >>> 16) & 0xff;
    out[o + 3] = len >>> 24;
    o += 4;
    if (len <= 64) for (let j = s; j < e; j++) out[o++] = src[j];
    else {
      out.set(src.subarray(s, e), o);
      o += len;
    }
    // the first byte settles most comparisons; empty strings sort first (-1)
    const first = len > 0 ? src[s] : -1;
    if (minAt < 0) {
      minAt = maxAt = i;
      minFirst = maxFirst = first;
    } else if (first > maxFirst || (first === maxFirst && compareWithin(view, src, s, e, offsets[maxAt], offsets[maxAt + 1]) > 0)) {
      // a new maximum cannot be a new minimum: one comparison for ids that only grow
      maxAt = i;
      maxFirst = first;
    } else if (first < minFirst || (first === minFirst && compareWithin(view, src, s, e, offsets[minAt], offsets[minAt + 1]) < 0)) {
      minAt = i;
      minFirst = first;
    }
  }
  if (minAt < 0) return { values: out };
  const min = shortStat(src.slice(offsets[minAt], offsets[minAt + 1]));
  const max = shortStat(src.slice(offsets[maxAt], offsets[maxAt + 1]));
  return min && max ? { values: out, min, max } : { values: out };
}

/** Bytes of a DECIMAL stored as FIXED_LEN_BYTE_ARRAY: the least that hold `precision` digits. */
export function decimalByteLength(precision: number): number {
  let n = 1;
  while (2n ** BigInt(8 * n - 1) < 10n ** BigInt(precision)) n++;
  return n;
}

/** Unscaled 64-bit decimals as big-endian two's complement of `width` bytes (precision above 18). */
function fixedDecimals(values: BigInt64Array, valid: Uint8Array | undefined, width: number): Encoded {
  const n = values.length;
  const out = scratchU8(presentCount(valid, n) * width);
  let min: bigint | undefined;
  let max: bigint | undefined;
  let o = 0;
  const be = (v: bigint, into: Uint8Array, at: number) => {
    let x = BigInt.asUintN(width * 8, v);
    for (let b = width - 1; b >= 0; b--) {
      into[at + b] = Number(x & 0xffn);
      x >>= 8n;
    }
  };
  for (let i = 0; i < n; i++) {
    if (valid && !valid[i]) continue;
    const v = values[i];
    if (min === undefined || v < min) min = v;
    if (max === undefined || v > max) max = v;
    be(v, out, o);
    o += width;
  }
  if (min === undefined) return { values: out };
  const lo = new Uint8Array(width);
  const hi = new Uint8Array(width);
  be(min, lo, 0);
  be(max!, hi, 0);
  return { values: out, min: lo, max: hi };
}

/** PLAIN values and statistics of any column but a dictionary-coded string column. */
export function plainValues(c: Exclude<Column, DictColumn>): Encoded {
  switch (c.type) {
    case 'int':
    case 'timestamp':
    case 'time':
      return int64FromDoubles(c.values, c.valid);
    case 'float':
      return doubles(c.values, c.valid);
    case 'bool':
      return booleans(c.values, c.valid);
    case 'date':
      return int32s(c.values, c.valid);
    case 'string':
      return utf8Strings(c);
    case 'bigint':
      return int64Exact(c.values, c.valid);
    case 'decimal':
      return c.precision <= 18 ? int64Exact(c.values, c.valid) : fixedDecimals(c.values, c.valid, decimalByteLength(c.precision));
  }
}
