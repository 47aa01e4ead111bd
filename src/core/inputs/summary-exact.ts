/**
 * Summary figures of bigint and decimal columns, exact (issue 11): min, max and the sum in
 * 64-bit-and-beyond integer arithmetic, the mean rounded half away from zero to two digits past
 * the scale, distinct values exactly up to the limits of `summary.ts`, then by HyperLogLog.
 */
import { decimalText, type BigIntColumn, type DecimalColumn } from '../table/column';
import { hashBigint, HyperLogLog } from './sketch';

export interface ExactFigures {
  readonly present: number;
  readonly distinct: number;
  readonly distinctExact: boolean;
  /** Nearest doubles, for the histogram and the chart axis. */
  readonly min: number | null;
  readonly max: number | null;
  readonly mean: number | null;
  readonly approx: Float64Array;
  readonly text: { readonly min: string; readonly max: string; readonly mean: string } | null;
}

/** `round(a / b)`, half away from zero, for b > 0. */
function divRound(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  if (2n * (r < 0n ? -r : r) >= b) return a < 0n ? q - 1n : q + 1n;
  return q;
}

/** Trailing zeros past `keep` fraction digits dropped (`12.3400` at keep 2 → `12.34`). */
function trimFraction(text: string, keep: number): string {
  const dot = text.indexOf('.');
  if (dot < 0) return text;
  let end = text.length;
  while (end > dot + 1 + keep && text[end - 1] === '0') end--;
  return text.slice(0, end === dot + 1 ? dot : end);
}

export function exactFigures(c: BigIntColumn | DecimalColumn, exactLimit: number, exactDistinct: number): ExactFigures {
  const v = c.values;
  const n = v.length;
  const scale = c.type === 'decimal' ? c.scale : 0;
  const unit = 10 ** scale;
  const approx = new Float64Array(n);
  let present = 0;
  let min = 0n;
  let max = 0n;
  let sum = 0n;
  for (let i = 0; i < n; i++) {
    if (c.valid && c.valid[i] === 0) continue;
    const x = v[i];
    approx[i] = Number(x) / unit;
    if (present === 0 || x < min) min = x;
    if (present === 0 || x > max) max = x;
    sum += x;
    present++;
  }
  const cap = present <= exactLimit ? Infinity : exactDistinct;
  const seen = new Set<bigint>();
  let distinct: number | null = 0;
  for (let i = 0; i < n && distinct !== null; i++) {
    if (c.valid && c.valid[i] === 0) continue;
    seen.add(v[i]);
    if (seen.size > cap) distinct = null;
  }
  const distinctExact = distinct !== null;
  if (distinct === null) {
    const hll = new HyperLogLog();
    for (let i = 0; i < n; i++) if (!(c.valid && c.valid[i] === 0)) hll.add(hashBigint(v[i]));
    distinct = Math.min(present, hll.estimate());
  } else distinct = seen.size;
  if (present === 0) return { present, distinct: 0, distinctExact: true, min: null, max: null, mean: null, approx, text: null };
  const meanUnscaled = divRound(sum * 100n, BigInt(present));
  const mean = trimFraction(decimalText(meanUnscaled, scale + 2), scale);
  return {
    present,
    distinct,
    distinctExact,
    min: Number(min) / unit,
    max: Number(max) / unit,
    mean: Number(mean),
    approx,
    text: { min: decimalText(min, scale), max: decimalText(max, scale), mean },
  };
}
