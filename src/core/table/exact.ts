/**
 * Exact text for the exact column kinds (issue 11): decimal literals without a double in
 * between, 64-bit integer bounds, and times of day. Readers and writers of every format share
 * these, so one rule decides what is exact.
 */

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
export const US_PER_DAY_TIME = 86_400_000_000;

/** A decimal literal split into sign, significant digits (no leading zeros) and a power of ten. */
export interface DecimalParts {
  readonly neg: boolean;
  /** Digits without leading zeros ('' for zero). */
  readonly digits: string;
  /** value = digits × 10^exp. */
  readonly exp: number;
}

const LITERAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parts of a decimal literal (`-12.50`, `1e400`, `.5`), or null when it is not one. */
export function decimalParts(text: string): DecimalParts | null {
  const m = LITERAL.exec(text);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return null;
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? 0) - frac.length;
  if (!Number.isSafeInteger(exp)) return null;
  let digits = (m[2] + frac).replace(/^0+/, '');
  let e = exp;
  // trailing zeros move into the exponent so equal values have equal parts
  const trimmed = digits.replace(/0+$/, '');
  e += digits.length - trimmed.length;
  digits = trimmed;
  return { neg: m[1] === '-' && digits !== '', digits, exp: digits === '' ? 0 : e };
}

/** Whether a double holds the literal's value exactly as written (its shortest text is the same number). */
export function doubleKeeps(text: string, parts = decimalParts(text)): boolean {
  if (!parts) return false;
  const x = Number(text);
  if (!Number.isFinite(x)) return false;
  const back = decimalParts(String(x));
  return !!back && back.digits === parts.digits && back.exp === parts.exp && (parts.digits === '' || back.neg === parts.neg);
}

/** Digits after the decimal point a literal needs (0 for integers; `1.50` needs 1). */
export function scaleOf(parts: DecimalParts): number {
  return Math.max(0, -parts.exp);
}

/** The literal as an unscaled integer at `scale` (`19.99` at 2 → 1999n), or null when digits would be lost. */
export function unscaledAt(parts: DecimalParts, scale: number): bigint | null {
  if (parts.digits === '') return 0n;
  const shift = parts.exp + scale;
  if (shift < 0) return null;
  if (parts.digits.length + shift > 40) return null;
  const v = BigInt(parts.digits + '0'.repeat(shift));
  return parts.neg ? -v : v;
}

/** Significant digits of the literal at `scale` (the DECIMAL precision it needs). */
export function precisionAt(parts: DecimalParts, scale: number): number {
  if (parts.digits === '') return Math.max(1, scale);
  return Math.max(parts.digits.length + parts.exp + scale, scale, 1);
}

export const fitsInt64 = (v: bigint) => v >= INT64_MIN && v <= INT64_MAX;

/** An integer literal as a bigint (no fraction, no exponent), or null. */
export function integerLiteral(text: string): bigint | null {
  return /^[+-]?\d+$/.test(text) ? BigInt(text) : null;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** `HH:MM:SS`, with `.mmm` or `.ffffff` when the time has a fraction (as DuckDB prints TIME). */
export function formatTimeOfDay(us: number): string {
  const s = Math.floor(us / 1_000_000);
  const f = us - s * 1_000_000;
  const base = `${pad(Math.floor(s / 3600), 2)}:${pad(Math.floor(s / 60) % 60, 2)}:${pad(s % 60, 2)}`;
  if (f === 0) return base;
  return f % 1000 === 0 ? `${base}.${pad(f / 1000, 3)}` : `${base}.${pad(f, 6)}`;
}

const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

/** µs since midnight of `HH:MM[:SS[.fraction]]`; `floored` when digits past µs were dropped. */
export function parseTimeOfDay(text: string): { us: number; floored: boolean } | null {
  const m = TIME_RE.exec(text);
  if (!m) return null;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  const frac = (m[4] ?? '').padEnd(9, '0');
  const us = ((h * 60 + mi) * 60 + s) * 1_000_000 + Number(frac.slice(0, 6));
  return { us, floored: Number(frac.slice(6)) !== 0 };
}

/** Floor division for bigints (BigInt `/` truncates toward zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
