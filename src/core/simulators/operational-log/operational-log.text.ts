/**
 * Byte-level text helpers for the hot paths (messages, OTLP JSON): numbers are written as
 * ASCII digits straight into buffers, never through millions of JS strings.
 */

const encoder = new TextEncoder();

export function ascii(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Writes a non-negative integer's decimal digits at buf[o]; returns the new offset. */
export function writeUint(buf: Uint8Array, o: number, v: number): number {
  if (v < 10) {
    buf[o] = 48 + v;
    return o + 1;
  }
  if (v < 2147483648) {
    // small-integer arithmetic: the common case (latencies, codes)
    let x = v | 0;
    let digits = 1;
    for (let t = x; t >= 10; t = (t / 10) | 0) digits++;
    for (let i = o + digits - 1; i >= o; i--) {
      const q = (x / 10) | 0;
      buf[i] = 48 + x - q * 10;
      x = q;
    }
    return o + digits;
  }
  let digits = 0;
  for (let x = v; x >= 1; x = Math.floor(x / 10)) digits++;
  let x = v;
  for (let i = o + digits - 1; i >= o; i--) {
    const q = Math.floor(x / 10);
    buf[i] = 48 + (x - q * 10);
    x = q;
  }
  return o + digits;
}

/**
 * Writes a value rounded to 2 decimals the way Python prints a float (`53.27`, `53.3`,
 * `53.0`), which is how the reference formats latencies in messages. At most 20 bytes.
 */
export function writeCents(buf: Uint8Array, o: number, value: number): number {
  const cents = Math.round(value * 100);
  const whole = Math.floor(cents / 100);
  const frac = cents - whole * 100;
  o = writeUint(buf, o, whole);
  buf[o++] = 46;
  if (frac % 10 === 0) buf[o++] = 48 + frac / 10;
  else {
    buf[o++] = 48 + Math.floor(frac / 10);
    buf[o++] = 48 + (frac % 10);
  }
  return o;
}

/** The text {@link writeCents} writes (tests, small tables). */
export function formatCents(value: number): string {
  const b = new Uint8Array(24);
  return String.fromCharCode(...b.subarray(0, writeCents(b, 0, value)));
}

/**
 * An append-only byte buffer for large generated text (the OTLP export). Short fragments are
 * copied by a plain loop: `TypedArray.set` costs a native call per fragment, which dominated
 * when a record is a dozen fragments of 10–70 bytes.
 */
export class TextBytes {
  buf: Uint8Array;
  pos = 0;

  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(1 << 16, capacity));
  }

  /** Room for `extra` more bytes; grows by 1.5× (the initial size is an estimate of the whole). */
  ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.pos + extra, Math.ceil(this.buf.length * 1.5)));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** Appends src; the caller has ensured room. */
  put(src: Uint8Array): void {
    const buf = this.buf;
    let o = this.pos;
    for (let k = 0; k < src.length; k++) buf[o++] = src[k];
    this.pos = o;
  }

  /** Appends a long fragment (≳ 100 bytes) by one native copy; the caller has ensured room. */
  block(src: Uint8Array): void {
    this.buf.set(src, this.pos);
    this.pos += src.length;
  }

  /** Appends src[from, to); the caller has ensured room. */
  putRange(src: Uint8Array, from: number, to: number): void {
    const buf = this.buf;
    let o = this.pos;
    for (let k = from; k < to; k++) buf[o++] = src[k];
    this.pos = o;
  }

  byte(b: number): void {
    this.buf[this.pos++] = b;
  }

  /** ASCII text with its own room check (rare, structural pieces). */
  text(s: string): void {
    this.ensure(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.pos++] = s.charCodeAt(i);
  }

  uint(v: number): void {
    this.pos = writeUint(this.buf, this.pos, v);
  }

  /** hi (any non-negative integer < 2^31, no leading zeros) then lo as exactly 8 digits. */
  digits8(hi: number, lo: number): void {
    const buf = this.buf;
    let o = this.pos;
    if (hi > 0) {
      let w = 1;
      for (let x = hi; x >= 10; x = (x / 10) | 0) w++;
      for (let k = o + w - 1, x = hi | 0; k >= o; k--, x = (x / 10) | 0) buf[k] = 48 + (x % 10);
      o += w;
      for (let k = o + 7, x = lo | 0; k >= o; k--, x = (x / 10) | 0) buf[k] = 48 + (x % 10);
      o += 8;
    } else o = writeUint(buf, o, lo);
    this.pos = o;
  }

  cents(v: number): void {
    this.pos = writeCents(this.buf, this.pos, v);
  }

  /** The bytes written; keeps the buffer rather than copying a gigabyte when the estimate was close. */
  finish(): Uint8Array {
    return this.pos > this.buf.length * 0.75 ? this.buf.subarray(0, this.pos) : this.buf.slice(0, this.pos);
  }
}
