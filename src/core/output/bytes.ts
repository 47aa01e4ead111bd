/** An append-only byte buffer for the text writers: grows by doubling, hands back one exact copy. */
export class ByteSink {
  buf: Uint8Array;
  pos = 0;

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
   * A finite double's shortest round-trip text (JS `String`, `-0` kept): integers, and values of
   * at most two decimals (prices and amounts, most of the doubles a simulator writes), digit by
   * digit; others through `String`. Below 10^13 a double that is k/100 has exactly that decimal
   * as its shortest text: neighbouring hundredths are farther apart than the double's precision.
   */
  finite(v: number): void {
    if (Number.isSafeInteger(v) && (v !== 0 || 1 / v > 0)) return this.int(v);
    const c = Math.round(v * 100);
    if (c / 100 === v && c !== 0 && c < 1e15 && c > -1e15) return this.hundredths(c);
    this.ascii(v === 0 ? '-0' : String(v));
  }

  /** c/100 for an integer c that is not a multiple of 100: `[-]whole.d[d]`. */
  private hundredths(c: number): void {
    if (c < 0) {
      this.byte(45);
      c = -c;
    }
    const whole = Math.floor(c / 100);
    const frac = c - whole * 100;
    this.int(whole);
    this.ensure(3);
    this.buf[this.pos++] = 46;
    this.buf[this.pos++] = 48 + Math.floor(frac / 10);
    if (frac % 10 !== 0) this.buf[this.pos++] = 48 + (frac % 10);
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

/** Write a number as JSON text: {@link ByteSink.finite} (JS `String`'s text, `-0` kept), `null` when not finite. */
export function writeNumber(out: ByteSink, v: number): void {
  if (Number.isFinite(v)) out.finite(v);
  else out.ascii('null');
}
