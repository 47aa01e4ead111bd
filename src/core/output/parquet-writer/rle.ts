/**
 * Parquet's RLE / bit-packing hybrid encoding, for definition levels (bit width 1) and
 * dictionary indices. Runs of 8 or more equal values (checked at 8-value group boundaries) are
 * written as RLE runs; everything else as bit-packed groups of 8, least significant bit first.
 *
 * Spec: https://parquet.apache.org/docs/file-format/data-pages/encodings/#run-length-encoding--bit-packing-hybrid-rle--3
 */
import { ByteSink } from '../bytes';

function varint(out: ByteSink, v: number): void {
  while (v >= 0x80) {
    out.byte((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.byte(v);
}

/** Bit-pack `values[start, start + groups * 8)` (reading past `end` as 0) at `width` bits each. */
function bitPack(out: ByteSink, values: ArrayLike<number>, start: number, end: number, groups: number, width: number): void {
  varint(out, (groups << 1) | 1);
  const bytes = groups * width;
  out.ensure(bytes);
  const buf = out.buf;
  let o = out.pos;
  let acc = 0;
  let bits = 0;
  const stop = start + groups * 8;
  if (width <= 24) {
    // at most 7 pending bits plus 24 new ones: integer operations suffice
    for (let i = start; i < stop; i++) {
      acc |= (i < end ? values[i] : 0) << bits;
      bits += width;
      while (bits >= 8) {
        buf[o++] = acc & 0xff;
        acc >>>= 8;
        bits -= 8;
      }
    }
  } else {
    for (let i = start; i < stop; i++) {
      acc += (i < end ? values[i] : 0) * 2 ** bits;
      bits += width;
      while (bits >= 8) {
        buf[o++] = acc & 0xff;
        acc = Math.floor(acc / 256);
        bits -= 8;
      }
    }
  }
  out.pos = o;
}

function rleRun(out: ByteSink, value: number, count: number, width: number): void {
  varint(out, count * 2);
  for (let b = 0; b < width; b += 8) out.byte(Math.floor(value / 2 ** b) & 0xff);
}

/** Most groups in one bit-packed run (a one-byte header, as parquet-mr writes it). */
const MAX_GROUPS = 63;

/**
 * Encode `values[0, n)` (each < 2^width, width ≤ 32) into `out` with the hybrid encoding.
 * Returns nothing; the caller adds any length prefix.
 */
export function rleHybrid(out: ByteSink, values: ArrayLike<number>, n: number, width: number): void {
  let packedFrom = 0;
  let i = 0;
  const flushPacked = (to: number) => {
    for (let s = packedFrom; s < to; s += MAX_GROUPS * 8) {
      const groups = Math.ceil((Math.min(to, s + MAX_GROUPS * 8) - s) / 8);
      bitPack(out, values, s, Math.min(to, n), groups, width);
    }
  };
  while (i < n) {
    const v = values[i];
    let run = 1;
    while (i + run < n && values[i + run] === v) run++;
    if (run >= 8) {
      flushPacked(i);
      rleRun(out, v, run, width);
      i += run;
      packedFrom = i;
    } else {
      // the group [i, i + 8) joins the bit-packed run; only the last group may be short
      i = Math.min(n, i + 8);
    }
  }
  flushPacked(n);
}

/** Definition levels of an optional column (1 = present) from a byte-per-row validity mask, all 1 when absent. */
export function definitionLevels(out: ByteSink, valid: Uint8Array | undefined, n: number): void {
  if (!valid) {
    if (n > 0) rleRun(out, 1, n, 1);
    return;
  }
  rleHybrid(out, valid, n, 1);
}

/** Bits needed for values up to `max` (at least 1). */
export function bitWidth(max: number): number {
  let w = 1;
  while (w < 32 && max >= 2 ** w) w++;
  return w;
}
