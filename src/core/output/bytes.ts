const encoder = new TextEncoder();

/** `s` as UTF-8 bytes: the fixed fragments that byte writers copy in hot loops. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** An append-only byte buffer for the text writers: grows by doubling, hands back one exact copy. */
export class ByteSink {
  buf: Uint8Array;
  pos = 0;
  /** `buf` as a DataView, for {@link copy}'s four bytes at a time (made at the first copy: most small sinks never copy). */
  private view: DataView | undefined;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(capacity);
  }

  /** Make room for `extra` more bytes; call before writing into `buf` at `pos` directly. */
  ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = undefined;
  }

  /** Make room for exactly `extra` more bytes (an estimate of what is still to come): no doubling past it. */
  reserve(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    const next = new Uint8Array(this.pos + extra);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = undefined;
  }

  /**
   * Appends src[a, b), reading through `srcView` (from {@link viewOf}(src)) four bytes at a time:
   * about three times faster than a byte loop for ids and names, and than a native copy, whose
   * call costs more than a short cell.
   */
  copy(src: Uint8Array, srcView: DataView, a: number, b: number): void {
    this.ensure(b - a);
    const dst = (this.view ??= new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength));
    let p = this.pos;
    let k = a;
    for (; k + 4 <= b; k += 4, p += 4) dst.setInt32(p, srcView.getInt32(k));
    const buf = this.buf;
    for (; k < b; k++) buf[p++] = src[k];
    this.pos = p;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  /** ASCII-only text (numbers, keywords). */
  ascii(s: string): void {
    this.ensure(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.pos++] = s.charCodeAt(i);
  }

  bytes(src: Uint8Array): void {
    const n = src.length;
    this.ensure(n);
    // a native copy costs more than a loop for the short fragments (keys, labels) that dominate
    if (n < 24) {
      const buf = this.buf;
      let p = this.pos;
      for (let i = 0; i < n; i++) buf[p++] = src[i];
      this.pos = p;
    } else {
      this.buf.set(src, this.pos);
      this.pos += n;
    }
  }

  /**
   * A safe integer's decimal digits (a leading `-` when negative), written without building a
   * string: ids and counts are most of the numbers the text writers write.
   */
  int(v: number): void {
    this.ensure(17);
    const buf = this.buf;
    let p = this.pos;
    if (v < 0) {
      buf[p++] = 45;
      v = -v;
    }
    if (v <= 0x7fffffff) {
      // int32 arithmetic: no float division per digit
      let u = v | 0;
      const digits = u < 10 ? 1 : u < 100 ? 2 : u < 1000 ? 3 : u < 10_000 ? 4 : u < 100_000 ? 5 : u < 1_000_000 ? 6 : u < 10_000_000 ? 7 : u < 100_000_000 ? 8 : u < 1_000_000_000 ? 9 : 10;
      for (let i = p + digits - 1; i >= p; i--) {
        const q = (u / 10) | 0;
        buf[i] = 48 + u - q * 10;
        u = q;
      }
      this.pos = p + digits;
      return;
    }
    let digits = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
    for (let i = p + digits - 1; i >= p; i--) {
      const q = Math.floor(v / 10);
      buf[i] = 48 + (v - q * 10);
      v = q;
    }
    this.pos = p + digits;
  }

  /**
   * A finite double's shortest round-trip text (JS `String`, `-0` kept). Integers, and values
   * of at most six decimals below 10^9 (prices, amounts, hours, sensor readings: most of the
   * doubles a simulator writes), are written digit by digit; others through `String`.
   *
   * Why that is `String`'s text: when m = round(v·10^6) and m / 10^6 === v, v is the double
   * nearest the decimal m·10^-6 (IEEE division rounds correctly). With |m| < 10^15 that decimal
   * has at most 15 significant digits once its trailing zeros go, and two different decimals of
   * at most 15 digits are never the same double, so no shorter text reads back as v; and
   * 10^-6 ≤ |v| < 10^9 is the range where `String` writes plain digits, no exponent.
   */
  finite(v: number): void {
    if (Number.isSafeInteger(v) && (v !== 0 || 1 / v > 0)) return this.int(v);
    // hundredths first (prices and amounts): the same reasoning at 10^-2, two digits to write
    const c = Math.round(v * 100);
    if (c / 100 === v && c < 1e15 && c > -1e15 && c !== 0) return this.decimal(c, 2, 100);
    const m = Math.round(v * 1e6);
    if (m / 1e6 === v && m !== 0 && m < 1e15 && m > -1e15) return this.decimal(m, 6, 1e6);
    this.ascii(v === 0 ? '-0' : String(v));
  }

  /**
   * m/10^places for an integer m that is not a multiple of 10^places (places ≤ 9):
   * `[-]whole.f…` without trailing zeros.
   */
  private decimal(m: number, places: number, scale: number): void {
    if (m < 0) {
      this.byte(45);
      m = -m;
    }
    const whole = Math.floor(m / scale);
    let frac = m - whole * scale; // 1 … scale − 1, an int32
    this.int(whole);
    this.ensure(places + 1);
    const buf = this.buf;
    let p = this.pos;
    buf[p++] = 46;
    let end = p + places;
    for (let i = end - 1; i >= p; i--) {
      const q = (frac / 10) | 0;
      buf[i] = 48 + frac - q * 10;
      frac = q;
    }
    while (buf[end - 1] === 48) end--;
    this.pos = end;
  }

  /**
   * The bytes written. A buffer at least three quarters full is handed over as a view, not
   * copied (a text part of tens of MB); the sink must not be written to afterwards.
   */
  finish(): Uint8Array {
    return this.pos >= this.buf.length * 0.75 ? this.buf.subarray(0, this.pos) : this.buf.slice(0, this.pos);
  }
}

