/**
 * Deterministic ids. An {@link IdStream} is named by (seed, stream); `uuid(k0, k1)` hashes a
 * stable record key with a fast non-cryptographic 128-bit mix (MurmurHash3 x86 rounds), so the
 * same logical record gets the same id in every run, whatever the order, chunking or worker
 * count. Ids are written as ASCII bytes straight into string-column buffers: building millions
 * of JS strings costs seconds, writing bytes costs tenths (TOOLCHAIN.md).
 */

const HEX = new Uint8Array(16);
for (let i = 0; i < 16; i++) HEX[i] = '0123456789abcdef'.charCodeAt(i);
/** ASCII of the high and low hex digit of each byte value: two lookups per byte on the hot path. */
const HI = new Uint8Array(256);
const LO = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  HI[b] = HEX[b >> 4];
  LO[b] = HEX[b & 15];
}
const DASH = 45;

/**
 * The four hex digits of every 16-bit value as one big-endian word: a table read and one store
 * per 16 bits of an id (built at the first id written through a view: 256 KB).
 */
let hex4: Uint32Array | undefined;
function hex4Table(): Uint32Array {
  if (!hex4) {
    hex4 = new Uint32Array(65536);
    for (let v = 0; v < 65536; v++) hex4[v] = ((HEX[v >>> 12] << 24) | (HEX[(v >>> 8) & 15] << 16) | (HEX[(v >>> 4) & 15] << 8) | HEX[v & 15]) >>> 0;
  }
  return hex4;
}

