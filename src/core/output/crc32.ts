/**
 * CRC-32 (IEEE, as zip uses it), slice-by-16 over little-endian words: about 1 GB/s in V8, so
 * stored Parquet entries of a zip cost little to checksum. `crc32Combine` joins the CRCs of two
 * pieces without their bytes (zlib's crc32_combine), so zip entries deflated in parts on several
 * threads still get one CRC.
 */

/** Table k (at k × 256) is the CRC of a byte followed by k zero bytes. */
const TABLE = (() => {
  const t = new Int32Array(16 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 16; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  return t;
})();

/**
 * Bytes per call of the kernel. In Chromium one call over a whole file stayed slow, cold or warm
 * (190 MB in 260–340 ms): its loop ran in the code made for it mid-call. Called once per 64 KiB
 * view, the kernel is optimised as a function: 186–209 ms cold, 126–160 ms warm. Node takes
 * 117–127 ms either way.
 */
const BLOCK = 1 << 16;

/** Continue a CRC-32 over `bytes` (start with 0). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  const n = bytes.length;
  if (n <= BLOCK) return crcBlock(bytes, crc);
  let c = crc;
  for (let at = 0; at < n; at += BLOCK) c = crcBlock(bytes.subarray(at, Math.min(n, at + BLOCK)), c);
  return c;
}

/** Continue a CRC-32 over at most BLOCK bytes. */
function crcBlock(bytes: Uint8Array, crc: number): number {
  const t = TABLE;
  let c = ~crc;
  let i = 0;
  const n = bytes.length;
  // sixteen bytes a step, read as four words (one load each, at any alignment)
  const v = new DataView(bytes.buffer, bytes.byteOffset, n);
  for (const end = n - 15; i < end; i += 16) {
    c ^= v.getInt32(i, true);
    const d = v.getInt32(i + 4, true);
    const e = v.getInt32(i + 8, true);
    const f = v.getInt32(i + 12, true);
    c =
      t[3840 + (c & 0xff)] ^
      t[3584 + ((c >>> 8) & 0xff)] ^
      t[3328 + ((c >>> 16) & 0xff)] ^
      t[3072 + (c >>> 24)] ^
      t[2816 + (d & 0xff)] ^
      t[2560 + ((d >>> 8) & 0xff)] ^
      t[2304 + ((d >>> 16) & 0xff)] ^
      t[2048 + (d >>> 24)] ^
      t[1792 + (e & 0xff)] ^
      t[1536 + ((e >>> 8) & 0xff)] ^
      t[1280 + ((e >>> 16) & 0xff)] ^
      t[1024 + (e >>> 24)] ^
      t[768 + (f & 0xff)] ^
      t[512 + ((f >>> 8) & 0xff)] ^
      t[256 + ((f >>> 16) & 0xff)] ^
      t[f >>> 24];
  }
  for (; i < n; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

function times(mat: Uint32Array, vec: number): number {
  let sum = 0;
  for (let i = 0; vec !== 0; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i];
  return sum >>> 0;
}

function square(out: Uint32Array, mat: Uint32Array): void {
  for (let n = 0; n < 32; n++) out[n] = times(mat, mat[n]);
}

/** The CRC-32 of A followed by B, from crc(A), crc(B) and B's length. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB <= 0) return crcA >>> 0;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320; // the CRC polynomial: one zero bit
  for (let n = 1, row = 1; n < 32; n++, row *= 2) odd[n] = row;
  square(even, odd); // two zero bits
  square(odd, even); // four zero bits
  let crc = crcA >>> 0;
  let len = lengthB;
  // apply len zero bytes to crcA, squaring the operator for each bit of len
  for (;;) {
    square(even, odd);
    if (len % 2) crc = times(even, crc);
    len = Math.floor(len / 2);
    if (len === 0) break;
    square(odd, even);
    if (len % 2) crc = times(odd, crc);
    len = Math.floor(len / 2);
    if (len === 0) break;
  }
  return (crc ^ crcB) >>> 0;
}