/**
 * Writes rows [0, n) with `row`, sizing the sink from the first rows written: one allocation of
 * about the final size instead of doublings and a copy (tables of millions of rows).
 */
export function writeRows(out: ByteSink, n: number, row: (out: ByteSink, i: number) => void): void {
  const probe = Math.min(n, 512);
  const start = out.pos;
  for (let i = 0; i < probe; i++) row(out, i);
  if (probe < n) out.reserve(Math.ceil(((out.pos - start) / probe) * (n - probe) * 1.15) + 256);
  for (let i = probe; i < n; i++) row(out, i);
}

/** Dictionaries up to this many entries keep their encoded entries between writers. */
const MAX_CACHED_ENTRIES = 1 << 16;

/** Encoded text per dictionary entry, kept with the dictionary (one cache per encoding). */
export type EntryCache = WeakMap<readonly string[], (Uint8Array | undefined)[]>;

/**
 * The cached encodings of `dict`'s entries (filled in as entries are first written): a landing
 * zone writes thousands of small files from the same few dictionaries.
 */
export function entriesOf(cache: EntryCache, dict: readonly string[]): (Uint8Array | undefined)[] {
  // a large dictionary (ids as codes) is cached per writer only: kept with it, its encodings
  // could outweigh the column itself
  if (dict.length > MAX_CACHED_ENTRIES) return new Array<Uint8Array | undefined>(dict.length);
  let entries = cache.get(dict);
  if (!entries) cache.set(dict, (entries = new Array<Uint8Array | undefined>(dict.length)));
  return entries;
}

/** A DataView over exactly the bytes of `a` (for {@link ByteSink.copy}). */
export function viewOf(a: Uint8Array): DataView {
  return new DataView(a.buffer, a.byteOffset, a.byteLength);
}

/** Write a number as JSON text: {@link ByteSink.finite} (JS `String`'s text, `-0` kept), `null` when not finite. */
export function writeNumber(out: ByteSink, v: number): void {
  if (Number.isFinite(v)) out.finite(v);
  else out.ascii('null');
}
