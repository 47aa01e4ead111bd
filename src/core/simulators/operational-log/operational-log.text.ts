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
