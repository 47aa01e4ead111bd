/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, for the checksums a landing zone publishes in its
 * manifests (`file_details[].sha256`). Synchronous and pure, so it runs the same in Node, in
 * browsers and in workers (the engine may not use `crypto`, and SubtleCrypto is async only).
 * Ids never use it: they come from the fast hash in ids.ts.
 */

// signed 32-bit words throughout: a Uint32Array of round constants above 2^31 would turn the
// round additions into float arithmetic
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/** The message schedule, reused across blocks and calls (no allocation per block). */
const W = new Int32Array(64);

/** Process `blocks` 64-byte blocks of `bytes` from `offset` into the state `h`. */
function compress(h: Int32Array, bytes: Uint8Array, offset: number, blocks: number): void {
  // big-endian words straight from the bytes: about twice the speed of assembling them from four loads
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3], h4 = h[4], h5 = h[5], h6 = h[6], h7 = h[7];
  for (let blk = 0; blk < blocks; blk++) {
    const o = offset + blk * 64;
    for (let i = 0; i < 16; i++) W[i] = view.getInt32(o + i * 4);
    for (let i = 16; i < 64; i++) {
      const w15 = W[i - 15];
      const w2 = W[i - 2];
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, hh = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i] + W[i]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + hh) | 0;
  }
  h[0] = h0;
  h[1] = h1;
  h[2] = h2;
  h[3] = h3;
  h[4] = h4;
  h[5] = h5;
  h[6] = h6;
  h[7] = h7;
}

/** An incremental SHA-256: `update` with chunks in order, then `digest` once. */
export class Sha256 {
  private readonly h = Int32Array.from(INITIAL);
  private readonly tail = new Uint8Array(64);
  private tailLength = 0;
  private total = 0;

  update(bytes: Uint8Array): this {
    let o = 0;
    const n = bytes.length;
    this.total += n;
    if (this.tailLength > 0) {
      const take = Math.min(64 - this.tailLength, n);
      this.tail.set(bytes.subarray(0, take), this.tailLength);
      this.tailLength += take;
      o = take;
      if (this.tailLength < 64) return this;
      compress(this.h, this.tail, 0, 1);
      this.tailLength = 0;
    }
    const blocks = (n - o) >>> 6;
    if (blocks > 0) compress(this.h, bytes, o, blocks);
    o += blocks * 64;
    if (o < n) {
      this.tail.set(bytes.subarray(o), 0);
      this.tailLength = n - o;
    }
    return this;
  }

  /** The 32-byte digest; the hasher is spent afterwards. */
  digest(): Uint8Array {
    const pad = new Uint8Array(this.tailLength < 56 ? 64 : 128);
    pad.set(this.tail.subarray(0, this.tailLength));
    pad[this.tailLength] = 0x80;
    // the message length in bits, big-endian, in the last 8 bytes (exact below 2^53 bits)
    const bits = this.total * 8;
    const hi = Math.floor(bits / 4294967296);
    const lo = bits >>> 0;
    const e = pad.length;
    pad[e - 8] = hi >>> 24;
    pad[e - 7] = hi >>> 16;
    pad[e - 6] = hi >>> 8;
    pad[e - 5] = hi;
    pad[e - 4] = lo >>> 24;
    pad[e - 3] = lo >>> 16;
    pad[e - 2] = lo >>> 8;
    pad[e - 1] = lo;
    compress(this.h, pad, 0, pad.length >>> 6);
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; i++) {
      const v = this.h[i];
      out[i * 4] = v >>> 24;
      out[i * 4 + 1] = v >>> 16;
      out[i * 4 + 2] = v >>> 8;
      out[i * 4 + 3] = v;
    }
    return out;
  }

  /** The digest as 64 lower-case hex characters. */
  hex(): string {
    let s = '';
    for (const b of this.digest()) s += (b < 16 ? '0' : '') + b.toString(16);
    return s;
  }
}

let native: ((bytes: Uint8Array) => string) | undefined;

/**
 * A host with a native SHA-256 (Node's `crypto`, thirty times the speed of this one on a landing
 * zone's files) installs it here; the digests are the same (a test checks both on the same bytes).
 * Browsers keep this implementation: theirs (SubtleCrypto) is async only.
 */
export function useNativeSha256(hex: ((bytes: Uint8Array) => string) | undefined): void {
  native = hex;
}

/** SHA-256 of `bytes` as lower-case hex (what manifests publish). */
export function sha256Hex(bytes: Uint8Array): string {
  return native ? native(bytes) : new Sha256().update(bytes).hex();
}
