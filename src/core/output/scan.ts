/**
 * Whole-column scans of UTF-8 text for the bytes that make a CSV field need quotes or a JSON
 * string need escapes. One scan per column lets the writers copy every cell of a clean column
 * (ids, names, URLs: nearly all columns) without looking at its bytes again. The scans read
 * four bytes at a time (SWAR: a byte equal to n, or below n, sets its high bit in
 * `(x - n·0x01010101) & ~x & 0x80808080`), several times faster than a loop over bytes.
 */

const ONES = 0x01010101;
const HIGHS = 0x80808080 | 0;

function hasZeroByte(x: number): boolean {
  return ((x - ONES) & ~x & HIGHS) !== 0;
}

/** Bytes [start, end) as int32 words where they are 4-aligned in the buffer: [first aligned byte, end of the last whole word]. */
function alignedSpan(bytes: Uint8Array, start: number, end: number): [number, number] {
  const base = bytes.byteOffset;
  const from = Math.min(end, start + ((4 - ((base + start) & 3)) & 3));
  const to = from + ((end - from) & ~3);
  return [from, to];
}

function words(bytes: Uint8Array): Int32Array {
  const base = bytes.byteOffset;
  const first = (base + 3) & ~3;
  return new Int32Array(bytes.buffer, first, ((base + bytes.byteLength - first) >> 2) | 0);
}

/** True when neither a byte of bytes[start, end) outside whole aligned words, nor a word inside them, is special. */
function plain(bytes: Uint8Array, start: number, end: number, specialWord: (x: number) => boolean, specialByte: (b: number) => boolean): boolean {
  const [from, to] = alignedSpan(bytes, start, end);
  for (let i = start; i < from; i++) if (specialByte(bytes[i])) return false;
  if (to > from) {
    const w = words(bytes);
    const first = (bytes.byteOffset + from - ((bytes.byteOffset + 3) & ~3)) >> 2;
    const last = first + ((to - from) >> 2);
    for (let k = first; k < last; k++) if (specialWord(w[k])) return false;
  }
  for (let i = to; i < end; i++) if (specialByte(bytes[i])) return false;
  return true;
}

const csvSpecial = (b: number) => b === 34 || b === 44 || b === 10 || b === 13;
const csvSpecialWord = (x: number) => hasZeroByte(x ^ 0x22222222) || hasZeroByte(x ^ 0x2c2c2c2c) || hasZeroByte(x ^ 0x0a0a0a0a) || hasZeroByte(x ^ 0x0d0d0d0d);

/** True when no byte of bytes[start, end) is `"`, `,`, LF or CR (a CSV field needs quotes only for those, or edge spaces). */
export function csvPlain(bytes: Uint8Array, start: number, end: number): boolean {
  return plain(bytes, start, end, csvSpecialWord, csvSpecial);
}

const jsonSpecial = (b: number) => b === 34 || b === 92 || b < 0x20;
// a byte below 0x20 sets its high bit in (x - 0x20202020) & ~x (bytes of 0x80 and up never do)
const jsonSpecialWord = (x: number) => ((x - 0x20202020) & ~x & HIGHS) !== 0 || hasZeroByte(x ^ 0x22222222) || hasZeroByte(x ^ 0x5c5c5c5c);

/** True when no byte of bytes[start, end) is `"`, `\` or a control byte (< 0x20): the text is its own JSON string body. */
export function jsonPlain(bytes: Uint8Array, start: number, end: number): boolean {
  return plain(bytes, start, end, jsonSpecialWord, jsonSpecial);
}
