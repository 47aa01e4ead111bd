/**
 * Scratch memory for the intermediate arrays of one row group's encoding (PLAIN values, indices,
 * compressed pages), reused from one row group to the next instead of allocated afresh: memory
 * written for the first time costs far more than memory written again (page faults; on the
 * project's VM 1–3 ms per MB, against tens of GB/s for warm memory), and a row group's
 * intermediates come to a few times its file size.
 *
 * {@link resetScratch} starts a row group: everything handed out before is free again, so
 * nothing from here may outlive the encoding of the row group that asked for it (the finished
 * part is a new array). Requests that do not fit get new memory, and the next reset makes the
 * buffer large enough for what the last row group asked in all. Memory from here is not zeroed.
 * One buffer per thread (module state; encoding is synchronous, so calls never interleave).
 */

let buffer = new ArrayBuffer(0);
let used = 0;
/** Bytes asked for since the last reset, aligned as handed out. */
let asked = 0;

/** The buffer grows in steps of this many bytes. */
const STEP = 1 << 20;

/** Free everything handed out since the last reset; grow the buffer to what that took (it never shrinks: one row group's worth per thread). */
export function resetScratch(): void {
  if (asked > buffer.byteLength) buffer = new ArrayBuffer(Math.ceil(asked / STEP) * STEP);
  used = 0;
  asked = 0;
}

/** `bytes` bytes 8-aligned: a region of the buffer, or new memory when it is full. */
function region(bytes: number): [ArrayBuffer, number] {
  const size = (bytes + 7) & ~7;
  asked += size;
  if (used + size > buffer.byteLength) return [new ArrayBuffer(size), 0];
  const at = used;
  used += size;
  return [buffer, at];
}

export function scratchU8(n: number): Uint8Array {
  const [b, at] = region(n);
  return new Uint8Array(b, at, n);
}

export function scratchI32(n: number): Int32Array {
  const [b, at] = region(4 * n);
  return new Int32Array(b, at, n);
}

export function scratchF64(n: number): Float64Array {
  const [b, at] = region(8 * n);
  return new Float64Array(b, at, n);
}

export function scratchI64(n: number): BigInt64Array {
  const [b, at] = region(8 * n);
  return new BigInt64Array(b, at, n);
}