/** A view over an id column's bytes, made once per column, for the fast paths of {@link IdStream.uuidInto}, {@link IdStream.hex128Into} and {@link IdStream.hex64Into}. */
export function idView(buf: Uint8Array): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Write the 16 bits `v` as 4 hex digits at buf[o]. */
function hex16(buf: Uint8Array, o: number, v: number): void {
  const a = (v >>> 8) & 0xff;
  const b = v & 0xff;
  buf[o] = HI[a];
  buf[o + 1] = LO[a];
  buf[o + 2] = HI[b];
  buf[o + 3] = LO[b];
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** MurmurHash3's 32-bit finaliser: a fast full-avalanche mix (also used by the column summaries). */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** MurmurHash3's 32-bit body step: mix the word `k` into the running hash `h`. */
export function mixWord(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = rotl(k, 15);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = rotl(h, 13);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** 32-bit hash of a string (UTF-16 code units), for seeding streams and keys. */
export function hashString32(s: string, seed = 0x9747b28c): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = mixWord(h, s.charCodeAt(i));
  return fmix(h ^ s.length);
}

/** Split a non-negative safe integer into low and high 32-bit words. */
function lo32(n: number): number {
  return n >>> 0;
}
function hi32(n: number): number {
  return Math.floor(n / 4294967296) >>> 0;
}

/** 128 bits written by {@link IdStream.hash128} for reuse without allocation. */
const OUT = new Uint32Array(4);

export class IdStream {
  private readonly h1: number;
  private readonly h2: number;
  private readonly h3: number;
  private readonly h4: number;

  /** @param seed the run seed; @param stream the stream's name, e.g. `workflow:events`. */
  constructor(seed: number | string, stream: string) {
    const name = `${seed}\u001f${stream}`;
    this.h1 = hashString32(name, 0x243f6a88);
    this.h2 = hashString32(name, 0x85a308d3);
    this.h3 = hashString32(name, 0x13198a2e);
    this.h4 = hashString32(name, 0x03707344);
  }

  /** Hash the key (k0, k1: non-negative safe integers) into OUT[0..3]. */
  private hash128(k0: number, k1: number): Uint32Array {
    const a = lo32(k0);
    const b = hi32(k0);
    const c = lo32(k1);
    const d = hi32(k1);
    let h1 = mixWord(this.h1, a);
    let h2 = mixWord(this.h2, b);
    let h3 = mixWord(this.h3, c);
    let h4 = mixWord(this.h4, d);
    h1 = mixWord(h1, c) ^ h4;
    h2 = mixWord(h2, d) ^ h3;
    h3 = mixWord(h3, a) ^ h2;
    h4 = mixWord(h4, b) ^ h1;
    h1 = (h1 + h2 + h3 + h4) | 0;
    h2 = (h2 + h1) | 0;
    h3 = (h3 + h1) | 0;
    h4 = (h4 + h1) | 0;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h3 = fmix(h3);
    h4 = fmix(h4);
    h1 = (h1 + h2 + h3 + h4) | 0;
    OUT[0] = h1;
    OUT[1] = (h2 + h1) | 0;
    OUT[2] = (h3 + h1) | 0;
    OUT[3] = (h4 + h1) | 0;
    return OUT;
  }

  /**
   * Write a UUID-shaped id (lower-case 8-4-4-4-12, version 4, variant 10xx) for key (k0, k1)
   * as 36 ASCII bytes at `buf[offset]`; `view` ({@link idView} of `buf`) writes it a word at a
   * time (the same bytes).
   */
  uuidInto(buf: Uint8Array, offset: number, k0: number, k1 = 0, view?: DataView): void {
    const w = this.hash128(k0, k1);
    // version nibble 4 in byte 6, variant bits 10 in byte 8
    const w0 = w[0];
    const w1 = (w[1] & 0xffff0fff) | 0x00004000;
    const w2 = (w[2] & 0x3fffffff) | 0x80000000;
    const w3 = w[3];
    const o = offset;
    if (view) {
      const t = hex4Table();
      view.setUint32(o, t[w0 >>> 16]);
      view.setUint32(o + 4, t[w0 & 0xffff]);
      buf[o + 8] = DASH;
      view.setUint32(o + 9, t[w1 >>> 16]);
      buf[o + 13] = DASH;
      view.setUint32(o + 14, t[w1 & 0xffff]);
      buf[o + 18] = DASH;
      view.setUint32(o + 19, t[w2 >>> 16]);
      buf[o + 23] = DASH;
      view.setUint32(o + 24, t[w2 & 0xffff]);
      view.setUint32(o + 28, t[w3 >>> 16]);
      view.setUint32(o + 32, t[w3 & 0xffff]);
      return;
    }
    hex16(buf, o, w0 >>> 16);
    hex16(buf, o + 4, w0);
    buf[o + 8] = DASH;
    hex16(buf, o + 9, w1 >>> 16);
    buf[o + 13] = DASH;
    hex16(buf, o + 14, w1);
    buf[o + 18] = DASH;
    hex16(buf, o + 19, w2 >>> 16);
    buf[o + 23] = DASH;
    hex16(buf, o + 24, w2);
    hex16(buf, o + 28, w3 >>> 16);
    hex16(buf, o + 32, w3);
  }

  /**
   * Write `nBytes` (≤ 16) of the key's hash as 2·nBytes lower-case hex characters; never all
   * zeros. Trace and span ids (16 and 8 bytes) have fast paths: {@link hex128Into}, {@link hex64Into}.
   */
  hexInto(buf: Uint8Array, offset: number, nBytes: number, k0: number, k1 = 0): void {
    const w = this.hash128(k0, k1);
    // the bytes written are the first nBytes of w[0..3], each word big-endian
    let zero = true;
    for (let j = 0; j < nBytes >> 2; j++) if (w[j] !== 0) zero = false;
    const tail = nBytes & 3;
    if (zero && tail > 0 && w[nBytes >> 2] >>> (32 - 8 * tail) !== 0) zero = false;
    if (zero) w[0] |= 1 << 24; // W3C trace-context forbids the all-zero id
    let o = offset;
    for (let i = 0; i < nBytes; i++) {
      const byte = (w[i >> 2] >>> (24 - 8 * (i & 3))) & 0xff;
      buf[o++] = HI[byte];
      buf[o++] = LO[byte];
    }
  }

  /**
   * {@link hexInto} of all 16 bytes (a W3C trace id) through `view` ({@link idView} of the
   * buffer): the same 32 characters, without the general case's loops (ids are written by the
   * million, and the loops cost a third of each).
   */
  hex128Into(view: DataView, o: number, k0: number, k1 = 0): void {
    const w = this.hash128(k0, k1);
    if ((w[0] | w[1] | w[2] | w[3]) === 0) w[0] = 1 << 24;
    const t = hex4Table();
    view.setUint32(o, t[w[0] >>> 16]);
    view.setUint32(o + 4, t[w[0] & 0xffff]);
    view.setUint32(o + 8, t[w[1] >>> 16]);
    view.setUint32(o + 12, t[w[1] & 0xffff]);
    view.setUint32(o + 16, t[w[2] >>> 16]);
    view.setUint32(o + 20, t[w[2] & 0xffff]);
    view.setUint32(o + 24, t[w[3] >>> 16]);
    view.setUint32(o + 28, t[w[3] & 0xffff]);
  }

  /** {@link hexInto} of the first 8 bytes (a span id) through `view`: the same 16 characters, as {@link hex128Into}. */
  hex64Into(view: DataView, o: number, k0: number, k1 = 0): void {
    const w = this.hash128(k0, k1);
    if ((w[0] | w[1]) === 0) w[0] = 1 << 24;
    const t = hex4Table();
    view.setUint32(o, t[w[0] >>> 16]);
    view.setUint32(o + 4, t[w[0] & 0xffff]);
    view.setUint32(o + 8, t[w[1] >>> 16]);
    view.setUint32(o + 12, t[w[1] & 0xffff]);
  }

  /** The UUID for key (k0, k1) as a string (for small tables and tests). */
  uuid(k0: number, k1 = 0): string {
    const b = new Uint8Array(36);
    this.uuidInto(b, 0, k0, k1);
    return String.fromCharCode(...b);
  }

  /** `nBytes` of the key's hash as hex (trace ids: 16 bytes, span ids: 8 bytes). */
  hex(nBytes: number, k0: number, k1 = 0): string {
    const b = new Uint8Array(nBytes * 2);
    this.hexInto(b, 0, nBytes, k0, k1);
    return String.fromCharCode(...b);
  }
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** JSON with object keys sorted at every depth and no whitespace: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * A run-level id (a file drop's `runId`, a stream's or hybrid's correlation id): a UUID hashed
 * from the simulator's name, the seed and the canonical JSON of its config, so every run and
 * every host with the same inputs gets the same id (spec/file-drop.md §5 `detUuid`).
 */
export function runIdOf(kind: string, seed: number, config: unknown): string {
  return new IdStream(seed, `spindle\u001f${kind}\u001f${canonicalJson(config)}`).uuid(0);
}
